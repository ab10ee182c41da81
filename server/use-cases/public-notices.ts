// The published substitute notice: public, so it is looked up by incident id
// alone, in the reader's language when it exists, else English, else any.
import type { Db } from '../../store/connection';
import { listPublicNotices, type PublicNoticeRow } from '../../store/published-notices';

export async function publicNoticeFor(
  db: Db,
  incidentId: string,
  locale: string,
): Promise<PublicNoticeRow | undefined> {
  const rows = await listPublicNotices(db, incidentId);
  return rows.find((x) => x.locale === locale) ?? rows.find((x) => x.locale === 'en') ?? rows[0];
}
