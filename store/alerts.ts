// Alerts received from monitoring sources, and which open incident each
// source's dedup key currently feeds.
import type { Db, Tx } from './connection';
import type { AlertSignal } from '../workflows/types';

export interface NewAlert {
  id: string;
  source: string;
  dedupKey: string;
  action: string;
  incidentId: string | null;
  summary: string;
  severity: string;
  bodyJson: string;
  receivedAt: string;
}

export interface UnsignalledAlertRow {
  id: string;
  action: AlertSignal['action'];
  received_at: string;
}

/** undefined when the alert was never seen; its incident (or null when it was ignored) otherwise. */
export const findAlertTx = (tx: Tx, id: string) =>
  tx.get<{ incident_id: string | null }>('SELECT incident_id FROM alerts WHERE id = ?', [id]);

export const findOpenDedupTx = (tx: Tx, source: string, dedupKey: string) =>
  tx.get<{ incident_id: string }>('SELECT incident_id FROM alert_dedup WHERE source = ? AND dedup_key = ?', [
    source,
    dedupKey,
  ]);

/** The incident this key fed most recently before it closed, to link a new one to it. */
export const findLastClosedDedupTx = (tx: Tx, source: string, dedupKey: string) =>
  tx.get<{ incident_id: string }>(
    'SELECT incident_id FROM alert_dedup_history WHERE source = ? AND dedup_key = ? ORDER BY closed_at DESC LIMIT 1',
    [source, dedupKey],
  );

export const insertOpenDedupTx = (
  tx: Tx,
  d: { source: string; dedupKey: string; incidentId: string; openedAt: string },
) =>
  tx.run('INSERT INTO alert_dedup (source, dedup_key, incident_id, opened_at) VALUES (?,?,?,?)', [
    d.source,
    d.dedupKey,
    d.incidentId,
    d.openedAt,
  ]);

export const insertAlertTx = (tx: Tx, a: NewAlert) =>
  tx.run(
    'INSERT INTO alerts (id, source, dedup_key, action, incident_id, summary, severity, body_json, received_at) VALUES (?,?,?,?,?,?,?,?,?)',
    [a.id, a.source, a.dedupKey, a.action, a.incidentId, a.summary, a.severity, a.bodyJson, a.receivedAt],
  );

export const listUnsignalledAlerts = (db: Db, incidentId: string) =>
  db.all<UnsignalledAlertRow>(
    'SELECT id, action, received_at FROM alerts WHERE incident_id = ? AND signalled_at IS NULL ORDER BY received_at',
    [incidentId],
  );

export const markAlertSignalled = (db: Db, id: string, at: string) =>
  db.run('UPDATE alerts SET signalled_at = ? WHERE id = ?', [at, id]);

export const deleteUnsignalledAlertTx = (tx: Tx, id: string) =>
  tx.run('DELETE FROM alerts WHERE id = ? AND signalled_at IS NULL', [id]);

/** When each source last sent an alert. */
export async function lastAlertAtBySource(db: Db): Promise<Map<string, string>> {
  const rows = await db.all<{ source: string; at: string }>(
    'SELECT source, MAX(received_at) AS at FROM alerts GROUP BY source',
  );
  return new Map(rows.map((r) => [r.source, r.at]));
}
