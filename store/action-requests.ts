// The human steps' idempotency keys: one row per (incident, action, key) with
// a hash of the request body, so a repeat can be told from a key reused for
// another request.
import type { Tx } from './connection';

export interface ActionRequestKey {
  incidentId: string;
  action: string;
  idempotencyKey: string;
}

/** The body hash stored with the key, if the key was seen for this incident and action. */
export async function findActionRequestTx(
  tx: Tx,
  k: ActionRequestKey,
): Promise<{ request_sha256: string } | undefined> {
  return tx.get<{ request_sha256: string }>(
    'SELECT request_sha256 FROM action_requests WHERE incident_id = ? AND action = ? AND idempotency_key = ?',
    [k.incidentId, k.action, k.idempotencyKey],
  );
}

export async function insertActionRequestTx(
  tx: Tx,
  r: ActionRequestKey & { requestSha256: string; createdAt: string },
): Promise<void> {
  await tx.run(
    'INSERT INTO action_requests (incident_id, action, idempotency_key, request_sha256, created_at) VALUES (?,?,?,?,?)',
    [r.incidentId, r.action, r.idempotencyKey, r.requestSha256, r.createdAt],
  );
}

export async function deleteActionRequestTx(tx: Tx, k: ActionRequestKey): Promise<void> {
  await tx.run('DELETE FROM action_requests WHERE incident_id = ? AND action = ? AND idempotency_key = ?', [
    k.incidentId,
    k.action,
    k.idempotencyKey,
  ]);
}
