// The outcome of a data-subject notice wave, counted from the outbox: what the
// incident records on its timeline and what decides the substitute notice.
import type { Db } from '../store/connection';
import { noticeTotals } from '../store/outbox-pages';
import type { ChannelPolicy, NoticeWaveSummary } from '../workflows/types';

export type NoticeSummary = NoticeWaveSummary;

export const createSummarizeNotices =
  (db: Db) =>
  async (input: {
    incidentId: string;
    noticeVersion: string;
    channelPolicy: ChannelPolicy;
  }): Promise<NoticeSummary> => {
    const totals = await noticeTotals(db, input.incidentId, input.noticeVersion);
    // Failed and bounced emails with no phone to fall back to count toward the substitute notice too.
    const noContact = await db.get<{ n: number }>(
      input.channelPolicy === 'email'
        ? 'SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ? AND email IS NULL'
        : 'SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ? AND email IS NULL AND phone IS NULL',
      [input.incidentId],
    );
    const unreachable = await db.get<{ n: number }>(
      `SELECT COUNT(DISTINCT o.subject_id) AS n FROM outbox o
       WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.status IN ('failed','bounced')
         AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.incident_id = o.incident_id AND x.notice_version = o.notice_version AND x.kind = 'subject'
                         AND x.subject_id = o.subject_id AND x.status IN ('sent','delivered','claimed','pending','uncertain'))`,
      [input.incidentId, input.noticeVersion],
    );
    return { ...totals, withoutContact: (noContact?.n ?? 0) + (unreachable?.n ?? 0) };
  };
