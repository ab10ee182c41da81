// What every server-rendered page carries: the signed-in person and what they
// may do, a CSRF token, a fresh idempotency key for its forms, and the one-time
// flash (a refused form) or notice (a confirmation) left by the last redirect.
import type { NextFunction, Request, Response } from 'express';
import { newId } from '../lib/ids';
import { permissionsOf } from './permissions';

declare module 'express-session' {
  interface SessionData {
    flash?: {
      error: string;
      field: string | null;
      form?: Record<string, unknown>;
      /** Set when the step was not confirmed in time (503): the page offers the same request again. */
      retryable?: boolean;
      /** The step the form was for (`triage`, `close`, ...), so only its form is filled in again. */
      action?: string;
    };
    loginStartedAt?: string;
    /** A one-time confirmation shown on the next page. */
    notice?: string;
    /** What the last CSV import did, shown once on the incident page. */
    importResult?: ImportSummary;
  }
}

export interface ImportSummary {
  incidentId: string;
  importId?: string;
  imported: number;
  duplicates: number;
  rejectedCount: number;
  /** The first rejections (row number and reason, never the row's content). */
  rejected: { row: number; error: string }[];
  /** How the stored people will be reached: language, channel, how many. */
  reach?: { locale: string; channel: string; people: number }[];
}

export interface Csrf {
  generateCsrfToken: (req: Request, res: Response) => string;
  doubleCsrfProtection: (req: Request, res: Response, next: NextFunction) => void;
  validateRequest: (req: Request) => boolean;
}

/**
 * After a 503 the worker may still act on the request: the page keeps its key, so a resubmit
 * is the same request (answered with the first outcome, or acted on once) and not a second one.
 * Keys are scoped by incident and action, so the other forms on the page sharing it is harmless.
 */
function retryKeyOf(flash: SessionDataFlash | undefined): string | null {
  const key = flash?.retryable ? flash.form?.idempotencyKey : undefined;
  return typeof key === 'string' && /^[A-Za-z0-9._:-]{8,200}$/.test(key) ? key : null;
}

type SessionDataFlash = NonNullable<Request['session']['flash']>;

export function page(req: Request, res: Response, csrf: Csrf, extra: Record<string, unknown>) {
  const flash = req.session.flash;
  const notice = req.session.notice;
  const importResult = req.session.importResult;
  delete req.session.flash;
  delete req.session.notice;
  delete req.session.importResult;
  return {
    notice: notice ?? null,
    importResult: importResult ?? null,
    user: req.user ?? null,
    may: req.user ? permissionsOf(req.user.role) : null,
    csrfToken: csrf.generateCsrfToken(req, res),
    idempotencyKey: retryKeyOf(flash) ?? newId(),
    flash: flash ?? null,
    ...extra,
  };
}
