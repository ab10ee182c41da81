// Answers kept under a request's idempotency key, so a retried request gets the
// first answer instead of doing the work again.
import type { Tx } from './connection';

export interface IdempotentAnswer {
  key: string;
  scope: string;
  statusCode: number;
  body: unknown;
  createdAt: string;
}

/** The stored answer's body as JSON text, if the key was seen. */
export async function findIdempotentAnswerTx(tx: Tx, key: string): Promise<{ body_json: string } | undefined> {
  return tx.get<{ body_json: string }>('SELECT body_json FROM idempotency WHERE key = ?', [key]);
}

export async function recordIdempotentAnswerTx(tx: Tx, a: IdempotentAnswer): Promise<void> {
  await tx.run('INSERT INTO idempotency (key, scope, status_code, body_json, created_at) VALUES (?,?,?,?,?)', [
    a.key,
    a.scope,
    a.statusCode,
    JSON.stringify(a.body),
    a.createdAt,
  ]);
}
