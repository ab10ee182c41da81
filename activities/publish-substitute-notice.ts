// Substitute notice: when people cannot be reached one by one, the notice is
// published on a public page (no login, no personal data) and can be exported
// as static HTML for the company's own website.
import type { Db } from '../store/connection';
import { publishNoticeVersion } from './publish-notice-version';

export const createPublishSubstituteNotice =
  (deps: { db: Db; baseUrl: string }) =>
  async (input: { incidentId: string; noticeVersion: string }): Promise<{ url: string; locales: string[] }> =>
    publishNoticeVersion(deps, input.incidentId, input.noticeVersion);
