// Snoozing a noisy alert key on one source: for a set time a trigger for it opens no incident.
// The alerts are still kept (ignored, with the snooze as the reason), and an incident already open
// for the key still receives them, so a snooze can hide noise but never an incident in progress.
import { activeSnoozes, endSnoozeTx, insertSnoozeTx, type AlertSnoozeRow } from '../../store/alert-snoozes';
import { appendAuditTx } from '../../store/audit';
import type { Db } from '../../store/connection';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/clock';
import type { Actor } from '../../workflows/types';
import { HttpError } from '../errors';

export const MAX_SNOOZE_HOURS = 24 * 30;

export interface SnoozeRequest {
  source: string;
  dedupKey: string;
  hours: number;
  reason: string;
}

/** `sources` are the names an alert can arrive under; a snooze on any other name would never match. */
export async function snoozeKey(
  db: Db,
  sources: ReadonlySet<string>,
  req: SnoozeRequest,
  by: Actor,
  now = new Date(),
): Promise<AlertSnoozeRow> {
  if (!sources.has(req.source)) throw new HttpError(400, 'no alert source by this name', 'source');
  const row: AlertSnoozeRow = {
    id: `snz_${newId()}`,
    source: req.source,
    dedup_key: req.dedupKey,
    until: new Date(now.getTime() + req.hours * 3600_000).toISOString(),
    reason: req.reason,
    created_at: now.toISOString(),
    created_by: `${by.kind}:${by.id}`,
  };
  await db.transaction(async (tx) => {
    await insertSnoozeTx(tx, {
      id: row.id,
      source: row.source,
      dedupKey: row.dedup_key,
      until: row.until,
      reason: row.reason,
      createdAt: row.created_at,
      createdBy: row.created_by,
    });
    await appendAuditTx(tx, {
      incidentId: null,
      type: 'alert_key.snoozed',
      at: row.created_at,
      actor: by,
      summary: `alerts from ${row.source} with key ${row.dedup_key} open no incident until ${row.until}`,
      details: { snoozeId: row.id, source: row.source, dedupKey: row.dedup_key, until: row.until, reason: row.reason },
    });
  });
  return row;
}

export async function endSnooze(db: Db, id: string, by: Actor): Promise<AlertSnoozeRow> {
  const at = nowIso();
  const ended = await db.transaction(async (tx) => {
    const row = await endSnoozeTx(tx, id, at, `${by.kind}:${by.id}`);
    if (!row) return undefined;
    await appendAuditTx(tx, {
      incidentId: null,
      type: 'alert_key.snooze_ended',
      at,
      actor: by,
      summary: `snooze on ${row.source} key ${row.dedup_key} ended early`,
      details: { snoozeId: row.id, source: row.source, dedupKey: row.dedup_key },
    });
    return row;
  });
  if (!ended) throw new HttpError(404, 'no snooze in force by this id', 'id');
  return ended;
}

export const snoozesInForce = (db: Db) => activeSnoozes(db, nowIso());
