import {
  LOCALES,
  REGULATOR_CONTENT_IDS,
  renderClosingReport,
  renderControllerEmail,
  renderPublicNotice,
  renderRegulatorReport,
  renderReminderEmail,
  renderSubjectEmail,
  renderSubjectSms,
  type IncidentFactsView,
  type Locale,
  type OrgView,
  type RenderedEmail,
} from '../../activities/render';

export const regulator = {
  name: 'Data Protection Commission',
  regime: 'gdpr',
  regimeName: 'GDPR',
  basis: 'Art. 33',
  deadline: '72 hours after awareness',
  dueAt: '2025-03-07T14:05:00Z',
};

export const obligation = {
  regime: 'gdpr',
  audience: 'regulator',
  recipient: 'Data Protection Commission',
  basis: 'Art. 33',
  deadline: '72 hours after awareness',
  dueAt: '2025-03-07T14:05:00Z',
};

/** One output of one renderer, named so a failing assertion says which. */
export interface Rendered {
  name: string;
  html: string | null;
  text: string;
}

const email = (name: string, e: RenderedEmail): Rendered[] => [
  { name: `${name} subject`, html: null, text: e.subject },
  { name: `${name} html`, html: e.html, text: e.text },
];

/** Every renderer, in one locale, for one org and incident. */
export function renderAll(locale: Locale, org: OrgView, incident: IncidentFactsView): Rendered[] {
  const out: Rendered[] = [];
  out.push(...email('subject-email', renderSubjectEmail(locale, { org, incident })));
  out.push({ name: 'subject-sms', html: null, text: renderSubjectSms(locale, { org, incident }) });
  out.push(
    ...email(
      'controller-email',
      renderControllerEmail(locale, { org, incident, controller: { name: 'Acme <School> Board' } }),
    ),
  );
  for (const phase of ['initial', 'supplementary'] as const) {
    out.push(
      ...email(
        `regulator-report ${phase}`,
        renderRegulatorReport(locale, {
          org,
          incident,
          regulator,
          phase,
          content: [...REGULATOR_CONTENT_IDS, 'some_future_element'],
          delayReason: phase === 'supplementary' ? 'Forensic analysis was needed to size the breach.' : null,
          holdNote: null,
          noticeDate: '2025-03-05T10:00:00Z',
        }),
      ),
    );
  }
  for (const kind of ['reminder', 'escalation', 'hold_review'] as const) {
    for (const ob of [obligation, null]) {
      out.push(
        ...email(
          `reminder ${kind} ${ob ? 'with' : 'without'} obligation`,
          renderReminderEmail(locale, {
            org,
            incidentRef: incident.reference,
            incidentTitle: incident.title,
            kind,
            obligation: ob,
            incidentUrl: ob ? 'https://breachline.example/incidents/inc_01HZX3' : null,
          }),
        ),
      );
    }
  }
  const publicNotice = renderPublicNotice(locale, { org, incident, publishedAt: '2025-03-06T09:00:00Z' });
  out.push({ name: 'public-notice', html: publicNotice, text: '' });
  return out;
}

export function renderReport(locale: Locale, org: OrgView, incident: IncidentFactsView, withHistory: boolean): string {
  return renderClosingReport(
    {
      org,
      incident: {
        ...incident,
        stage: 'closed',
        status: 'closed',
        severity: 'high',
        awarenessAt: withHistory ? '2025-03-04T14:05:00Z' : null,
        closedAt: withHistory ? '2025-04-01T10:00:00Z' : null,
        summary: withHistory ? `${incident.title}\n\nRoot cause: a leaked API key.` : null,
      },
      timeline: withHistory
        ? [
            {
              seq: 1,
              at: '2025-03-04T14:05:00Z',
              type: 'incident.opened',
              actor: 'alert source "siem"',
              actorId: 'webhook:siem',
              summary: 'Alert from SIEM',
            },
            {
              seq: 2,
              at: '2025-03-04T15:00:00Z',
              type: 'triage.confirmed',
              actor: 'Dana Reyes',
              actorId: 'user:u_17',
              summary: `Confirmed: ${incident.title}`,
            },
            {
              seq: 3,
              at: '2025-03-05T09:00:00Z',
              type: 'notices.approved',
              actor: 'Sam Okafor',
              actorId: 'user:u_02',
              summary: 'Approved notice version 3f2a',
            },
          ]
        : [],
      obligations: withHistory
        ? [
            { ...obligation, status: 'filed', fulfilledAt: '2025-03-08T10:00:00Z' },
            {
              regime: 'ccpa',
              audience: 'individuals',
              recipient: 'California residents',
              basis: 'Cal. Civ. Code 1798.82',
              dueAt: null,
              status: 'sent',
              fulfilledAt: '2025-03-10T10:00:00Z',
            },
          ]
        : [],
      stats: withHistory
        ? [
            { channel: 'email', status: 'delivered', count: 12001 },
            { channel: 'email', status: 'bounced', count: 39 },
            { channel: 'sms', status: 'delivered', count: 800 },
          ]
        : [],
      auditHead: withHistory
        ? { seq: 3, hash: 'a3f1c9e2b4d5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d' }
        : null,
    },
    locale,
  );
}

export { LOCALES };
