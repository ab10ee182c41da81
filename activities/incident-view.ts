// Builds the template view of an incident from SQLite: facts from the
// workflow's last persisted state, free text from the assessment and notes.
import type { Db } from '../store/connection';
import { getAssessmentText, parseHeadlines, parseNarrativeJson } from '../store/assessments';
import { getIncident, parseState } from '../store/incident-store';
import { getOrgProfile, type OrgProfile } from '../store/org-profile';
import { isLocale, type IncidentFactsView, type OrgView } from './render';
import { NO_FREE_TEXT } from './render/narrative';

/** The assessment's free text for notices, as the templates take it. */
export type Narrative = IncidentFactsView['narrative'];

export const EMPTY_NARRATIVE: Narrative = NO_FREE_TEXT;

export function orgView(p: OrgProfile): OrgView {
  return {
    legalName: p.legalName,
    country: p.mainEstablishment,
    // The contact block shows one telephone number: the DPO's own, else the organisation's.
    dpo: { name: p.dpo.name, email: p.dpo.email, phone: p.dpo.phone ?? p.contactPhone ?? null },
    contactUrl: p.contactUrl,
    postalAddress: p.postalAddress ? p.postalAddress.split('\n') : null,
    contactPhone: p.contactPhone ?? null,
  };
}

export function publicNoticeUrl(baseUrl: string, incidentId: string): string {
  return `${baseUrl}/public/notices/${incidentId}`;
}

/** The assessment the workflow accepted (a rejected or unconfirmed request may have left a newer row). */
export async function acceptedAssessment(
  db: Db,
  assessmentId: string | undefined,
): Promise<{
  narrativeByLocale: NonNullable<IncidentFactsView['narrativeByLocale']>;
  approximateRecords: number | null;
  publicHeadline: string | null;
  headlineByLocale: NonNullable<IncidentFactsView['headlineByLocale']>;
  identityProtectionOffered: boolean;
} | null> {
  if (!assessmentId) return null;
  const row = await getAssessmentText(db, assessmentId);
  if (!row) return null;
  const facts = JSON.parse(row.facts_json) as { approximateRecords?: number };
  return {
    narrativeByLocale: Object.fromEntries(
      Object.entries(parseNarrativeJson(row.narrative_json)).filter(([locale]) => isLocale(locale)),
    ),
    approximateRecords: facts.approximateRecords ?? null,
    publicHeadline: row.public_headline,
    headlineByLocale: Object.fromEntries(
      Object.entries(parseHeadlines(row.narrative_json, row.public_headline)).filter(([locale]) => isLocale(locale)),
    ),
    identityProtectionOffered: row.identity_protection_offered === 1,
  };
}

export async function loadIncidentView(
  db: Db,
  incidentId: string,
  baseUrl: string,
): Promise<{ org: OrgProfile; view: IncidentFactsView }> {
  const row = await getIncident(db, incidentId);
  if (!row) throw new Error(`incident ${incidentId} not found`);
  const state = parseState(row);
  const org = await getOrgProfile(db);
  const assessment = await acceptedAssessment(db, state?.facts?.assessmentId);
  const affected = state?.facts?.affected ?? {};
  const view: IncidentFactsView = {
    reference: row.id,
    // People and regulators read the public headline; the internal title stays in the app. Until an
    // assessment gives one, the preview carries none (approval is refused then), never the title.
    title: assessment?.publicHeadline ?? '',
    occurredAt: row.occurred_at,
    discoveredAt: state?.awarenessAt ?? row.detected_at,
    dataElements: state?.facts?.dataElements ?? (JSON.parse(row.data_categories) as string[]),
    approximatePeople: Object.values(affected).reduce((a, b) => a + b, 0),
    approximateRecords: assessment?.approximateRecords ?? null,
    affectedByJurisdiction: Object.entries(affected)
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count),
    // Each locale reads only its own free text (render/narrative.ts); `narrative` stays empty so no
    // renderer can pick up one language's text for another.
    narrative: EMPTY_NARRATIVE,
    narrativeByLocale: assessment?.narrativeByLocale ?? {},
    // Each document carries its own language's headline, or that language's built-in one (render/narrative.ts).
    headlineByLocale: assessment?.headlineByLocale ?? {},
    publicNoticeUrl: publicNoticeUrl(baseUrl, incidentId),
  };
  return { org, view };
}
