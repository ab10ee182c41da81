// Alerts received from monitoring sources, and which open incident each
// source's dedup key currently feeds. The alerts table is also the intake
// buffer: a row with an incident and no signalled_at waits for the forwarder.
import type { Db, Tx } from './connection';
import { insertionOrder, jsonRecords } from './dialect';
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
  /** Its place in the incident's sequence (nextAlertSeqTx); null when the alert was ignored. */
  seq: number | null;
}

export interface UndeliveredAlertRow {
  id: string;
  incident_id: string;
  seq: number;
  action: AlertSignal['action'];
  received_at: string;
}

/** What the forwarder needs to decide a row again when its incident closed before delivery. */
export interface RedecidedAlertRow {
  id: string;
  source: string;
  dedup_key: string;
  action: AlertSignal['action'];
  summary: string;
  severity: string;
}

/** undefined when the alert was never seen; its incident (or null when it was ignored) otherwise. */
export const findAlertTx = (tx: Tx, id: string) =>
  tx.get<{ incident_id: string | null }>('SELECT incident_id FROM alerts WHERE id = ?', [id]);

export interface AlertAndKeyRow {
  /** 1 when an alert with this id is already stored. */
  seen: number;
  seen_incident: string | null;
  /** The open incident of the alert's source and dedup key, and the last place taken in its sequence. */
  open_incident: string | null;
  max_seq: number | null;
  /** When a snooze on the source's key ends, if one is in force now (alert_snoozes). */
  snoozed_until: string | null;
}

export interface AlertToLookUp {
  id: string;
  source: string;
  dedupKey: string;
}

/**
 * Everything the intake needs to decide a group of alerts, in one statement (row i answers
 * alerts[i]), and the backlog depth as the group's transaction began: each statement is a round
 * trip to SQLite's thread, so a storm's group of deliveries pays one here, not one per alert.
 */
export async function findAlertsAndKeysTx(
  tx: Tx,
  alerts: AlertToLookUp[],
  now: string,
): Promise<{ rows: AlertAndKeyRow[]; backlog: number }> {
  // On PostgreSQL, web servers on several hosts take alerts with one key at once: these locks, held to
  // COMMIT and taken in one order so two groups cannot deadlock, let one group decide (open the
  // incident, take the next places) before another reads the key.
  if (tx.engine === 'postgres') {
    const keys = [...new Set(alerts.map((a) => `${a.source}\n${a.dedupKey}`))].sort();
    for (const key of keys) await tx.get('SELECT pg_advisory_xact_lock(?, hashtext(?))', [ALERT_KEY_LOCK, key]);
  }
  const rows = await tx.all<AlertAndKeyRow & { backlog: number }>(
    `WITH q AS (${jsonRecords(tx, '?', { id: 'text', source: 'text', dedupKey: 'text' })})
     SELECT (SELECT COUNT(*) FROM alerts a WHERE a.id = q.id) AS seen,
            (SELECT a.incident_id FROM alerts a WHERE a.id = q.id) AS seen_incident,
            d.incident_id AS open_incident,
            (SELECT MAX(a.seq) FROM alerts a WHERE a.incident_id = d.incident_id) AS max_seq,
            (SELECT MAX(s.until) FROM alert_snoozes s
              WHERE s.source = q.source AND s.dedup_key = q."dedupKey" AND s.ended_at IS NULL AND s.until > ?) AS snoozed_until,
            (SELECT depth FROM intake_backlog WHERE id = 1) AS backlog
     FROM q LEFT JOIN alert_dedup d ON d.source = q.source AND d.dedup_key = q."dedupKey"
     ORDER BY q.ord`,
    [JSON.stringify(alerts), now],
  );
  return { rows, backlog: rows[0]?.backlog ?? 0 };
}

/** Called inside the write transaction that inserts the row, so two alerts never share a place. */
export async function nextAlertSeqTx(tx: Tx, incidentId: string): Promise<number> {
  const row = await tx.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM alerts WHERE incident_id = ?', [
    incidentId,
  ]);
  return (row?.seq ?? 0) + 1;
}

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
    'INSERT INTO alerts (id, source, dedup_key, action, incident_id, summary, severity, body_json, received_at, seq) VALUES (?,?,?,?,?,?,?,?,?,?)',
    [a.id, a.source, a.dedupKey, a.action, a.incidentId, a.summary, a.severity, a.bodyJson, a.receivedAt, a.seq],
  );

/** Many rows in one statement, in the order given (the backlog triggers of 025 count each). */
const ALERT_FIELDS = {
  id: 'text',
  source: 'text',
  dedupKey: 'text',
  action: 'text',
  incidentId: 'text',
  summary: 'text',
  severity: 'text',
  bodyJson: 'text',
  receivedAt: 'text',
  seq: 'integer',
} as const;

export const insertAlertsTx = (tx: Tx, alerts: NewAlert[]) =>
  tx.run(
    `INSERT INTO alerts (id, source, dedup_key, action, incident_id, summary, severity, body_json, received_at, seq)
     SELECT r.id, r.source, r."dedupKey", r.action, r."incidentId", r.summary, r.severity, r."bodyJson", r."receivedAt", r.seq
     FROM (${jsonRecords(tx, '?', ALERT_FIELDS)}) AS r ORDER BY r.ord`,
    [JSON.stringify(alerts)],
  );

/** The incidents whose waiting alerts are oldest, oldest first. */
export const listIncidentsWithUndeliveredAlerts = (db: Db, limit: number) =>
  db.all<{ incident_id: string }>(
    `SELECT incident_id FROM alerts WHERE signalled_at IS NULL AND incident_id IS NOT NULL
     GROUP BY incident_id ORDER BY MIN(received_at) LIMIT ?`,
    [limit],
  );

/**
 * An incident's waiting alerts from its lowest waiting seq up: a batch never skips a place, so the
 * workflow's high-water mark cannot pass an alert that was not yet sent.
 */
export const listUndeliveredAlerts = (db: Db | Tx, incidentId: string, limit: number) =>
  db.all<UndeliveredAlertRow>(
    `SELECT id, incident_id, seq, action, received_at FROM alerts
     WHERE incident_id = ? AND signalled_at IS NULL ORDER BY seq LIMIT ?`,
    [incidentId, limit],
  );

/** Advisory lock namespace of alert keys being decided (PostgreSQL). */
const ALERT_KEY_LOCK = 7_301_903;

/** Advisory lock namespace of the forwarders' per-incident leases (PostgreSQL). */
const FORWARD_LEASE = 7_301_902;

/**
 * Runs `fn` as the one forwarder delivering this incident's waiting alerts, or returns null at once
 * when another forwarder is delivering them. On PostgreSQL, where forwarders on several hosts share
 * the buffer, the lease is a transaction-level advisory lock keyed by the incident, held from
 * reading the batch to marking it delivered, so two forwarders never signal the same batch. On
 * SQLite (one host) `fn` runs on the database as before; a repeat there is absorbed by the
 * workflow's sequence high-water mark.
 */
export async function whileForwardingIncident<T>(
  db: Db,
  incidentId: string,
  fn: (on: Db | Tx) => Promise<T>,
): Promise<T | null> {
  if (db.engine === 'sqlite') return fn(db);
  return db.transaction(async (tx) => {
    const lease = await tx.get<{ held: number }>('SELECT pg_try_advisory_xact_lock(?, hashtext(?)) AS held', [
      FORWARD_LEASE,
      incidentId,
    ]);
    return lease?.held ? fn(tx) : null;
  });
}

/** After the signal carrying them was accepted: rows up to `throughSeq` leave the backlog. */
export const markAlertsDelivered = (db: Db | Tx, incidentId: string, throughSeq: number, at: string) =>
  db.run('UPDATE alerts SET signalled_at = ? WHERE incident_id = ? AND seq <= ? AND signalled_at IS NULL', [
    at,
    incidentId,
    throughSeq,
  ]);

/**
 * The marks of several incidents in one statement: each write takes the database's lock from the
 * web's intake, so a pass over hundreds of incidents marks them a few times, not once each.
 */
export const markAlertsDeliveredMany = (
  db: Db | Tx,
  marks: Array<{ incidentId: string; throughSeq: number }>,
  at: string,
) =>
  db.run(
    `UPDATE alerts SET signalled_at = ?
     FROM (${jsonRecords(db, '?', { incidentId: 'text', throughSeq: 'integer' })}) AS m
     WHERE alerts.incident_id = m."incidentId" AND alerts.seq <= m."throughSeq" AND alerts.signalled_at IS NULL`,
    [at, JSON.stringify(marks)],
  );

export const listUndeliveredForIncidentTx = (tx: Tx, incidentId: string) =>
  tx.all<RedecidedAlertRow>(
    `SELECT id, source, dedup_key, action, summary, severity FROM alerts
     WHERE incident_id = ? AND signalled_at IS NULL ORDER BY seq`,
    [incidentId],
  );

/** Moves a waiting row to the incident decided again for it (or to none: then it is ignored and leaves the backlog). */
export const reassignAlertTx = (tx: Tx, id: string, incidentId: string | null, seq: number | null) =>
  tx.run('UPDATE alerts SET incident_id = ?, seq = ? WHERE id = ? AND signalled_at IS NULL', [incidentId, seq, id]);

export interface IntakeBacklog {
  depth: number;
  /** received_at of the oldest waiting row, or null when nothing waits. */
  oldestAt: string | null;
}

/** The depth is kept by triggers (migration 025): one row read, however deep the storm. */
export async function intakeBacklogDepth(db: Db): Promise<number> {
  return (await db.get<{ depth: number }>('SELECT depth FROM intake_backlog WHERE id = 1'))?.depth ?? 0;
}

export async function intakeBacklog(db: Db): Promise<IntakeBacklog> {
  const oldest = await db.get<{ at: string | null }>(
    'SELECT MIN(received_at) AS at FROM alerts WHERE signalled_at IS NULL AND incident_id IS NOT NULL',
  );
  return { depth: await intakeBacklogDepth(db), oldestAt: oldest?.at ?? null };
}

/** When each source last sent an alert. */
export async function lastAlertAtBySource(db: Db): Promise<Map<string, string>> {
  const rows = await db.all<{ source: string; at: string }>(
    'SELECT source, MAX(received_at) AS at FROM alerts GROUP BY source',
  );
  return new Map(rows.map((r) => [r.source, r.at]));
}

/** The snooze in force on a source's key at `now`, if any: the latest end wins. */
export const findSnoozeTx = (tx: Tx, source: string, dedupKey: string, now: string) =>
  tx.get<{ until: string }>(
    'SELECT MAX(until) AS until FROM alert_snoozes WHERE source = ? AND dedup_key = ? AND ended_at IS NULL AND until > ? HAVING MAX(until) IS NOT NULL',
    [source, dedupKey, now],
  );

/** The newest alert a source sent, raw as it arrived (admins see it on Settings; it may hold personal data). */
export const lastAlertOf = (db: Db, source: string) =>
  db.get<{ id: string; received_at: string; body_json: string; dedup_key: string; incident_id: string | null }>(
    `SELECT id, received_at, body_json, dedup_key, incident_id FROM alerts WHERE source = ? ORDER BY received_at DESC, ${insertionOrder(db)} DESC LIMIT 1`,
    [source],
  );
