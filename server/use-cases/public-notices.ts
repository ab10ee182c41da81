// The published notice: public, so it is looked up by incident id alone (and
// a version for an older one), in the reader's language when it exists, else
// English, else any.
import type { Db } from '../../store/connection';
import {
  listPublicNotices,
  listPublicNoticeVersion,
  mainPublicNoticeVersion,
  type PublicNoticeRow,
} from '../../store/published-notices';

const inLocale = (rows: PublicNoticeRow[], locale: string) =>
  rows.find((x) => x.locale === locale) ?? rows.find((x) => x.locale === 'en') ?? rows[0];

export async function publicNoticeFor(
  db: Db,
  incidentId: string,
  locale: string,
): Promise<PublicNoticeRow | undefined> {
  return inLocale(await listPublicNotices(db, incidentId), locale);
}

/** A version's page as it was published; `superseded` when a newer version is at the main address. */
export async function publicNoticeVersionFor(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  locale: string,
): Promise<(PublicNoticeRow & { superseded: boolean }) | undefined> {
  const page = inLocale(await listPublicNoticeVersion(db, incidentId, noticeVersion), locale);
  if (!page) return undefined;
  return { ...page, superseded: (await mainPublicNoticeVersion(db, incidentId)) !== noticeVersion };
}
