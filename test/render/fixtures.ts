import type { IncidentFactsView, OrgView } from '../../activities/render';

export const org: OrgView = {
  legalName: 'Example Learning Ltd',
  country: 'IE',
  dpo: { name: 'Dana Data', email: 'dpo@example.org', phone: '+353 1 555 0100' },
  contactUrl: 'https://example.org/privacy',
  postalAddress: ['1 Example Street', 'Dublin 2', 'Ireland'],
  contactPhone: '+35315550100',
};

export const orgWithoutOptional: OrgView = {
  ...org,
  dpo: { ...org.dpo, phone: null },
  contactUrl: null,
  postalAddress: null,
  contactPhone: null,
};

/** An incident with no custom narrative: every section comes from the built-in defaults. */
export const incident: IncidentFactsView = {
  reference: 'inc_01HZX3',
  title: 'Unauthorised access to the student portal',
  occurredAt: '2025-03-01T08:30:00Z',
  discoveredAt: '2025-03-04T14:05:00Z',
  dataElements: ['name', 'email', 'account_credentials', 'payment_card', 'national_id', 'health'],
  approximatePeople: 12840,
  approximateRecords: 15210,
  affectedByJurisdiction: [
    { code: 'IE', count: 9000 },
    { code: 'US-CA', count: 3840 },
  ],
  narrative: {
    whatHappened: null,
    likelyConsequences: null,
    measuresTaken: null,
    measuresPlanned: null,
    stepsForIndividuals: null,
    remedies: null,
  },
  publicNoticeUrl: 'https://example.org/security-notice',
};

export const sparseIncident: IncidentFactsView = {
  ...incident,
  occurredAt: null,
  dataElements: [],
  approximateRecords: null,
  affectedByJurisdiction: [],
  publicNoticeUrl: null,
};

export const HOSTILE_TITLE = '<script>alert(1)</script>';
export const HOSTILE_TEXT = 'Attackers used <b>&" in a crafted request.';

/** Every narrative field custom, carrying markup that must be escaped in HTML and kept raw in text. */
export const hostileIncident: IncidentFactsView = {
  ...incident,
  title: HOSTILE_TITLE,
  narrative: {
    whatHappened: HOSTILE_TEXT,
    likelyConsequences: HOSTILE_TEXT,
    measuresTaken: HOSTILE_TEXT,
    measuresPlanned: HOSTILE_TEXT,
    stepsForIndividuals: HOSTILE_TEXT,
    remedies: HOSTILE_TEXT,
  },
};
