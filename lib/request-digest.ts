// A request body's fingerprint for idempotency: the same fields with the same
// values give the same hash whatever order the client sent them in.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth; undefined fields are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(
          Object.entries(field as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : 1)),
        )
      : field,
  );
}

/** SHA-256 (hex) of the body's canonical JSON. */
export function requestDigest(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
