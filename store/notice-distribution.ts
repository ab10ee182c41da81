// How an incident's notices to people went out, for the documents that report it (credit agencies, media):
// people reached per channel and when the first and latest notice left. Any version counts.
import type { Db } from './connection';

export interface NoticeDistribution {
  channels: { channel: string; people: number }[];
  firstSentAt: string | null;
  lastSentAt: string | null;
}

export async function noticeDistribution(db: Db, incidentId: string): Promise<NoticeDistribution> {
  const channels = await db.all<{ channel: string; people: number }>(
    `SELECT channel, COUNT(DISTINCT subject_id) AS people FROM outbox
     WHERE incident_id = ? AND kind = 'subject' AND status IN ('sent', 'delivered') GROUP BY channel ORDER BY people DESC, channel`,
    [incidentId],
  );
  const span = await db.get<{ first: string | null; last: string | null }>(
    `SELECT MIN(sent_at) AS first, MAX(sent_at) AS last FROM outbox
     WHERE incident_id = ? AND kind = 'subject' AND status IN ('sent', 'delivered')`,
    [incidentId],
  );
  return { channels, firstSentAt: span?.first ?? null, lastSentAt: span?.last ?? null };
}
