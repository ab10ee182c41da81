// After a late round of fallbacks: the people whose notice bounced or failed and
// who have no SMS to fall back to now count toward the public substitute notice.
// The page carries no names or counts, so counting someone means making sure the
// page is up for this notice version and saying so on the incident's audit chain.
import type { Db } from '../store/connection';
import { appendAuditTx } from '../store/audit';
import { createPublishSubstituteNotice } from './publish-substitute-notice';
import { createSummarizeNotices } from './summarize-notices';
import type { Actor, ChannelPolicy } from '../workflows/types';
import { nowIso } from '../lib/clock';

export interface LateBouncesRecord {
  withoutContact: number;
  undelivered: number;
  /** The public notice was published by this call (it was not up for this version). */
  published: { url: string; locales: string[] } | null;
}

const ACTOR: Actor = { kind: 'system', id: 'late-bounces' };

export const createRecordLateBounces =
  (deps: { db: Db; baseUrl: string }) =>
  async (input: {
    incidentId: string;
    noticeVersion: string;
    channelPolicy: ChannelPolicy;
    fallbacksSent: number;
  }): Promise<LateBouncesRecord> => {
    const { incidentId, noticeVersion } = input;
    const summary = await createSummarizeNotices(deps.db)(input);
    const counts = (await deps.db.get<{ undelivered: number; sms_settled: number }>(
      `SELECT COALESCE(SUM(status IN ('bounced','failed')), 0) AS undelivered,
              COALESCE(SUM(channel = 'sms' AND status NOT IN ('pending','claimed')), 0) AS sms_settled
       FROM outbox WHERE incident_id = ? AND notice_version = ? AND kind = 'subject'`,
      [incidentId, noticeVersion],
    ))!;
    const published =
      summary.withoutContact > 0 && (await needsPublishing(deps.db, incidentId, noticeVersion))
        ? await createPublishSubstituteNotice(deps)({ incidentId, noticeVersion })
        : null;
    const at = nowIso();
    // Keyed by what the outbox shows, so a retry or a round with nothing new appends nothing.
    const stateKey = `${counts.undelivered}:${counts.sms_settled}:${summary.withoutContact}`;
    await deps.db.transaction(async (tx) => {
      await appendAuditTx(tx, {
        incidentId,
        type: 'subjects.late_bounces',
        at,
        actor: ACTOR,
        summary: `Late delivery reports: ${input.fallbacksSent} SMS fallback(s) sent; ${summary.withoutContact} people without usable contact count toward the public substitute notice`,
        details: {
          noticeVersion,
          fallbacksSent: input.fallbacksSent,
          undelivered: counts.undelivered,
          withoutContact: summary.withoutContact,
        },
        eventKey: `late-bounces:${incidentId}:${noticeVersion}:${stateKey}`,
      });
      if (published) {
        await appendAuditTx(tx, {
          incidentId,
          type: 'substitute.published',
          at,
          actor: ACTOR,
          summary: `Public substitute notice published for ${summary.withoutContact} people without usable contact`,
          details: { ...published, noticeVersion },
          eventKey: `substitute-late:${incidentId}:${noticeVersion}`,
        });
      }
    });
    return { withoutContact: summary.withoutContact, undelivered: counts.undelivered, published };
  };

// Only for the incident's current notice: a late report about an older version
// must not put superseded wording back on the public page.
async function needsPublishing(db: Db, incidentId: string, noticeVersion: string): Promise<boolean> {
  const row = await db.get<{ current: string | null; published: number }>(
    `SELECT json_extract(i.state_json, '$.notices.noticeVersion') AS current,
            EXISTS (SELECT 1 FROM public_notices p WHERE p.incident_id = i.id AND p.notice_version = ?) AS published
     FROM incidents i WHERE i.id = ?`,
    [noticeVersion, incidentId],
  );
  if (!row || row.published) return false;
  return row.current === null || row.current === noticeVersion;
}
