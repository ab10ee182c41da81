// What approval refuses before the workflow hears of it (issue 14): a notice
// without a public headline, notices in the name of the built-in or an
// incomplete organisation profile, links to a public page nobody outside
// can open, or a language whose notice would go without the free text written
// in another. Each refusal is a 409 naming what to fix; nothing is stored first.
import type { Db } from '../../store/connection';
import { getAssessmentText } from '../../store/assessments';
import { getIncident, parseState } from '../../store/incident-store';
import { listNotices, NO_LINK_SUFFIX } from '../../store/notices';
import { DEFAULT_ORG_PROFILE, getOrgProfile, type OrgProfile } from '../../store/org-profile';
import { HttpError } from '../errors';
import { refuseMissingFreeText } from './notice-languages';
import type { AppConfig } from '../../app.config';

/** Where messages go and where their links point, as the app was configured. */
export interface PublicLinkSetting {
  /** SendGrid or Twilio credentials are configured: messages reach real people. */
  realProvider: boolean;
  /** BREACHLINE_PUBLIC_URL, without a trailing slash; undefined when unset. */
  publicUrl: string | undefined;
  /** Twilio credentials reach people: calls are placed, and only their status callbacks say how they went. */
  realTwilio: boolean;
}

export interface ApprovalRequest {
  noticeVersion: string;
  noPublicLink: boolean;
  /** Locales the approver lets use their own language's built-in texts where free text was written in another. */
  builtInTextLocales?: readonly string[];
}

/** The profile fields a notice needs that are missing or still the built-in example values. */
export function missingProfileFields(profile: OrgProfile): string[] {
  const missing: string[] = [];
  const blank = (v: string | null | undefined) => !v || v.trim() === '';
  if (blank(profile.legalName) || profile.legalName === DEFAULT_ORG_PROFILE.legalName) missing.push('legalName');
  if (blank(profile.dpo.email) || profile.dpo.email === DEFAULT_ORG_PROFILE.dpo.email) missing.push('dpo');
  if (blank(profile.postalAddress)) missing.push('postalAddress');
  if (blank(profile.contactPhone)) missing.push('contactPhone');
  return missing;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);

/** A public URL people outside cannot open: unset, or a loopback host. */
export function isUnusablePublicUrl(publicUrl: string | undefined): boolean {
  if (!publicUrl) return true;
  let host: string;
  try {
    host = new URL(publicUrl).hostname.toLowerCase();
  } catch {
    return true;
  }
  return LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost') || /^127\./.test(host);
}

/**
 * SendGrid or Twilio credentials make messages reach people (as activities/providers decide), unless
 * the provider's API address is itself on this machine: a stand-in's mail is read here, where a
 * loopback link opens.
 */
export function publicLinkSettingOf(config: Pick<AppConfig, 'sendgrid' | 'twilio' | 'publicUrl'>): PublicLinkSetting {
  const reachesPeople = (p: { baseUrl?: string } | undefined) =>
    p !== undefined && (p.baseUrl === undefined || !isUnusablePublicUrl(p.baseUrl));
  return {
    realProvider: reachesPeople(config.sendgrid) || reachesPeople(config.twilio),
    publicUrl: config.publicUrl,
    realTwilio: reachesPeople(config.twilio),
  };
}

type StoredNotice = Awaited<ReturnType<typeof listNotices>>[number];

/** Whether any message of the version that would be sent carries the link to the public notice page. */
function carriesPublicLink(notices: StoredNotice[], incidentId: string, noPublicLink: boolean): boolean {
  const marker = `/public/notices/${incidentId}`;
  return notices.some(
    (n) =>
      n.audience.startsWith('individuals') &&
      n.audience.endsWith(NO_LINK_SUFFIX) === noPublicLink &&
      (n.text.includes(marker) || (n.html ?? '').includes(marker)),
  );
}

/**
 * Notices rendered before the profile was completed still speak in the old name: the plain-text
 * email of each person-facing notice names the organisation and its DPO as saved now, or it is stale.
 */
function renderedWithAnotherProfile(notices: StoredNotice[], profile: OrgProfile): boolean {
  return notices.some(
    (n) =>
      n.audience.startsWith('individuals') &&
      n.channel === 'email' &&
      !(n.text.includes(profile.legalName) && n.text.includes(profile.dpo.email)),
  );
}

/**
 * What the approval form says about the public link: with the local outbox a warning (the quick
 * start keeps working), with a real provider that approval needs a public URL or "no public link".
 */
export function publicLinkWarning(setting: PublicLinkSetting): string | null {
  if (!isUnusablePublicUrl(setting.publicUrl)) return null;
  const where = setting.publicUrl
    ? `BREACHLINE_PUBLIC_URL (${setting.publicUrl}) is a loopback address`
    : 'BREACHLINE_PUBLIC_URL is not set';
  return setting.realProvider
    ? `${where}: the link in the notices would not open for anyone. Approval is refused until it is a public address, unless you tick "No public link".`
    : `${where}: the link in the notices opens only on this machine. Messages go to the local outbox now; with SendGrid or Twilio configured, approval would be refused until it is set.`;
}

/**
 * Throws a 409 naming the field to fix when the version must not be approved yet. Answers the locales
 * whose built-in texts the approver chose where free text was missing: the choice the approval records.
 */
export async function refuseUnreadyApproval(
  db: Db,
  publicLink: PublicLinkSetting,
  incidentId: string,
  request: ApprovalRequest,
): Promise<{ builtInTextLocales: string[] }> {
  const row = await getIncident(db, incidentId);
  const assessmentId = row ? parseState(row)?.facts?.assessmentId : undefined;
  // Before any assessment there is nothing to approve; the workflow says so in its own words.
  if (!assessmentId) return { builtInTextLocales: [] };
  const headline = (await getAssessmentText(db, assessmentId))?.public_headline;
  if (!headline)
    throw new HttpError(
      409,
      'the notices have no public headline: re-assess with publicHeadline (what people and regulators read instead of the internal title), then approve the version rendered with it',
      'publicHeadline',
    );
  const profile = await getOrgProfile(db);
  const missing = missingProfileFields(profile);
  if (missing.length > 0)
    throw new HttpError(
      409,
      `the organisation profile is incomplete or still the built-in example; notices would go out in its name. Complete in Settings → Organisation: ${missing.join(', ')}`,
      missing[0]!,
    );
  const notices = await listNotices(db, incidentId, request.noticeVersion);
  if (renderedWithAnotherProfile(notices, profile))
    throw new HttpError(
      409,
      'these notices were rendered with an earlier organisation profile: ask for a recompute to render them with the one saved now, then approve that version',
      'noticeVersion',
    );
  if (request.noPublicLink && notices.length > 0 && !notices.some((n) => n.audience.endsWith(NO_LINK_SUFFIX)))
    throw new HttpError(
      409,
      'this version was rendered without link-free notices: ask for a recompute to render them, then approve that version with "no public link"',
      'noPublicLink',
    );
  const builtInTextLocales = await refuseMissingFreeText(
    db,
    incidentId,
    request.noticeVersion,
    request.builtInTextLocales ?? [],
  );
  if (
    publicLink.realProvider &&
    isUnusablePublicUrl(publicLink.publicUrl) &&
    carriesPublicLink(notices, incidentId, request.noPublicLink)
  )
    throw new HttpError(
      409,
      `the notices link to the public notice page, but BREACHLINE_PUBLIC_URL is ${publicLink.publicUrl ? `a loopback address (${publicLink.publicUrl})` : 'not set'}: people would get a link that does not open. Set it to the address people reach this app at, or approve with "no public link"`,
      'BREACHLINE_PUBLIC_URL',
    );
  const policy = row ? parseState(row)?.facts?.channelPolicy : undefined;
  if (
    publicLink.realTwilio &&
    isUnusablePublicUrl(publicLink.publicUrl) &&
    (policy === 'call' || policy === 'sms_or_call')
  )
    throw new HttpError(
      409,
      `the channel policy places telephone calls, and Twilio reports whether each was answered to BREACHLINE_PUBLIC_URL/webhooks/twilio/calls; it is ${publicLink.publicUrl ? `a loopback address (${publicLink.publicUrl})` : 'not set'}, so no call would be known to reach anyone or be tried again. Set it to the address Twilio reaches this app at, or re-assess with a policy without calls`,
      'BREACHLINE_PUBLIC_URL',
    );
  return { builtInTextLocales };
}
