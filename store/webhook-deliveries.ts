// Signed webhook requests already answered, keyed by their signature, so a
// replay within the window gets the first answer instead of a second effect.
import type { Db, Tx } from './connection';
import { jsonRecords, jsonValues } from './dialect';

export interface WebhookDeliveryRow {
  status_code: number;
  response_json: string;
  received_at: string;
}

export const findWebhookDelivery = (db: Db, signature: string) =>
  db.get<WebhookDeliveryRow>(
    'SELECT status_code, response_json, received_at FROM webhook_deliveries WHERE signature = ?',
    [signature],
  );

/** The remembered answers of several deliveries at once, inside the transaction that may add theirs. */
export const findWebhookDeliveriesTx = (tx: Tx, signatures: string[]) =>
  tx.all<WebhookDeliveryRow & { signature: string }>(
    `SELECT signature, status_code, response_json, received_at FROM webhook_deliveries
     WHERE signature IN (${jsonValues(tx, '?', 'text')})`,
    [JSON.stringify(signatures)],
  );

export interface NewWebhookDelivery {
  signature: string;
  source: string;
  receivedAt: string;
  statusCode: number;
  responseJson: string;
}

/** Several answers in one statement ("WHERE true" lets the upsert parse after a SELECT). */
export const saveWebhookDeliveriesTx = (tx: Tx, ds: NewWebhookDelivery[]) =>
  tx.run(
    `INSERT INTO webhook_deliveries (signature, source, received_at, status_code, response_json)
     SELECT r.signature, r.source, r."receivedAt", r."statusCode", r."responseJson"
     FROM (${jsonRecords(tx, '?', { signature: 'text', source: 'text', receivedAt: 'text', statusCode: 'integer', responseJson: 'text' })}) AS r
     WHERE true
     ON CONFLICT (signature) DO UPDATE SET received_at = excluded.received_at, status_code = excluded.status_code,
       response_json = excluded.response_json`,
    [JSON.stringify(ds)],
  );

export const saveWebhookDelivery = (
  db: Db | Tx,
  d: { signature: string; source: string; receivedAt: string; statusCode: number; responseJson: string },
) =>
  db.run(
    `INSERT INTO webhook_deliveries (signature, source, received_at, status_code, response_json) VALUES (?,?,?,?,?)
       ON CONFLICT (signature) DO UPDATE SET received_at = excluded.received_at, status_code = excluded.status_code, response_json = excluded.response_json`,
    [d.signature, d.source, d.receivedAt, d.statusCode, d.responseJson],
  );

export const deleteWebhookDeliveriesBefore = (db: Db | Tx, before: string) =>
  db.run('DELETE FROM webhook_deliveries WHERE received_at < ?', [before]);
