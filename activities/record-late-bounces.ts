// After a late round of fallbacks: the people whose notice bounced or failed and
// who have no SMS to fall back to now count toward the public substitute notice.
// The page carries no names or counts, so counting someone means making sure the
// page is up for this notice version and saying so on the incident's audit chain.
import type { Db } from '../store/connection';
import { appendAuditEntries, type AuditEntry } from '../store/audit';
import { countUndeliveredRows } from '../store/outbox-pages';
import { substituteNoticeStatus } from '../store/published-notices';
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
    const counts = await countUndeliveredRows(deps.db, incidentId, noticeVersion);
    const published =
      summary.withoutContact > 0 && (await needsPublishing(deps.db, incidentId, noticeVersion))
        ? await createPublishSubstituteNotice(deps)({ incidentId, noticeVersion })
        : null;
    const at = nowIso();
    // Keyed by what the outbox shows, so a retry or a round with nothing new appends nothing.
    const stateKey = `${counts.undelivered}:${counts.smsSettled}:${summary.withoutContact}`;
    const entries: AuditEntry[] = [
      {
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
      },
    ];
    if (published) {
      entries.push({
        incidentId,
        type: 'substitute.published',
        at,
        actor: ACTOR,
        summary: `Public substitute notice published for ${summary.withoutContact} people without usable contact`,
        details: { ...published, noticeVersion },
        eventKey: `substitute-late:${incidentId}:${noticeVersion}`,
      });
    }
    await appendAuditEntries(deps.db, entries);
    return { withoutContact: summary.withoutContact, undelivered: counts.undelivered, published };
  };

// Only for the incident's current notice: a late report about an older version
// must not put superseded wording back on the public page.
async function needsPublishing(db: Db, incidentId: string, noticeVersion: string): Promise<boolean> {
  const status = await substituteNoticeStatus(db, incidentId, noticeVersion);
  if (!status || status.published) return false;
  return status.currentVersion === null || status.currentVersion === noticeVersion;
}
