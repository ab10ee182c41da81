// Telephone calls in the outbox: one row per person, notice version and channel 'call',
// claimed (committed) before Twilio is asked to place the call, like every other message.
// Unlike a message, a call can be placed again on the same row: when Twilio reports it
// unreached (no answer, busy, a machine) the row waits as failed with its outcome, and
// comes back to pending once the retry delay has passed, while attempts remain. A call
// whose placing may or may not have reached Twilio is uncertain and is placed once more
// only after the uncertain wait, flagged as a possible duplicate (as SMS are).
import { openContacts } from './contact-keys';
import type { Db } from './connection';
import { nowIso } from '../lib/clock';
import { LIVE_ATTEMPT_SQL } from './send-attempts';
import { GATE_OPEN_SQL } from './send-gates';
import { NOT_TOLD_STATUSES_SQL, rowIdSql } from './outbox-pages';

/** CallStatus values Twilio reports once a call is over. */
export const FINAL_CALL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type FinalCallStatus = (typeof FINAL_CALL_STATUSES)[number];
/** What a call's outcome was: `human` is the only one that reached the person. */
export type CallOutcome = 'human' | 'machine' | Exclude<FinalCallStatus, 'completed'>;
export const UNREACHED_OUTCOMES_SQL = "('machine','no-answer','busy','failed','canceled')";

/** Twilio's error for an SMS to a number that is not a mobile. */
export const NOT_MOBILE_CODE = 21614;
/** How the outbox records that refusal (the code in the provider's message is redacted with the digits). */
export const NOT_MOBILE_ERROR = 'not a mobile number (Twilio 21614)';
const REFUSED_AS_LANDLINE_SQL = `EXISTS (SELECT 1 FROM outbox x WHERE x.incident_id = s.incident_id AND x.notice_version = ?2
  AND x.kind = 'subject' AND x.channel = 'sms' AND x.subject_id = s.id AND x.status = 'failed'
  AND x.error LIKE '${NOT_MOBILE_ERROR.replace(/[()]/g, '_')}%')`;

/**
 * Reachable only by phone: no email, or this version's email bounced or was refused. A call to a
 * landline (declared, or shown by Twilio's 21614) needs no consent; a mobile, or a number of unknown
 * type, is called only where the person's consent to calls is recorded.
 */
const CALLED_SQL: Record<'call' | 'sms_or_call', string> = {
  call: `(s.phone_type = 'landline' OR s.call_consent = 1 OR ${REFUSED_AS_LANDLINE_SQL})`,
  sms_or_call: `(s.phone_type = 'landline' OR ${REFUSED_AS_LANDLINE_SQL})`,
};

/** Pending call rows for everyone the policy calls who has none yet; returns how many were created. */
export async function createCallRows(
  db: Db,
  q: { incidentId: string; noticeVersion: string; policy: 'call' | 'sms_or_call' },
): Promise<number> {
  const r = await db.run(
    `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at, subject_id)
     SELECT ${rowIdSql(db, 's.id')}, s.incident_id, 'subject', CAST(s.id AS TEXT), 'call', s.locale, ?2, 'subject-call', 'pending', ?3, s.id
     FROM subjects s
     WHERE s.incident_id = ?1 AND s.phone IS NOT NULL AND ${CALLED_SQL[q.policy]}
       AND (s.email IS NULL OR EXISTS (SELECT 1 FROM outbox e WHERE e.incident_id = s.incident_id AND e.notice_version = ?2
             AND e.kind = 'subject' AND e.channel = 'email' AND e.subject_id = s.id AND e.status IN ('bounced','failed')))
       -- A later version does not call anyone an earlier one reached or may have reached.
       AND NOT EXISTS (SELECT 1 FROM outbox c WHERE c.incident_id = s.incident_id AND c.notice_version <> ?2 AND c.kind = 'subject'
             AND c.channel = 'call' AND c.subject_id = s.id AND c.status NOT IN ${NOT_TOLD_STATUSES_SQL})
     ON CONFLICT (incident_id, kind, recipient_ref, channel, notice_version) DO NOTHING`,
    [q.incidentId, q.noticeVersion, nowIso()],
  );
  return r.changes;
}

/**
 * Unreached calls whose retry is due (their outcome is older than `dueBefore`) and that have been
 * placed fewer than `maxCalls` times go back to pending; returns how many.
 */
export async function reopenUnreachedCalls(
  db: Db,
  q: { incidentId: string; noticeVersion: string; maxCalls: number; dueBefore: string },
): Promise<number> {
  const r = await db.run(
    `UPDATE outbox SET status = 'pending', updated_at = ?
     WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND channel = 'call' AND status = 'failed'
       AND call_outcome IN ${UNREACHED_OUTCOMES_SQL} AND attempts < ? AND updated_at <= ?`,
    [nowIso(), q.incidentId, q.noticeVersion, q.maxCalls, q.dueBefore],
  );
  return r.changes;
}

/** Uncertain calls older than `before`, not yet placed again, go back to pending as possible duplicates. */
export async function reopenUncertainCalls(
  db: Db,
  q: { incidentId: string; noticeVersion: string; before: string },
): Promise<number> {
  const r = await db.run(
    `UPDATE outbox SET status = 'pending', possible_duplicate = 1, updated_at = ?
     WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND channel = 'call' AND status = 'uncertain'
       AND possible_duplicate = 0 AND uncertain_at <= ?`,
    [nowIso(), q.incidentId, q.noticeVersion, q.before],
  );
  return r.changes;
}

export interface PendingCall {
  id: string;
  subject_id: number;
  attempts: number;
  name: string | null;
  phone: string;
  locale: string;
  jurisdiction: string | null;
}

export async function listPendingCalls(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  limit: number,
): Promise<PendingCall[]> {
  return openContacts(
    db,
    incidentId,
    await db.all<PendingCall>(
      `SELECT o.id, o.subject_id, o.attempts, s.name, s.phone, o.locale, s.jurisdiction FROM outbox o JOIN subjects s ON s.id = o.subject_id
     WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.channel = 'call' AND o.status = 'pending'
       AND s.phone IS NOT NULL ORDER BY o.id LIMIT ?`,
      [incidentId, noticeVersion, limit],
    ),
  );
}

/** Claims a pending call for a live attempt while the incident's send gate lets the version out. */
export async function claimCall(
  db: Db,
  q: { id: string; attemptId: string; incidentId: string; noticeVersion: string },
): Promise<boolean> {
  const now = nowIso();
  const r = await db.run(
    `UPDATE outbox SET status = 'claimed', attempts = attempts + 1, claimed_at = ?, updated_at = ?, claimed_by = ?, call_outcome = NULL, provider_id = NULL
     WHERE id = ? AND status = 'pending' AND ${LIVE_ATTEMPT_SQL} AND ${GATE_OPEN_SQL}`,
    [now, now, q.attemptId, q.id, q.attemptId, q.incidentId, q.noticeVersion],
  );
  return r.changes === 1;
}

/** Records what placing the call came to; a row no longer claimed by the attempt is left alone. */
export async function finishCall(
  db: Db,
  id: string,
  attemptId: string,
  o:
    | { status: 'sent'; provider: string; providerId: string | null }
    | { status: 'pending' | 'failed' | 'uncertain'; error: string },
): Promise<void> {
  const now = nowIso();
  if (o.status === 'sent') {
    await db.run(
      `UPDATE outbox SET status = 'sent', provider = ?, provider_id = ?, error = NULL, sent_at = ?, updated_at = ?
       WHERE id = ? AND status = 'claimed' AND claimed_by = ?`,
      [o.provider, o.providerId, now, now, id, attemptId],
    );
    return;
  }
  await db.run(
    `UPDATE outbox SET status = ?, error = ?, updated_at = ?, uncertain_at = CASE WHEN ? = 'uncertain' THEN ? ELSE uncertain_at END
     WHERE id = ? AND status = 'claimed' AND claimed_by = ?`,
    [o.status, o.error, now, o.status, now, id, attemptId],
  );
}

export interface CallReport {
  outboxId: string;
  callSid: string;
  callStatus: FinalCallStatus;
  /** Twilio's AnsweredBy (answering-machine detection); null when absent. */
  answeredBy: string | null;
  /** Which call of the row it reports (the callback URL's `n`); null for a URL without it. */
  callNumber: number | null;
}

/** The outcome a final status stands for: a person, a machine, or nobody (and why). */
export function callOutcomeOf(r: Pick<CallReport, 'callStatus' | 'answeredBy'>): CallOutcome {
  if (r.callStatus !== 'completed') return r.callStatus;
  // Only a person counts. `unknown` (detection could not tell) is not taken as reached: a retry
  // costs a second call, taking a machine for a person costs a notice.
  return r.answeredBy === 'human' ? 'human' : 'machine';
}

const OUTCOME_TEXT: Record<Exclude<CallOutcome, 'human'>, string> = {
  machine: 'answered by a machine: a message was left; not reached',
  'no-answer': 'no answer; not reached',
  busy: 'line busy; not reached',
  failed: 'Twilio could not connect the call; not reached',
  canceled: 'call canceled; not reached',
};

/**
 * Applies a call's final status once (by CallSid and status): reached moves the row to delivered,
 * anything else to failed with its outcome (a retry may reopen it). Only the call the row last
 * placed counts (its number and sid): a late report of an earlier call of the same row is ignored. A report for a row
 * left uncertain settles it, since the call evidently was placed. Returns whether the row moved.
 */
export async function recordCallOutcome(db: Db, r: CallReport): Promise<boolean> {
  const outcome = callOutcomeOf(r);
  const now = nowIso();
  return db.transaction(async (tx) => {
    const fresh = await tx.run(
      'INSERT INTO delivery_events (event_key, outbox_id, status, received_at) VALUES (?,?,?,?) ON CONFLICT (event_key) DO NOTHING',
      [`twilio-call:${r.callSid}:${r.callStatus}`, r.outboxId, outcome === 'human' ? 'delivered' : 'failed', now],
    );
    if (fresh.changes === 0) return false;
    const u = await tx.run(
      `UPDATE outbox SET status = ?, call_outcome = ?, error = ?, updated_at = ?, provider_id = COALESCE(provider_id, ?),
         sent_at = COALESCE(sent_at, ?), delivered_at = CASE WHEN ? = 'human' THEN ? ELSE delivered_at END
       WHERE id = ? AND channel = 'call' AND status IN ('claimed','sent','uncertain') AND (provider_id IS NULL OR provider_id = ?)
         AND (CAST(? AS INTEGER) IS NULL OR attempts = ?)`,
      [
        outcome === 'human' ? 'delivered' : 'failed',
        outcome,
        outcome === 'human' ? null : OUTCOME_TEXT[outcome],
        now,
        r.callSid,
        now,
        outcome,
        now,
        r.outboxId,
        r.callSid,
        r.callNumber,
        r.callNumber,
      ],
    );
    return u.changes > 0;
  });
}

export interface CallWaits {
  pending: number;
  /** When the earliest unreached call with attempts left had its outcome; null when none. */
  unreachedSince: string | null;
  /** When the earliest call not yet placed again became uncertain; null when none. */
  uncertainSince: string | null;
  /** When the earliest placed call still without a reported outcome was placed; null when none. */
  awaitingSince: string | null;
}

export async function callWaits(
  db: Db,
  q: { incidentId: string; noticeVersion: string; maxCalls: number },
): Promise<CallWaits> {
  const r = await db.get<{
    pending: number | null;
    unreached: string | null;
    uncertain: string | null;
    awaiting: string | null;
  }>(
    `SELECT SUM(CAST(status = 'pending' AS INTEGER)) AS pending,
            MIN(CASE WHEN status = 'failed' AND call_outcome IN ${UNREACHED_OUTCOMES_SQL} AND attempts < ?3 THEN updated_at END) AS unreached,
            MIN(CASE WHEN status = 'uncertain' AND possible_duplicate = 0 THEN uncertain_at END) AS uncertain,
            MIN(CASE WHEN status = 'sent' AND call_outcome IS NULL THEN sent_at END) AS awaiting
     FROM outbox WHERE incident_id = ?1 AND notice_version = ?2 AND kind = 'subject' AND channel = 'call'`,
    [q.incidentId, q.noticeVersion, q.maxCalls],
  );
  return {
    pending: r?.pending ?? 0,
    unreachedSince: r?.unreached ?? null,
    uncertainSince: r?.uncertain ?? null,
    awaitingSince: r?.awaiting ?? null,
  };
}
