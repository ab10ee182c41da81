// The documents a required notice to consumer reporting agencies or to the media calls for (issue 14), rendered
// from the incident's facts for the approver to read before they go out; they are sent by hand, and whoever
// sends one records when and how through the filing of its obligation (recordFiling), like a regulator filing.
import type { Db } from '../../store/connection';
import { getIncident, parseState } from '../../store/incident-store';
import { getAssessmentText } from '../../store/assessments';
import { getOrgProfile } from '../../store/org-profile';
import { mainPublicNoticeVersion } from '../../store/published-notices';
import { noticeDistribution } from '../../store/notice-distribution';
import { countIncidentSubjects } from '../../store/subject-store';
import { US_STATE_NAMES } from '../../rules';
import { dataElementLabel } from '../../activities/render';
import {
  CREDIT_AGENCIES,
  renderCreditAgencyLetter,
  renderPressStatement,
  type AgencyDocumentFacts,
} from '../../activities/render/agency-documents';
import { nowIso } from '../../lib/clock';
import type { TrackedObligation } from '../../workflows/types';

export interface AgencyDocument {
  title: string;
  html: string;
}

export interface AudienceDocuments {
  audience: 'credit_agencies' | 'media';
  /** The obligations the documents answer, with whether their sending was recorded. */
  obligations: { id: string; basis: string; recipient: string; status: string; fulfilledAt: string | null }[];
  documents: AgencyDocument[];
}

// Without a public headline yet the documents still render, in words that give nothing of the internal title.
const NO_HEADLINE = 'a data security incident';

async function factsOf(
  db: Db,
  incidentId: string,
  baseUrl: string,
  obligations: TrackedObligation[],
): Promise<AgencyDocumentFacts> {
  const row = (await getIncident(db, incidentId))!;
  const state = parseState(row);
  const facts = state?.facts ?? null;
  const assessment = facts ? await getAssessmentText(db, facts.assessmentId) : undefined;
  const org = await getOrgProfile(db);
  const affected = Object.entries(facts?.affected ?? {});
  const imported = await countIncidentSubjects(db, incidentId);
  const residents = affected
    .filter(([code, n]) => code.startsWith('US-') && n > 0)
    .map(([code, n]) => ({ name: US_STATE_NAMES[code.slice(3)] ?? code, people: n }))
    .sort((a, b) => b.people - a.people);
  const distribution = await noticeDistribution(db, incidentId);
  const published = await mainPublicNoticeVersion(db, incidentId);
  return {
    date: nowIso(),
    headline: assessment?.public_headline?.trim() || NO_HEADLINE,
    org: {
      legalName: org.legalName,
      postalAddress: org.postalAddress ? org.postalAddress.split('\n') : [],
      dpo: org.dpo,
      contactPhone: org.contactPhone,
    },
    bases: [...new Set(obligations.map((o) => o.basis))],
    people: Math.max(
      imported,
      affected.reduce((sum, [, n]) => sum + n, 0),
    ),
    residents,
    approvedAt: state?.approval?.approvedAt ?? null,
    firstSentAt: distribution.firstSentAt,
    lastSentAt: distribution.lastSentAt,
    channels: distribution.channels,
    substitute: Boolean(state?.substituteNoticeAt),
    publicNoticeUrl: published ? `${baseUrl}/public/notices/${incidentId}` : null,
    discoveredAt: state?.awarenessAt ?? null,
    dataElements: (facts?.dataElements ?? []).map((e) => dataElementLabel(e, 'en')),
  };
}

/** For each of the two audiences with a required obligation, its documents; empty when neither applies. */
export async function agencyDocumentsOf(db: Db, incidentId: string, baseUrl: string): Promise<AudienceDocuments[]> {
  const row = await getIncident(db, incidentId);
  const obligations = (row ? (parseState(row)?.obligations ?? []) : []).filter(
    (o) => o.required && o.status !== 'superseded' && (o.audience === 'credit_agencies' || o.audience === 'media'),
  );
  const out: AudienceDocuments[] = [];
  for (const audience of ['credit_agencies', 'media'] as const) {
    const mine = obligations.filter((o) => o.audience === audience);
    if (mine.length === 0) continue;
    const facts = await factsOf(db, incidentId, baseUrl, mine);
    out.push({
      audience,
      obligations: mine.map((o) => ({
        id: o.id,
        basis: o.basis,
        recipient: o.recipient,
        status: o.status,
        fulfilledAt: o.fulfilledAt ?? null,
      })),
      documents:
        audience === 'credit_agencies'
          ? CREDIT_AGENCIES.map((agency) => ({
              title: `Letter to ${agency.name}`,
              html: renderCreditAgencyLetter(agency, facts),
            }))
          : [{ title: 'Statement for the media', html: renderPressStatement(facts) }],
    });
  }
  return out;
}
