// How long people's contact data outlives the incident, and its purge with the proof kept. After
// close, contact data is kept BREACHLINE_CONTACT_RETENTION_DAYS (default 90) for follow-up (late
// bounces, corrections, complaints), then deleted: names, emails and phones of the people, the
// dev mailbox's copies, the rows an import rejected. What stays is the proof of notice: every outbox
// row (channel, times, provider id, status) now carrying a keyed HMAC of the address it went to, the
// counts, the register and the audit chain, untouched, so it still verifies. A legal hold blocks the
// purge while in force (HIPAA keeps proof of notice six years; litigation or a regulator's inquiry
// may need the addresses themselves).
import { actorLabel, appendAuditTx } from '../../store/audit';
import type { Db } from '../../store/connection';
import {
  activeLegalHold,
  closedAt,
  findPurge,
  insertLegalHoldTx,
  purgeContactData,
  PurgeRefused,
  releaseLegalHoldTx,
  type LegalHoldRow,
  type PurgeRow,
} from '../../store/contact-retention';
import { getIncident } from '../../store/incident-store';
import { newId } from '../../lib/ids';
import { removeLetterFiles } from '../../lib/letter-files';
import type { Actor } from '../../workflows/types';
import { HttpError } from '../errors';

export const DEFAULT_RETENTION_DAYS = 90;

export interface RetentionStatus {
  closedAt: string | null;
  /** When the purge is due, or null while the incident is open. */
  purgeDueAt: string | null;
  legalHold: LegalHoldRow | null;
  purge: PurgeRow | null;
}

export async function retentionStatus(db: Db, incidentId: string, days: number): Promise<RetentionStatus> {
  const closed = await closedAt(db, incidentId);
  return {
    closedAt: closed,
    purgeDueAt: closed ? new Date(Date.parse(closed) + days * 86_400_000).toISOString() : null,
    legalHold: (await activeLegalHold(db, incidentId)) ?? null,
    purge: (await findPurge(db, incidentId)) ?? null,
  };
}

/** The purge by hand (page, API, `npm run purge`): refusals become 409 naming what blocks it. */
export async function purgeContacts(db: Db, incidentId: string, by: Actor, dataDir?: string): Promise<PurgeRow> {
  if (!(await getIncident(db, incidentId))) throw new HttpError(404, 'incident not found', 'incident');
  let purge: PurgeRow;
  try {
    purge = await purgeContactData(db, incidentId, by);
  } catch (err) {
    if (err instanceof PurgeRefused) throw new HttpError(409, err.message, err.field);
    throw err;
  }
  // After the commit, and again on a repeated purge, so files left by a crash in between still go.
  if (dataDir) removeLetterFiles(dataDir, incidentId);
  return purge;
}

export async function placeLegalHold(db: Db, incidentId: string, reason: string, by: Actor): Promise<LegalHoldRow> {
  if (!(await getIncident(db, incidentId))) throw new HttpError(404, 'incident not found', 'incident');
  const hold: LegalHoldRow = {
    id: `lgh_${newId()}`,
    incident_id: incidentId,
    reason,
    placed_at: new Date().toISOString(),
    placed_by: actorLabel(by),
  };
  await db.transaction(async (tx) => {
    if (await findPurge(tx, incidentId))
      throw new HttpError(409, 'contact data was already purged; the proof of notice is kept regardless', 'reason');
    if (!(await insertLegalHoldTx(tx, hold))) throw new HttpError(409, 'a legal hold is already in force', 'reason');
    await appendAuditTx(tx, {
      incidentId,
      type: 'legal_hold.placed',
      at: hold.placed_at,
      actor: by,
      summary: 'Legal hold placed: contact data is kept until it is released',
      details: { holdId: hold.id, reason },
    });
  });
  return hold;
}

export async function releaseLegalHold(db: Db, incidentId: string, by: Actor): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction(async (tx) => {
    const hold = await releaseLegalHoldTx(tx, incidentId, at, actorLabel(by));
    if (!hold) throw new HttpError(409, 'no legal hold is in force', 'legalHold');
    await appendAuditTx(tx, {
      incidentId,
      type: 'legal_hold.released',
      at,
      actor: by,
      summary: 'Legal hold released: contact data is purged when its retention ends',
      details: { holdId: hold.id },
    });
  });
}
