// Substitute notice: when people cannot be reached one by one, the notice is
// published on a public page (no login, no personal data) and can be exported
// as static HTML for the company's own website.
import type { Db } from '../store/connection';
import { loadIncidentView, orgView, publicNoticeUrl } from './incident-view';
import { renderPublicNotice } from './render';
import { subjectLocales } from './render-notices';
import { nowIso } from '../lib/clock';

export const createPublishSubstituteNotice =
  (deps: { db: Db; baseUrl: string }) =>
  async (input: { incidentId: string; noticeVersion: string }): Promise<{ url: string; locales: string[] }> => {
    const { org, view } = await loadIncidentView(deps.db, input.incidentId, deps.baseUrl);
    const locales = await subjectLocales(deps.db, input.incidentId);
    const publishedAt = nowIso();
    await deps.db.transaction(async (tx) => {
      for (const locale of locales) {
        const html = renderPublicNotice(locale, { org: orgView(org), incident: view, publishedAt });
        await tx.run(
          `INSERT INTO public_notices (incident_id, locale, notice_version, html, published_at) VALUES (?,?,?,?,?)
           ON CONFLICT (incident_id, locale) DO UPDATE SET notice_version = excluded.notice_version, html = excluded.html, published_at = excluded.published_at`,
          [input.incidentId, locale, input.noticeVersion, html, publishedAt],
        );
      }
    });
    return { url: publicNoticeUrl(deps.baseUrl, input.incidentId), locales };
  };
