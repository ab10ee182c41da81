// Letter batches and the outbox rows of channel 'letter' (migration 028). A letter is an outbox row like any
// other notice, so "never two letters to the same person for the same version" is the outbox's unique key, and
// the legal-notice status reads a mailed letter as the channel it went out on. While its batch waits for the
// post the row is claimed by the batch (claimed_by 'letter-batch:<id>', which no send attempt's sweep touches);
// when the mailing date is recorded it becomes sent on that date.
import { openContacts } from './contact-keys';
import type { Db } from './connection';
import { jsonValues, noIndex } from './dialect';
import { appendAuditTx } from './audit';
import type { Actor } from '../workflows/types';

export type LetterPaper = 'letter' | 'a4';

/** claimed_by of a batch's rows: not a send attempt, so the dead-claim sweeps leave them alone. */
export const letterClaim = (batchId: string) => `letter-batch:${batchId}`;

/** Recorded on the row of a person who needs a letter but has no postal address. */
export const NO_POSTAL_ADDRESS = 'no postal address: counts towards the substitute notice';

export interface LetterCandidate {
  id: number;
  name: string | null;
  jurisdiction: string | null;
  locale: string;
  postal_address: string | null;
  /** Channels a notice of any version reached the person on (sent or delivered), comma-separated; null if none. */
  channels: string | null;
  /** This version's letter row, if any. */
  letter_status: string | null;
}

/**
 * Up to `limit` of the incident's people after `afterId`, in id order, with what a letter decision needs. Their
 * outbox rows are read for the page's id range through the (incident, version, channel, subject) index, one
 * range per version and channel, so a page costs the same at the millionth person as at the first.
 */
export async function listLetterCandidates(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  afterId: number,
  limit: number,
): Promise<LetterCandidate[]> {
  const people = await openContacts(
    db,
    incidentId,
    await db.all<Omit<LetterCandidate, 'channels' | 'letter_status'>>(
      // `+incident_id`: the rowid range narrows the page, not the (incident, identity key) index.
      `SELECT id, name, jurisdiction, locale, postal_address FROM subjects WHERE ${noIndex(db, 'incident_id')} = ? AND id > ? ORDER BY id LIMIT ?`,
      [incidentId, afterId, limit],
    ),
  );
  if (people.length === 0) return [];
  // `+kind`: on `kind = ?` the planner takes the unique key's (incident, kind) prefix and reads every row.
  const rows = await db.all<{ subject_id: number; channel: string; status: string; notice_version: string }>(
    `SELECT subject_id, channel, status, notice_version FROM outbox
     WHERE incident_id = ? AND notice_version IN (SELECT DISTINCT notice_version FROM notices WHERE incident_id = ? UNION SELECT ?)
       AND channel IN ('email', 'sms', 'letter', 'call') AND subject_id BETWEEN ? AND ? AND ${noIndex(db, 'kind')} = 'subject'`,
    [incidentId, incidentId, noticeVersion, people[0]!.id, people[people.length - 1]!.id],
  );
  const reached = new Map<number, Set<string>>();
  const letters = new Map<number, string>();
  for (const r of rows) {
    if (r.status === 'sent' || r.status === 'delivered') {
      const set = reached.get(r.subject_id) ?? new Set<string>();
      set.add(r.channel);
      reached.set(r.subject_id, set);
    }
    if (r.channel === 'letter' && r.notice_version === noticeVersion) letters.set(r.subject_id, r.status);
  }
  return people.map((p) => ({
    ...p,
    channels: reached.has(p.id) ? [...reached.get(p.id)!].join(',') : null,
    letter_status: letters.get(p.id) ?? null,
  }));
}

export interface LetterBatchRow {
  id: string;
  incident_id: string;
  notice_version: string;
  seq: number;
  paper: LetterPaper;
  letters: number;
  pages: number;
  pdf_file: string;
  manifest_file: string;
  created_at: string;
  created_by: string;
  mailed_on: string | null;
  mailed_recorded_at: string | null;
  mailed_by: string | null;
}

export async function nextLetterBatchSeq(db: Db, incidentId: string): Promise<number> {
  const r = await db.get<{ n: number | null }>('SELECT MAX(seq) AS n FROM letter_batches WHERE incident_id = ?', [
    incidentId,
  ]);
  return (r?.n ?? 0) + 1;
}

export interface NewLetter {
  /** The outbox row id: random, so it can travel to a print house without saying anything about the person. */
  outboxId: string;
  subjectId: number;
  locale: string;
}

export class LetterClaimConflict extends Error {}

/**
 * Records a batch and claims one letter row per person, in one transaction. A person whose row is already
 * claimed, sent or uncertain (another batch got there first) throws LetterClaimConflict and nothing is kept;
 * a pending or failed row (no address the last time) is taken over.
 */
export async function createLetterBatch(
  db: Db,
  b: Omit<LetterBatchRow, 'mailed_on' | 'mailed_recorded_at' | 'mailed_by'>,
  letters: readonly NewLetter[],
  audit: { actor: Actor; summary: string; details: Record<string, unknown> },
): Promise<void> {
  await db.transaction(async (tx) => {
    const inserting = tx.run(
      `INSERT INTO letter_batches (id, incident_id, notice_version, seq, paper, letters, pages, pdf_file, manifest_file, created_at, created_by)
       VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      [
        b.id,
        b.incident_id,
        b.notice_version,
        b.seq,
        b.paper,
        b.letters,
        b.pages,
        b.pdf_file,
        b.manifest_file,
        b.created_at,
        b.created_by,
      ],
    );
    // Two people preparing at once take the same batch number: the second is the conflict below.
    await inserting.catch((err: unknown) => {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT')
        throw new LetterClaimConflict('another batch took this number');
      throw err;
    });
    for (const l of letters) {
      const r = await tx.run(
        `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, provider, provider_id, attempts, claimed_at, claimed_by, updated_at, subject_id)
         VALUES (?,?, 'subject', ?, 'letter', ?,?, 'letter', 'claimed', 'letter-batch', ?, 1, ?,?,?,?)
         ON CONFLICT (incident_id, kind, recipient_ref, channel, notice_version) DO UPDATE SET
           status = 'claimed', provider = excluded.provider, provider_id = excluded.provider_id, attempts = outbox.attempts + 1,
           claimed_at = excluded.claimed_at, claimed_by = excluded.claimed_by, updated_at = excluded.updated_at, error = NULL
         WHERE outbox.status IN ('pending', 'failed')`,
        [
          l.outboxId,
          b.incident_id,
          String(l.subjectId),
          l.locale,
          b.notice_version,
          b.id,
          b.created_at,
          letterClaim(b.id),
          b.created_at,
          l.subjectId,
        ],
      );
      if (r.changes !== 1) throw new LetterClaimConflict(`a letter for this version is already with another batch`);
    }
    await appendAuditTx(tx, {
      incidentId: b.incident_id,
      type: 'letters.prepared',
      at: b.created_at,
      actor: audit.actor,
      summary: audit.summary,
      details: audit.details,
      eventKey: `letters:${b.id}:prepared`,
    });
  });
}

/**
 * The outbox id each person of a batch was given (the manifest's person reference), in the order given;
 * rows taken over from an earlier failed one keep that row's id.
 */
export async function letterRowIds(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  subjectIds: readonly number[],
): Promise<Map<number, string>> {
  const rows = await db.all<{ id: string; subject_id: number }>(
    `SELECT id, subject_id FROM outbox WHERE incident_id = ? AND kind = 'subject' AND channel = 'letter' AND notice_version = ?
       AND recipient_ref IN (${jsonValues(db, '?', 'integers-as-text')})`,
    [incidentId, noticeVersion, JSON.stringify(subjectIds)],
  );
  return new Map(rows.map((r) => [r.subject_id, r.id]));
}

/** Letter rows of people who need one but have no address: failed, so a later import with an address can retry. */
export async function recordLettersWithoutAddress(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  people: readonly NewLetter[],
  at: string,
): Promise<void> {
  if (people.length === 0) return;
  await db.transaction(async (tx) => {
    for (const p of people)
      await tx.run(
        `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, error, updated_at, subject_id)
         VALUES (?,?, 'subject', ?, 'letter', ?,?, 'letter', 'failed', ?,?,?)
         ON CONFLICT (incident_id, kind, recipient_ref, channel, notice_version) DO UPDATE SET status = 'failed', error = excluded.error, updated_at = excluded.updated_at
         WHERE outbox.status IN ('pending', 'failed')`,
        [p.outboxId, incidentId, String(p.subjectId), p.locale, noticeVersion, NO_POSTAL_ADDRESS, at, p.subjectId],
      );
  });
}

export async function listLetterBatches(db: Db, incidentId: string): Promise<LetterBatchRow[]> {
  return db.all<LetterBatchRow>('SELECT * FROM letter_batches WHERE incident_id = ? ORDER BY seq', [incidentId]);
}

export async function getLetterBatch(db: Db, incidentId: string, batchId: string): Promise<LetterBatchRow | undefined> {
  return db.get<LetterBatchRow>('SELECT * FROM letter_batches WHERE incident_id = ? AND id = ?', [incidentId, batchId]);
}

/** People of the incident who need a letter and have no postal address (their letter rows of any version). */
export async function countLettersWithoutAddress(db: Db, incidentId: string): Promise<number> {
  const r = await db.get<{ n: number }>(
    // Through the (incident, version, channel, subject) index, as in listLetterCandidates.
    `SELECT COUNT(DISTINCT subject_id) AS n FROM outbox
     WHERE incident_id = ? AND notice_version IN (SELECT DISTINCT notice_version FROM notices WHERE incident_id = ?)
       AND channel = 'letter' AND ${noIndex(db, 'kind')} = 'subject' AND status = 'failed' AND error = ?`,
    [incidentId, incidentId, NO_POSTAL_ADDRESS],
  );
  return r?.n ?? 0;
}

/**
 * Records the day a batch went to the post: its letters become sent on that day (midnight UTC), in one
 * transaction with the audit entry. False when the batch was already recorded as mailed.
 */
export async function recordLetterBatchMailed(
  db: Db,
  m: { incidentId: string; batchId: string; mailedOn: string; at: string; actor: Actor; by: string },
): Promise<{ recorded: boolean; letters: number }> {
  return db.transaction(async (tx) => {
    const r = await tx.run(
      `UPDATE letter_batches SET mailed_on = ?, mailed_recorded_at = ?, mailed_by = ?
       WHERE incident_id = ? AND id = ? AND mailed_on IS NULL`,
      [m.mailedOn, m.at, m.by, m.incidentId, m.batchId],
    );
    if (r.changes !== 1) return { recorded: false, letters: 0 };
    const sentAt = `${m.mailedOn}T00:00:00.000Z`;
    const rows = await tx.run(
      `UPDATE outbox SET status = 'sent', sent_at = ?, updated_at = ?, error = NULL
       WHERE incident_id = ? AND channel = 'letter' AND claimed_by = ? AND status = 'claimed'`,
      [sentAt, m.at, m.incidentId, letterClaim(m.batchId)],
    );
    await appendAuditTx(tx, {
      incidentId: m.incidentId,
      type: 'letters.mailed',
      at: m.at,
      actor: m.actor,
      summary: `letter batch mailed on ${m.mailedOn}: ${rows.changes} letters`,
      details: { batchId: m.batchId, mailedOn: m.mailedOn, letters: rows.changes },
      eventKey: `letters:${m.batchId}:mailed`,
    });
    return { recorded: true, letters: rows.changes };
  });
}
