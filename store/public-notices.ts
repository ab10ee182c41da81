// Substitute notices published on the public page, one per incident and locale.
import type { Db } from './connection';

export interface PublicNoticeRow {
  locale: string;
  html: string;
}

export const listPublicNotices = (db: Db, incidentId: string) =>
  db.all<PublicNoticeRow>('SELECT locale, html FROM public_notices WHERE incident_id = ?', [incidentId]);
