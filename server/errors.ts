// One error type with an HTTP status and the field at fault; one handler that
// answers {"error", "field"} and logs without personal data.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../lib/logger';
import { NulInTextError } from '../store/text-values';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | null = null,
    /** The same request, repeated with the same Idempotency-Key, may succeed. */
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (field: string, message: string) => new HttpError(400, message, field);
export const notFound = (what = 'incident') => new HttpError(404, `${what} not found`, null);

/** body-parser's error types (see its README), answered with their status and a reason. */
const BODY_ERRORS: Record<string, [number, string]> = {
  'charset.unsupported': [415, 'unsupported charset: send UTF-8'],
  'encoding.unsupported': [415, 'unsupported Content-Encoding: send identity, gzip or deflate'],
  'entity.parse.failed': [400, 'malformed JSON'],
  'entity.too.large': [413, 'request body too large'],
  'entity.verify.failed': [400, 'request body refused'],
  'parameters.too.many': [413, 'too many form fields'],
  'request.aborted': [400, 'request body aborted'],
  'request.size.invalid': [400, 'request body shorter or longer than its Content-Length'],
  'stream.encoding.set': [500, 'internal error'],
  'stream.not.readable': [500, 'internal error'],
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let status = 500;
    let body: { error: string; field?: string | null; retryable?: true } = { error: 'internal error' };
    if (err instanceof HttpError) {
      status = err.status;
      body = { error: err.message, field: err.field, ...(err.retryable ? { retryable: true as const } : {}) };
    } else if (err instanceof NulInTextError) {
      status = 400;
      body = { error: err.message, field: null };
    } else if (typeof err?.type === 'string' && BODY_ERRORS[err.type]) {
      // body-parser's own failures are the client's: each gets its 4xx and a plain reason.
      [status, body.error] = BODY_ERRORS[err.type];
      body.field = null;
    } else if (err?.expose === true && err.status >= 400 && err.status < 500) {
      // Other http-errors from reading the body (a gzip header on a plain body): the request is at fault.
      status = err.status;
      body = { error: 'request body could not be read as sent (check Content-Encoding and Content-Type)', field: null };
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
