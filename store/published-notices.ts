// The public notice: one page per locale, no login and no personal data, replaced
// at the main address when a newer notice version is published; each version's
// pages also stay at their own address.
import type { Db } from './connection';
import { jsonText } from './dialect';

/** Publishes each locale's page of this version, all in one transaction. */
export async function publishNoticePages(
  db: Db,
  p: { incidentId: string; noticeVersion: string; publishedAt: string; pages: { locale: string; html: string }[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const page of p.pages) {
      await tx.run(
        `INSERT INTO public_notices (incident_id, locale, notice_version, html, published_at) VALUES (?,?,?,?,?)
         ON CONFLICT (incident_id, locale) DO UPDATE SET notice_version = excluded.notice_version, html = excluded.html, published_at = excluded.published_at`,
        [p.incidentId, page.locale, p.noticeVersion, page.html, p.publishedAt],
      );
      // A version's page, once published, stays as it was first published.
      await tx.run(
        `INSERT INTO public_notice_versions (incident_id, notice_version, locale, html, published_at) VALUES (?,?,?,?,?)
         ON CONFLICT DO NOTHING`,
        [p.incidentId, p.noticeVersion, page.locale, page.html, p.publishedAt],
      );
    }
  });
}

/**
 * The incident's current notice version (from the workflow's last persisted state) and whether
 * this version's page is up; undefined when there is no such incident.
 */
export async function substituteNoticeStatus(
  db: Db,
  incidentId: string,
  noticeVersion: string,
): Promise<{ currentVersion: string | null; published: boolean } | undefined> {
  const row = await db.get<{ current: string | null; published: number }>(
    `SELECT ${jsonText(db, 'i.state_json', ['notices', 'noticeVersion'])} AS current,
            EXISTS (SELECT 1 FROM public_notices p WHERE p.incident_id = i.id AND p.notice_version = ?) AS published
     FROM incidents i WHERE i.id = ?`,
    [noticeVersion, incidentId],
  );
  return row ? { currentVersion: row.current, published: row.published !== 0 } : undefined;
}

export async function isNoticeVersionPublished(db: Db, incidentId: string, noticeVersion: string): Promise<boolean> {
  return (
    (await db.get<{ one: number }>('SELECT 1 AS one FROM public_notices WHERE incident_id = ? AND notice_version = ?', [
      incidentId,
      noticeVersion,
    ])) !== undefined
  );
}

/** The version the workflow's last persisted state names as approved; null before any approval. */
export async function approvedNoticeVersion(db: Db, incidentId: string): Promise<string | null> {
  const row = await db.get<{ v: string | null }>(
    `SELECT ${jsonText(db, 'state_json', ['approval', 'noticeVersion'])} AS v FROM incidents WHERE id = ?`,
    [incidentId],
  );
  return row?.v ?? null;
}

export interface PublicNoticeRow {
  locale: string;
  html: string;
}

/** One version's pages, whatever is at the main address now. */
export const listPublicNoticeVersion = (db: Db, incidentId: string, noticeVersion: string) =>
  db.all<PublicNoticeRow>(
    'SELECT locale, html FROM public_notice_versions WHERE incident_id = ? AND notice_version = ?',
    [incidentId, noticeVersion],
  );

/** The version at the main address; undefined when nothing is published. */
export async function mainPublicNoticeVersion(db: Db, incidentId: string): Promise<string | undefined> {
  return (
    await db.get<{ notice_version: string }>(
      'SELECT notice_version FROM public_notices WHERE incident_id = ? ORDER BY published_at DESC LIMIT 1',
      [incidentId],
    )
  )?.notice_version;
}

export const listPublicNotices = (db: Db, incidentId: string) =>
  db.all<PublicNoticeRow>('SELECT locale, html FROM public_notices WHERE incident_id = ?', [incidentId]);

export interface PublishedNoticeRow {
  locale: string;
  notice_version: string;
  published_at: string;
}

/** Newest first, then by locale. */
export async function listPublishedNotices(db: Db, incidentId: string): Promise<PublishedNoticeRow[]> {
  return db.all<PublishedNoticeRow>(
    'SELECT locale, notice_version, published_at FROM public_notices WHERE incident_id = ? ORDER BY published_at DESC, locale',
    [incidentId],
  );
}
