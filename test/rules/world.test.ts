import { describe, expect, it } from 'vitest';
import { run, find, ids } from './helpers';

// The wider world of issue 13. awarenessAt is 2026-03-06T09:00Z unless a row says otherwise; the default risk
// is 'high_risk'. Hour limits are exact instants: 09:00Z + 72 h = 2026-03-09T09:00Z, + 48 h = 2026-03-08T09:00Z.

type Row = { name: string; over: object; id: string; required: boolean; dueAt?: string | null; dueNow?: boolean };
const check = ({ over, id, required, dueAt, dueNow }: Row) => {
  const o = find(run(over), id);
  expect(o.required).toBe(required);
  if (dueAt !== undefined) expect(o.dueAt).toBe(dueAt);
  if (dueNow !== undefined) expect(o.dueNow ?? false).toBe(dueNow);
};

describe('wider world: one scenario per provision', () => {
  it.each<Row>([
    // Switzerland
    {
      name: 'FADP Art. 24(1): FDPIC as soon as possible on a likely high risk',
      over: { affected: { CH: 10 } },
      id: 'ch-fadp:regulator:fdpic',
      required: true,
      dueAt: null,
      dueNow: true,
    },
    {
      name: 'FADP Art. 24(1): no high risk, no report',
      over: { affected: { CH: 10 }, riskLevel: 'risk' },
      id: 'ch-fadp:regulator:fdpic',
      required: false,
    },
    {
      name: 'FADP Art. 24(3): the processor informs the controller as soon as possible',
      over: { affected: { CH: 10 }, role: 'processor' },
      id: 'ch-fadp:controller:controller',
      required: true,
      dueNow: true,
    },
    // Turkey: 72 hours, every breach
    {
      name: 'KVKK Art. 12(5), Decision 2019/10: the Board within 72 hours, whatever the risk',
      over: { affected: { TR: 10 }, riskLevel: 'none' },
      id: 'tr-kvkk:regulator:kvkk-board',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    // Saudi Arabia
    {
      name: 'PDPL Art. 20, Regulation Art. 24: SDAIA within 72 hours',
      over: { affected: { SA: 10 }, riskLevel: 'risk' },
      id: 'sa-pdpl:regulator:sdaia',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'PDPL Art. 20: no harm possible, no notice',
      over: { affected: { SA: 10 }, riskLevel: 'none' },
      id: 'sa-pdpl:regulator:sdaia',
      required: false,
    },
    // UAE: in force, regulations not issued
    {
      name: 'UAE PDPL Art. 9(1): the Data Office immediately (unconfirmed: regulations)',
      over: { affected: { AE: 10 } },
      id: 'ae-pdpl:regulator:data-office',
      required: true,
      dueAt: null,
      dueNow: true,
    },
    // Israel
    {
      name: 'Data Security Regulations reg. 11: a severe incident to the Authority immediately',
      over: { affected: { IL: 10 } },
      id: 'il-ppl:regulator:ppa',
      required: true,
      dueNow: true,
    },
    {
      name: "Data Security Regulations reg. 11: data subjects only on the Authority's order",
      over: { affected: { IL: 10 } },
      id: 'il-ppl:individuals:data-subjects',
      required: false,
    },
    // South Africa: reasonable grounds to believe is a determination clock
    {
      name: 'POPIA s. 22: the Regulator as soon as reasonably possible, from the determination',
      over: { affected: { ZA: 10 }, riskLevel: 'none', determinations: { notifiableAt: '2026-03-07T10:00:00Z' } },
      id: 'za-popia:regulator:information-regulator',
      required: true,
      dueNow: true,
    },
    // Kenya
    {
      name: 'Kenya DPA s. 43(1): the Commissioner within 72 hours',
      over: { affected: { KE: 10 }, riskLevel: 'risk' },
      id: 'ke-dpa:regulator:odpc',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'Kenya DPA s. 43(2): the processor within 48 hours',
      over: { affected: { KE: 10 }, role: 'processor' },
      id: 'ke-dpa:controller:controller',
      required: true,
      dueAt: '2026-03-08T09:00:00.000Z',
    },
    // Nigeria
    {
      name: 'NDPA s. 40(2): the Commission within 72 hours on a risk',
      over: { affected: { NG: 10 }, riskLevel: 'risk' },
      id: 'ng-ndpa:regulator:ndpc',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'NDPA s. 40(3): data subjects immediately only on a high risk',
      over: { affected: { NG: 10 }, riskLevel: 'risk' },
      id: 'ng-ndpa:individuals:data-subjects',
      required: false,
    },
    {
      name: 'NDPA s. 40(3): high risk, data subjects immediately',
      over: { affected: { NG: 10 } },
      id: 'ng-ndpa:individuals:data-subjects',
      required: true,
      dueNow: true,
    },
    // New Zealand
    {
      name: 'Privacy Act 2020 s. 114: a notifiable privacy breach, the Commissioner as soon as practicable',
      over: { affected: { NZ: 10 } },
      id: 'nz-privacy:regulator:opc',
      required: true,
      dueNow: true,
    },
    {
      name: 'Privacy Act 2020 s. 112: no serious harm likely, not notifiable',
      over: { affected: { NZ: 10 }, riskLevel: 'risk' },
      id: 'nz-privacy:individuals:individuals',
      required: false,
    },
    // Thailand
    {
      name: 'PDPA s. 37(4): the Office within 72 hours',
      over: { affected: { TH: 10 }, riskLevel: 'risk' },
      id: 'th-pdpa:regulator:pdpc',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    // Philippines: reasonable belief, from notifiableAt 2026-03-07T00:00Z + 72 h
    {
      name: 'RA 10173 s. 20(f), Circular 16-03: the Commission within 72 hours of reasonable belief',
      over: { affected: { PH: 10 }, determinations: { notifiableAt: '2026-03-07T00:00:00Z' } },
      id: 'ph-dpa:regulator:npc',
      required: true,
      dueAt: '2026-03-10T00:00:00.000Z',
    },
    // Indonesia: 3 x 24 hours
    {
      name: 'Law 27/2022 Art. 46(1): data subjects within 3 × 24 hours',
      over: { affected: { ID: 10 }, riskLevel: 'none' },
      id: 'id-pdp:individuals:data-subjects',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    // Vietnam
    {
      name: 'Law 91/2025/QH15 with Decree 356/2025: the Ministry of Public Security within 72 hours',
      over: { affected: { VN: 10 } },
      id: 'vn-pdpl:regulator:mps',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'Decree 13/2023 Art. 23: a breach known in 2025, 72 hours',
      over: { affected: { VN: 10 }, awarenessAt: '2025-06-01T00:00:00Z' },
      id: 'vn-decree13:regulator:mps',
      required: true,
      dueAt: '2025-06-04T00:00:00.000Z',
    },
    // Malaysia: significant harm or more than 1,000
    {
      name: 'PDPA s. 12B(1), DBN Guideline: 1,000 people without significant harm is not significant scale',
      over: { affected: { MY: 1000 }, riskLevel: 'risk' },
      id: 'my-pdpa:regulator:commissioner',
      required: false,
    },
    {
      name: 'PDPA s. 12B(1), DBN Guideline: 1,001 people, the Commissioner within 72 hours',
      over: { affected: { MY: 1001 }, riskLevel: 'risk' },
      id: 'my-pdpa:regulator:commissioner',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'PDPA s. 12B(2): significant harm, data subjects without unnecessary delay',
      over: { affected: { MY: 10 } },
      id: 'my-pdpa:individuals:data-subjects',
      required: true,
      dueNow: true,
    },
    {
      name: 'PDPA s. 12B: no statutory duty on a processor',
      over: { affected: { MY: 10 }, role: 'processor' },
      id: 'my-pdpa:controller:controller',
      required: false,
    },
    // Mexico: individuals only
    {
      name: 'LFPDPPP (2025): data subjects immediately when significantly affected',
      over: { affected: { MX: 10 } },
      id: 'mx-lfpdppp:individuals:data-subjects',
      required: true,
      dueNow: true,
    },
    // Colombia: 15 business days from detection, Friday 6 March + 15 = Friday 27 March, end of day Bogota (UTC-5)
    {
      name: 'Law 1581 Arts. 17(n), 18(k): the SIC within 15 business days',
      over: { affected: { CO: 10 } },
      id: 'co-habeas-data:regulator:sic',
      required: true,
      dueAt: '2026-03-28T04:59:59.999Z',
    },
    // Chile
    {
      name: 'Law 21,719: no duty before 2026-12-01',
      over: { affected: { CL: 10 } },
      id: 'cl-pdp:regulator:agency',
      required: false,
    },
    {
      name: 'Law 21,719: the Agency without undue delay from 2026-12-01',
      over: { affected: { CL: 10 }, awarenessAt: '2026-12-05T12:00:00Z' },
      id: 'cl-pdp:regulator:agency',
      required: true,
      dueNow: true,
    },
    // Peru: 48 hours
    {
      name: 'DS 016-2024-JUS: the ANPD within 48 hours',
      over: { affected: { PE: 10 }, riskLevel: 'none' },
      id: 'pe-pdp:regulator:anpd',
      required: true,
      dueAt: '2026-03-08T09:00:00.000Z',
    },
    {
      name: 'DS 016-2024-JUS: data subjects within 48 hours',
      over: { affected: { PE: 10 } },
      id: 'pe-pdp:individuals:data-subjects',
      required: true,
      dueAt: '2026-03-08T09:00:00.000Z',
    },
    // Taiwan
    {
      name: 'Taiwan PDPA Art. 12: data subjects after investigation',
      over: { affected: { TW: 10 } },
      id: 'tw-pdpa:individuals:data-subjects',
      required: true,
      dueNow: true,
    },
    // Alberta
    {
      name: 'Alberta PIPA s. 34.1: the Commissioner on a real risk of significant harm',
      over: { affected: { 'CA-AB': 10 } },
      id: 'ca-ab:regulator:oipc',
      required: true,
      dueNow: true,
    },
    {
      name: 'Alberta PIPA s. 37.1: individuals only when the Commissioner requires it',
      over: { affected: { 'CA-AB': 10 } },
      id: 'ca-ab:individuals:individuals',
      required: false,
    },
  ])('$name', check);

  it('Argentina Law 25,326: no statutory duty, and the why says so', () => {
    const o = find(run({ affected: { AR: 10 } }), 'ar-pdpa:regulator:aaip');
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/no statutory duty/);
  });

  it('Hong Kong PDPO: notification is voluntary, and the why says so', () => {
    const o = find(run({ affected: { HK: 10 } }), 'hk-pdpo:regulator:pcpd');
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/voluntary/);
  });

  it('Vietnam: Decree 13/2023 gives way to the PDP Law from 2026-01-01', () => {
    expect(ids(run({ affected: { VN: 10 } }))).not.toContain('vn-decree13:regulator:mps');
    expect(ids(run({ affected: { VN: 10 }, awarenessAt: '2025-12-31T12:00:00Z' }))).not.toContain(
      'vn-pdpl:regulator:mps',
    );
  });

  it('unconfirmed facts are named in the why (UAE regulations)', () => {
    expect(find(run({ affected: { AE: 10 } }), 'ae-pdpl:regulator:data-office').why).toMatch(/Unconfirmed/);
  });
});
