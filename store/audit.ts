// The append-only, hash-chained audit trail. Each row carries a unique
// sequence number and the hash of the row before it, so a deleted, edited or
// reordered row breaks the chain; the head hash printed in the closing report
// lets a copy kept elsewhere vouch for the whole history.
import { createHash } from 'node:crypto';
import type { Db, Tx } from './connection';
import { jsonRecords, jsonValues, transactionLock } from './dialect';
import type { Actor } from '../workflows/types';

export const GENESIS_HASH = '0'.repeat(64);
/** The advisory lock key that serialises appends to the chain on PostgreSQL. */
const AUDIT_CHAIN_LOCK = 7_301_900_001;

export interface AuditEntry {
  incidentId: string | null;
  type: string;
  at: string;
  actor: Actor;
  summary: string;
  details?: Record<string, unknown>;
  /** Deterministic key so an activity retry appends the same event once. */
  eventKey?: string;
}

export interface AuditRow {
  seq: number;
  event_key: string | null;
  at: string;
  incident_id: string | null;
  type: string;
  actor: string;
  summary: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export function actorLabel(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}

export function hashAuditRow(row: Omit<AuditRow, 'hash' | 'event_key'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.incident_id,
    row.type,
    row.actor,
    row.summary,
    row.details_json,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The row an entry becomes at `seq`, after the row whose hash is `prevHash`. */
function chainedRow(entry: AuditEntry, seq: number, prevHash: string): AuditRow {
  const base = {
    seq,
    at: entry.at,
    incident_id: entry.incidentId,
    type: entry.type,
    actor: actorLabel(entry.actor),
    summary: entry.summary,
    details_json: JSON.stringify(entry.details ?? {}),
    prev_hash: prevHash,
  };
  return { ...base, event_key: entry.eventKey ?? null, hash: hashAuditRow(base) };
}

/** Appends inside an open write transaction; returns the row (existing one if the event key was seen). */
export async function appendAuditTx(tx: Tx, entry: AuditEntry): Promise<AuditRow> {
  // SQLite's one writer already orders appends; on PostgreSQL, processes on several hosts would
  // otherwise read the same head and both append after it. Held until the transaction ends.
  const lock = transactionLock(tx, AUDIT_CHAIN_LOCK);
  if (lock) await tx.get(lock);
  if (entry.eventKey) {
    const existing = await tx.get<AuditRow>('SELECT * FROM audit_log WHERE event_key = ?', [entry.eventKey]);
    if (existing) return existing;
  }
  const head = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const row = chainedRow(entry, (head?.seq ?? 0) + 1, head?.hash ?? GENESIS_HASH);
  await tx.run(
    'INSERT INTO audit_log (seq, event_key, at, incident_id, type, actor, summary, details_json, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
    [
      row.seq,
      row.event_key,
      row.at,
      row.incident_id,
      row.type,
      row.actor,
      row.summary,
      row.details_json,
      row.prev_hash,
      row.hash,
    ],
  );
  return row;
}

const AUDIT_FIELDS = {
  seq: 'integer',
  event_key: 'text',
  at: 'text',
  incident_id: 'text',
  type: 'text',
  actor: 'text',
  summary: 'text',
  details_json: 'text',
  prev_hash: 'text',
  hash: 'text',
} as const;

/**
 * appendAuditTx for several entries in three statements instead of three per entry: an incident
 * applying a storm's batch of alerts writes an event per alert while it holds the database's write
 * lock, which the webhook's intake waits for. Same rows, same chain, same skipping of seen keys.
 */
export async function appendAuditManyTx(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length <= 1) {
    for (const entry of entries) await appendAuditTx(tx, entry);
    return;
  }
  const lock = transactionLock(tx, AUDIT_CHAIN_LOCK);
  if (lock) await tx.get(lock);
  const keys = entries.flatMap((e) => (e.eventKey ? [e.eventKey] : []));
  const seen = new Set(
    keys.length === 0
      ? []
      : (
          await tx.all<{ event_key: string }>(
            `SELECT event_key FROM audit_log WHERE event_key IN (${jsonValues(tx, '?', 'text')})`,
            [JSON.stringify(keys)],
          )
        ).map((r) => r.event_key),
  );
  const head = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    if (entry.eventKey) {
      if (seen.has(entry.eventKey)) continue;
      seen.add(entry.eventKey);
    }
    const row = chainedRow(entry, ++seq, prev);
    prev = row.hash;
    rows.push(row);
  }
  if (rows.length === 0) return;
  await tx.run(
    `INSERT INTO audit_log (seq, event_key, at, incident_id, type, actor, summary, details_json, prev_hash, hash)
     SELECT r.seq, r.event_key, r.at, r.incident_id, r.type, r.actor, r.summary, r.details_json, r.prev_hash, r.hash
     FROM (${jsonRecords(tx, '?', AUDIT_FIELDS)}) AS r ORDER BY r.ord`,
    [JSON.stringify(rows)],
  );
}

export function appendAudit(db: Db, entry: AuditEntry): Promise<AuditRow> {
  return db.transaction((tx) => appendAuditTx(tx, entry));
}

export interface ChainVerification {
  ok: boolean;
  rows: number;
  head: { seq: number; hash: string } | null;
  /** First broken row and why. */
  error?: { seq: number; reason: string };
}

export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  let error: ChainVerification['error'];
  let head: ChainVerification['head'] = null;
  await db.each<AuditRow>('SELECT * FROM audit_log ORDER BY seq', [], (row) => {
    rows++;
    if (error) return;
    if (row.seq !== expectedSeq) error = { seq: row.seq, reason: `expected sequence ${expectedSeq}` };
    else if (row.prev_hash !== prevHash)
      error = { seq: row.seq, reason: 'previous hash does not match the row before' };
    else if (hashAuditRow(row) !== row.hash) error = { seq: row.seq, reason: 'row content does not match its hash' };
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
    head = { seq: row.seq, hash: row.hash };
  });
  return error ? { ok: false, rows, head, error } : { ok: true, rows, head };
}

export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  return (
    (await db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')) ?? null
  );
}

/** Whether an entry of the incident names `value` in its details (an id the workflow wrote there). */
export async function incidentAuditMentions(db: Db, incidentId: string, value: string): Promise<boolean> {
  const row = await db.get<{ found: number }>(
    'SELECT 1 AS found FROM audit_log WHERE incident_id = ? AND details_json LIKE ? LIMIT 1',
    [incidentId, `%${JSON.stringify(value)}%`],
  );
  return row !== undefined;
}

/** One incident's audit rows in chain order. */
export async function listIncidentAudit(db: Db, incidentId: string): Promise<AuditRow[]> {
  return db.all<AuditRow>('SELECT * FROM audit_log WHERE incident_id = ? ORDER BY seq', [incidentId]);
}

/** Appends the entries in order in one transaction: all of them or none. */
export function appendAuditEntries(db: Db, entries: AuditEntry[]): Promise<AuditRow[]> {
  return db.transaction(async (tx) => {
    const rows: AuditRow[] = [];
    for (const entry of entries) rows.push(await appendAuditTx(tx, entry));
    return rows;
  });
}
