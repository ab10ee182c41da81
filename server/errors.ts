// One error type with an HTTP status and the field at fault; one handler that
// answers {"error", "field"} and logs without personal data.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../lib/logger';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (field: string, message: string) => new HttpError(400, message, field);
export const notFound = (what = 'incident') => new HttpError(404, `${what} not found`, null);

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let status = 500;
    let body: { error: string; field?: string | null } = { error: 'internal error' };
    if (err instanceof HttpError) {
      status = err.status;
      body = { error: err.message, field: err.field };
    } else if (err?.type === 'entity.too.large') {
      status = 413;
      body = { error: 'request body too large', field: null };
    } else if (err?.type === 'entity.parse.failed') {
      status = 400;
      body = { error: 'malformed JSON', field: null };
    } else if (
      err?.code === 'EBADCSRFTOKEN' ||
      err?.code === 'ERR_BAD_CSRF_TOKEN' ||
      err?.message === 'invalid csrf token'
    ) {
      status = 403;
      body = { error: 'invalid or missing CSRF token', field: '_csrf' };
    }
    if (status >= 500)
      logger.error(
        { err: { name: err?.name, message: err?.message, stack: err?.stack }, path: req.path },
        'request failed',
      );
    if (res.headersSent) return;
    if (
      req.accepts(['json', 'html']) === 'html' &&
      !req.path.startsWith('/api/') &&
      !req.path.startsWith('/webhooks/')
    ) {
      res.status(status).render('error', {
        status,
        error: body.error,
        field: body.field ?? null,
        user: (req as { user?: unknown }).user ?? null,
      });
      return;
    }
    res.status(status).json(body);
  };
}
