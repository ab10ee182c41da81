// What every server-rendered page carries: the signed-in person and what they
// may do, a CSRF token, a fresh idempotency key for its forms, and the one-time
// flash (a refused form) or notice (a confirmation) left by the last redirect.
import type { NextFunction, Request, Response } from 'express';
import { newId } from '../lib/ids';
import { permissionsOf } from './permissions';

declare module 'express-session' {
  interface SessionData {
    flash?: { error: string; field: string | null; form?: Record<string, unknown> };
    loginStartedAt?: string;
    /** A one-time confirmation shown on the next page. */
    notice?: string;
  }
}

export interface Csrf {
  generateCsrfToken: (req: Request, res: Response) => string;
  doubleCsrfProtection: (req: Request, res: Response, next: NextFunction) => void;
  validateRequest: (req: Request) => boolean;
}

export function page(req: Request, res: Response, csrf: Csrf, extra: Record<string, unknown>) {
  const flash = req.session.flash;
  const notice = req.session.notice;
  delete req.session.flash;
  delete req.session.notice;
  return {
    notice: notice ?? null,
    user: req.user ?? null,
    may: req.user ? permissionsOf(req.user.role) : null,
    csrfToken: csrf.generateCsrfToken(req, res),
    idempotencyKey: newId(),
    flash: flash ?? null,
    ...extra,
  };
}
