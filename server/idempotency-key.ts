// The client's idempotency key, from the Idempotency-Key header (API) or the
// hidden form field (pages): the same rule for both, so a retried form and a
// retried API call are recognised the same way.
import type { Request } from 'express';
import { HttpError } from './errors';

export function idempotencyKeyOf(key: unknown): string | null {
  if (key === undefined || key === null || key === '') return null;
  if (typeof key !== 'string' || !/^[A-Za-z0-9._:-]{8,200}$/.test(key))
    throw new HttpError(400, 'must be 8 to 200 characters of letters, digits, . _ : -', 'Idempotency-Key');
  return key;
}

export function idempotencyKey(req: Request): string | null {
  return idempotencyKeyOf(
    req.get('idempotency-key') ?? (typeof req.body?.idempotencyKey === 'string' ? req.body.idempotencyKey : undefined),
  );
}
