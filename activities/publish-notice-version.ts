// The public notice page of a version, one per locale: published when a
// substitute notice is due, or when the first message carrying its link is
// handed to a provider, so no link a person gets answers 404 (issue 14).
import type { Db } from '../store/connection';
import { approvalChoseNoPublicLink } from '../store/notices';
import { approvedNoticeVersion, isNoticeVersionPublished, publishNoticePages } from '../store/published-notices';
import { loadIncidentView, orgView, publicNoticeUrl } from './incident-view';
import { renderPublicNotice } from './render';
import { subjectLocales } from './render-notices';
import { nowIso } from '../lib/clock';

export async function publishNoticeVersion(
  deps: { db: Db; baseUrl: string },
  incidentId: string,
  noticeVersion: string,
): Promise<{ url: string; locales: string[] }> {
  const { org, view } = await loadIncidentView(deps.db, incidentId, deps.baseUrl);
  const locales = await subjectLocales(deps.db, incidentId);
  const publishedAt = nowIso();
  const pages = locales.map((locale) => ({
    locale,
    html: renderPublicNotice(locale, { org: orgView(org), incident: view, publishedAt }),
  }));
  await publishNoticePages(deps.db, { incidentId, noticeVersion, publishedAt, pages });
  return { url: publicNoticeUrl(deps.baseUrl, incidentId), locales };
}

/**
 * Called by the senders before a version's messages go to a provider (the send gate is open, so no
 * hold delays them). Publishes the version's page unless it is up, its messages carry no link
 * ("no public link"), or it is no longer the approved version (an older one finishing its re-sends
 * must not replace the newer page).
 */
export async function publishBeforeLinkedSend(
  deps: { db: Db; baseUrl?: string },
  incidentId: string,
  noticeVersion: string,
): Promise<void> {
  const { db, baseUrl } = deps;
  if (baseUrl === undefined) return;
  if (await isNoticeVersionPublished(db, incidentId, noticeVersion)) return;
  if (await approvalChoseNoPublicLink(db, incidentId, noticeVersion)) return;
  if ((await approvedNoticeVersion(db, incidentId)) !== noticeVersion) return;
  await publishNoticeVersion({ db, baseUrl }, incidentId, noticeVersion);
}
