import { describe, expect, it } from 'vitest';
import { run, find, ids } from './helpers';

type Row = { name: string; over: object; id: string; required: boolean; dueAt?: string | null };
const check = ({ over, id, required, dueAt }: Row) => {
  const o = find(run(over), id);
  expect(o.required).toBe(required);
  if (dueAt !== undefined) expect(o.dueAt).toBe(dueAt);
};

describe('NIS2 Art. 23 (eu-nis2)', () => {
  const NIS2 = { sectors: ['nis2-essential'], establishments: { main: 'DE', others: [] }, affected: { FR: 10 } };
  it.each<Row>([
    {
      name: 'Art. 23(4)(a): early warning within 24 hours',
      over: NIS2,
      id: 'eu-nis2:regulator:de-early-warning',
      required: true,
      dueAt: '2026-03-07T09:00:00.000Z',
    },
    {
      name: 'Art. 23(4)(b): incident notification within 72 hours',
      over: NIS2,
      id: 'eu-nis2:regulator:de-notification',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'Art. 23(4)(d): final report one month after the notification',
      over: {
        ...NIS2,
        noticesSent: [
          {
            regime: 'eu-nis2',
            audience: 'regulator',
            at: '2026-03-08T10:00:00Z',
            id: 'eu-nis2:regulator:de-notification',
          },
        ],
      },
      id: 'eu-nis2:regulator:de-final-report',
      required: true,
      dueAt: '2026-04-08T23:59:59.999Z',
    },
    {
      name: 'Art. 23(4)(d): no notification sent yet, no dueAt',
      over: NIS2,
      id: 'eu-nis2:regulator:de-final-report',
      required: true,
      dueAt: null,
    },
    {
      name: 'Art. 23(3): not a significant incident',
      over: { ...NIS2, riskLevel: 'none' },
      id: 'eu-nis2:regulator:de-early-warning',
      required: false,
      dueAt: null,
    },
  ])('$name', check);
});

describe('CAC incident reporting measures (cn-cac)', () => {
  it.each<Row>([
    {
      name: 'Art. 4: other operators report within 4 hours of discovery (1,000,000 people)',
      over: { affected: { CN: 1_000_000 } },
      id: 'cn-cac:regulator:provincial-cac',
      required: true,
      dueAt: '2026-03-06T13:00:00.000Z',
    },
    {
      name: 'Art. 4: CII operators within 1 hour',
      over: { affected: { CN: 1_000_000 }, sectors: ['cii-operator'] },
      id: 'cn-cac:regulator:cii-protection-department',
      required: true,
      dueAt: '2026-03-06T10:00:00.000Z',
    },
    {
      name: 'Annex: 999,999 people is below 较大 on the personal-information criterion',
      over: { affected: { CN: 999_999 } },
      id: 'cn-cac:regulator:provincial-cac',
      required: false,
    },
  ])('$name', check);
  it('Art. 4: not before commencement on 2025-11-01', () => {
    expect(
      ids(run({ affected: { CN: 2_000_000 }, awarenessAt: '2025-10-31T12:00:00Z' })).some((i) =>
        i.startsWith('cn-cac'),
      ),
    ).toBe(false);
  });
});

describe('PIPEDA s. 10.1 (ca-pipeda) and Quebec s. 3.5 (ca-qc)', () => {
  it.each<Row>([
    {
      name: 'PIPEDA s. 10.1(1): Commissioner when real risk of significant harm',
      over: { affected: { 'CA-ON': 5 } },
      id: 'ca-pipeda:regulator:opc',
      required: true,
      dueAt: null,
    },
    {
      name: 'PIPEDA s. 10.1(3): individuals when real risk of significant harm',
      over: { affected: { 'CA-ON': 5 } },
      id: 'ca-pipeda:individuals:individuals',
      required: true,
    },
    {
      name: 'PIPEDA s. 10.1(1): no report below the threshold',
      over: { affected: { 'CA-ON': 5 }, riskLevel: 'risk' },
      id: 'ca-pipeda:regulator:opc',
      required: false,
    },
    {
      name: 'Quebec s. 3.5: Commission when risk of serious injury',
      over: { affected: { 'CA-QC': 5 } },
      id: 'ca-qc:regulator:cai',
      required: true,
    },
    {
      name: 'Quebec s. 3.5: persons concerned',
      over: { affected: { 'CA-QC': 5 } },
      id: 'ca-qc:individuals:individuals',
      required: true,
    },
    {
      name: 'Quebec s. 3.7: no risk of serious injury, register only',
      over: { affected: { 'CA-QC': 5 }, riskLevel: 'risk' },
      id: 'ca-qc:individuals:individuals',
      required: false,
    },
  ])('$name', check);
  it('Quebec s. 3.5: a law enforcement investigation may delay the persons’ notice, not the Commission’s', () => {
    const list = run({
      affected: { 'CA-QC': 5 },
      lawEnforcementHold: { requestedAt: '2026-03-06T10:00:00Z', releasedAt: null },
    });
    expect(find(list, 'ca-qc:individuals:individuals').holdMayDelay).toBe(true);
    expect(find(list, 'ca-qc:regulator:cai').holdMayDelay).toBe(false);
  });
});

describe('Australia NDB (au-ndb)', () => {
  it.each<Row>([
    {
      name: 's. 26WK: statement to the Commissioner for an eligible data breach',
      over: { affected: { 'AU-NSW': 5 } },
      id: 'au-ndb:regulator:oaic',
      required: true,
      dueAt: null,
    },
    {
      name: 's. 26WL: notify individuals',
      over: { affected: { AU: 5 } },
      id: 'au-ndb:individuals:individuals',
      required: true,
    },
    {
      name: 's. 26WF: remedial action prevents serious harm',
      over: { affected: { AU: 5 }, riskLevel: 'none' },
      id: 'au-ndb:regulator:oaic',
      required: false,
    },
  ])('$name', check);
});

describe('Brazil LGPD (br-lgpd)', () => {
  const BR = { affected: { BR: 50 } };
  it.each<Row>([
    {
      name: 'Res. 15/2024 Art. 6: three business days, Tuesday to Friday',
      over: { ...BR, awarenessAt: '2026-03-03T12:00:00-03:00' },
      id: 'br-lgpd:regulator:anpd',
      required: true,
      dueAt: '2026-03-07T02:59:59.999Z',
    },
    {
      name: 'Res. 15/2024 Art. 6: across a weekend, Thursday to Tuesday',
      over: { ...BR, awarenessAt: '2026-03-05T12:00:00-03:00' },
      id: 'br-lgpd:regulator:anpd',
      required: true,
      dueAt: '2026-03-11T02:59:59.999Z',
    },
    {
      name: 'Res. 15/2024 Art. 6: Friday awareness, weekend and Tiradentes (21 April) skipped',
      over: { ...BR, awarenessAt: '2026-04-17T12:00:00-03:00' },
      id: 'br-lgpd:regulator:anpd',
      required: true,
      dueAt: '2026-04-24T02:59:59.999Z',
    },
    {
      name: 'Res. 15/2024 Art. 9: data subjects on the same clock',
      over: { ...BR, awarenessAt: '2026-03-05T12:00:00-03:00' },
      id: 'br-lgpd:individuals:individuals',
      required: true,
      dueAt: '2026-03-11T02:59:59.999Z',
    },
    {
      name: 'LGPD Art. 48: no relevant risk, no communication',
      over: { ...BR, riskLevel: 'none' },
      id: 'br-lgpd:regulator:anpd',
      required: false,
    },
    {
      name: 'Res. 15/2024 Art. 5: risk without qualifying data is not relevant',
      over: { ...BR, riskLevel: 'risk', dataElements: ['name', 'email'] },
      id: 'br-lgpd:regulator:anpd',
      required: false,
    },
  ])('$name', check);
});

describe('Singapore PDPA (sg-pdpa)', () => {
  it.each<Row>([
    {
      name: 's. 26B(1)(b): 500 people is significant scale',
      over: { affected: { SG: 500 }, riskLevel: 'risk', determinations: { notifiableAt: '2026-03-06T09:00:00Z' } },
      id: 'sg-pdpa:regulator:pdpc',
      required: true,
      dueAt: '2026-03-09T15:59:59.999Z',
    },
    {
      name: 's. 26B: 499 people and no significant harm is not notifiable',
      over: { affected: { SG: 499 }, riskLevel: 'risk' },
      id: 'sg-pdpa:regulator:pdpc',
      required: false,
    },
    {
      name: 's. 26D(5)(b): encrypted with the key safe, individuals need not be told',
      over: { affected: { SG: 10 }, encrypted: true },
      id: 'sg-pdpa:individuals:individuals',
      required: false,
    },
    {
      name: 's. 26D(2): significant harm, individuals told',
      over: { affected: { SG: 10 } },
      id: 'sg-pdpa:individuals:individuals',
      required: true,
    },
  ])('$name', check);
});

describe('Japan APPI (jp-appi)', () => {
  it.each<Row>([
    {
      name: 'Rules Art. 7(iv): more than 1,000 people, final report within 30 days',
      over: { affected: { JP: 1001 }, dataElements: ['name', 'email'] },
      id: 'jp-appi:regulator:ppc-final',
      required: true,
      dueAt: '2026-04-05T14:59:59.999Z',
    },
    {
      name: 'Rules Art. 7(iv): 1,000 people with ordinary data is not reportable',
      over: { affected: { JP: 1000 }, dataElements: ['name', 'email'] },
      id: 'jp-appi:regulator:ppc-final',
      required: false,
    },
    {
      name: 'Rules Art. 7(i): sensitive data at any size',
      over: { affected: { JP: 3 }, dataElements: ['name', 'health'] },
      id: 'jp-appi:individuals:individuals',
      required: true,
    },
    {
      name: 'Rules Art. 7: high-level encryption excludes the report',
      over: { affected: { JP: 5000 }, encrypted: true },
      id: 'jp-appi:regulator:ppc-preliminary',
      required: false,
    },
  ])('$name', check);
});

describe('South Korea PIPA (kr-pipa)', () => {
  it.each<Row>([
    {
      name: 'Art. 34(1): data subjects within 72 hours, whatever the risk',
      over: { affected: { KR: 3 }, riskLevel: 'none', dataElements: ['email'] },
      id: 'kr-pipa:individuals:individuals',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'Art. 34(3): PIPC at 1,000 people',
      over: { affected: { KR: 1000 }, dataElements: ['email'] },
      id: 'kr-pipa:regulator:pipc',
      required: true,
    },
    {
      name: 'Art. 34(3): 999 people with ordinary data, no report',
      over: { affected: { KR: 999 }, dataElements: ['email'] },
      id: 'kr-pipa:regulator:pipc',
      required: false,
    },
    {
      name: 'Decree Art. 40: unique identifying information at any size',
      over: { affected: { KR: 3 } },
      id: 'kr-pipa:regulator:pipc',
      required: true,
    },
  ])('$name', check);
});

describe('India DPDP (in-dpdp) and CERT-In (in-certin)', () => {
  it.each<Row>([
    {
      name: 'DPDP r. 7: not before the breach rules commence',
      over: { affected: { IN: 5 } },
      id: 'in-dpdp:regulator:dpb',
      required: false,
      dueAt: null,
    },
    {
      name: 'DPDP r. 7(2): Board within 72 hours once in force',
      over: { affected: { IN: 5 }, awarenessAt: '2027-06-01T00:00:00Z' },
      id: 'in-dpdp:regulator:dpb',
      required: true,
      dueAt: '2027-06-04T00:00:00.000Z',
    },
    {
      name: 'DPDP r. 7(1): each Data Principal once in force',
      over: { affected: { IN: 5 }, awarenessAt: '2027-06-01T00:00:00Z', riskLevel: 'none' },
      id: 'in-dpdp:individuals:data-principals',
      required: true,
    },
    {
      name: 'CERT-In direction (ii): 6 hours from noticing',
      over: { affected: { IN: 5 }, discoveredAt: '2026-03-06T08:00:00Z' },
      id: 'in-certin:regulator:cert-in',
      required: true,
      dueAt: '2026-03-06T14:00:00.000Z',
    },
  ])('$name', check);
});
