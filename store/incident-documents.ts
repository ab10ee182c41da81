// Reads of what an incident produced for others: the rendered notices, the
// public substitute notice pages and the regulator report.
import type { Db } from './connection';

export interface NoticeRow {
  audience: string;
  locale: string;
  channel: string;
  subject: string | null;
  html: string | null;
  text: string;
  recipients: number;
}

export interface PublishedNoticeRow {
  locale: string;
  notice_version: string;
  published_at: string;
}

export async function listNotices(db: Db, incidentId: string, noticeVersion: string): Promise<NoticeRow[]> {
  return db.all<NoticeRow>(
    'SELECT audience, locale, channel, subject, html, text, recipients FROM notices WHERE incident_id = ? AND notice_version = ? ORDER BY audience, locale, channel',
    [incidentId, noticeVersion],
  );
}

/** Newest first, then by locale. */
export async function listPublishedNotices(db: Db, incidentId: string): Promise<PublishedNoticeRow[]> {
  return db.all<PublishedNoticeRow>(
    'SELECT locale, notice_version, published_at FROM public_notices WHERE incident_id = ? ORDER BY published_at DESC, locale',
    [incidentId],
  );
}

export async function reportHtml(db: Db, incidentId: string): Promise<string | null> {
  return (await db.get<{ html: string }>('SELECT html FROM reports WHERE incident_id = ?', [incidentId]))?.html ?? null;
}
