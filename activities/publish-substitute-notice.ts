// Substitute notice: when people cannot be reached one by one, the notice is
// published on a public page (no login, no personal data) and can be exported
// as static HTML for the company's own website.
import type { Db } from '../store/connection';
import { publishNoticePages } from '../store/published-notices';
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
    const pages = locales.map((locale) => ({
      locale,
      html: renderPublicNotice(locale, { org: orgView(org), incident: view, publishedAt }),
    }));
    await publishNoticePages(deps.db, {
      incidentId: input.incidentId,
      noticeVersion: input.noticeVersion,
      publishedAt,
      pages,
    });
    return { url: publicNoticeUrl(deps.baseUrl, input.incidentId), locales };
  };
