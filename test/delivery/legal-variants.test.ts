// Each person gets the notice of the law where they live, on the real send path: the obligations come
// from the compute activity, the notice set from the render activity, the emails go out through the
// notice-page activity and the real @sendgrid/mail SDK to the SendGrid stand-in. One wave holds a
// California resident, a Massachusetts resident, a German resident and a Japanese reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createSendGridProvider, createTwilioProvider } from '../../activities/providers';
import { createComputeObligations } from '../../activities/compute-obligations';
import { createLogger } from '../../lib/logger';
import { insertAssessmentTx } from '../../store/assessments';
import { listNotices } from '../../store/notices';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { openFixtureDb } from '../support/fan-out-fixture';
import { insertTestIncident } from '../support/incident-row';

const SID = `AC${'f'.repeat(32)}`;
const TOKEN = 'twilio-test-token-legal';
const INCIDENT = '01JLEGALVARIANTS0000000000';
const NATURE = 'Someone used a stolen staff password to copy part of our customer database.';
const NATURE_DE =
  'Jemand hat mit einem gestohlenen Passwort eines Mitarbeiters einen Teil unserer Kundendatenbank kopiert.';
const NATURE_JA = '盗まれた従業員のパスワードを使って、何者かが当社の顧客データベースの一部を複製しました。';
const AFFECTED = { 'US-CA': 1200, 'US-MA': 34567, DE: 800 };
const COUNTS = ['36,567', '36567', '34,567', '34567'];

let db: Db;
let drop: () => Promise<void>;
let sendgrid: SendGridStandIn;
let twilio: TwilioStandIn;

beforeAll(async () => {
  ({ db, drop } = await openFixtureDb('legal'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  twilio = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
});
afterAll(async () => {
  await sendgrid?.close();
  await twilio?.close();
  await drop?.();
});

/** The incident as the workflow leaves it in SQLite after an assessment: facts, obligations, no hold. */
async function seedAssessedIncident(): Promise<number[]> {
  const awarenessAt = '2026-03-06T09:00:00Z';
  await insertTestIncident(db, INCIDENT, { title: 'UX41: Customer DB export via leaked admin credential' });
  const dataElements = ['name', 'email', 'national_id'];
  const { obligations } = await createComputeObligations(db)({
    incidentId: INCIDENT,
    awarenessAt,
    discoveredAt: awarenessAt,
    role: 'controller',
    dataElements,
    encrypted: false,
    keyCompromised: false,
    affected: AFFECTED,
    riskLevel: 'high_risk',
    sectors: [],
    hold: null,
    noticesSent: [],
  });
  await db.transaction((tx) =>
    insertAssessmentTx(tx, {
      id: 'asm_legal',
      incidentId: INCIDENT,
      approximateRecords: null,
      identityProtectionOffered: true,
      narrative: { en: { whatHappened: NATURE }, de: { whatHappened: NATURE_DE }, ja: { whatHappened: NATURE_JA } },
      publicHeadline: 'A security incident involving your customer account',
      createdAt: awarenessAt,
      createdBy: 'u',
    }),
  );
  const state = {
    awarenessAt,
    facts: { assessmentId: 'asm_legal', dataElements, affected: AFFECTED },
    hold: null,
    obligations: obligations.map((o) => ({ ...o, status: 'pending' })),
  };
  await db.run('UPDATE incidents SET state_json = ? WHERE id = ?', [JSON.stringify(state), INCIDENT]);
  const ids: number[] = [];
  for (const [i, [jurisdiction, locale, phone]] of [
    ['US-CA', 'en', null],
    ['US-MA', 'en-US', null],
    ['DE', 'de', null],
    ['US-MA', 'en', '+16175550123'],
    ['US-CA', 'en', '+14155550123'],
    ['JP', 'ja', null],
  ].entries()) {
    const [r] = await db.writeAll<{ id: number }>(
      "INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES (?,?,?,?,?,?,'imp_legal',?) RETURNING id",
      [
        INCIDENT,
        `Person ${i}`,
        phone ? null : `${jurisdiction!.toLowerCase()}@example.org`,
        phone,
        jurisdiction,
        locale,
        `k${i}`,
      ],
    );
    ids.push(r!.id);
  }
  return ids;
}

describe('a wave with people of three residences', () => {
  it('sends each the notice of the law where they live', async () => {
    const ids = await seedAssessedIncident();
    const activities = createActivities({
      db,
      email: createSendGridProvider({
        apiKey: 'SG.key',
        fromEmail: 'notices@breachline.example',
        baseUrl: sendgrid.url,
        timeoutMs: 5000,
      }),
      sms: createTwilioProvider({
        accountSid: SID,
        authToken: TOKEN,
        fromNumber: '+14155550100',
        baseUrl: twilio.url,
        timeoutMs: 5000,
      }),
      logger: createLogger('test', 'silent'),
      baseUrl: 'http://localhost',
    });
    const set = await activities.renderNotices({ incidentId: INCIDENT });
    const stored = await listNotices(db, INCIDENT, set.noticeVersion);
    const variants = new Set(stored.filter((n) => n.channel === 'email').map((n) => n.variant));
    expect([...variants].sort()).toEqual(['default', 'us-ca', 'us-ma']);

    await activities.sendNoticePage({
      incidentId: INCIDENT,
      noticeVersion: set.noticeVersion,
      fromId: Math.min(...ids),
      toId: Math.max(...ids),
      channelPolicy: 'sms_fallback',
    });
    const mail = (to: string) => {
      const got = sendgrid.received.filter((r) => r.to === to);
      expect(got, to).toHaveLength(1);
      return got[0]!;
    };

    const ca = mail('us-ca@example.org');
    expect(ca.html).toContain('Notice of Data Breach</h1>');
    for (const h of [
      'What Happened',
      'What Information Was Involved',
      'What We Are Doing',
      'What You Can Do',
      'For More Information',
    ])
      expect(ca.html).toContain(`<h2>${h}</h2>`);
    expect(ca.text).toContain('Date of this notice:');
    expect(ca.text).toContain(
      'identity theft prevention and mitigation services free of charge for at least 12 months',
    );
    expect(ca.text).toContain(NATURE);
    expect(ca.html).toContain('Person 0');

    const ma = mail('us-ma@example.org');
    for (const part of [ma.subject, ma.html, ma.text]) {
      expect(part).not.toContain(NATURE);
      expect(part).not.toContain('What Happened');
      expect(part).not.toContain('Customer DB export');
      for (const n of COUNTS) expect(part).not.toContain(n);
    }
    expect(ma.text).toContain('You have the right to obtain a police report');
    expect(ma.text).toContain('security freeze');
    expect(ma.html).toContain('Person 1');

    const de = mail('de@example.org');
    expect(de.html).toContain('<html lang="de">');
    expect(de.html).toContain('<h2>Was ist geschehen?</h2>');
    expect(de.html).toContain('Guten Tag Person 2,');
    expect(de.html).not.toContain('Notice of Data Breach');
    // The German notice carries the German text, never the English one.
    expect(de.text).toContain(NATURE_DE);
    expect(de.text).not.toContain(NATURE);
    const ja = mail('jp@example.org');
    expect(ja.html).toContain('<html lang="ja">');
    expect(ja.text).toContain(NATURE_JA);
    expect(ja.text).not.toContain(NATURE);
    const defaultDe = stored.find(
      (n) => n.audience === 'individuals' && n.locale === 'de' && n.channel === 'email' && n.variant === 'default',
    )!;
    expect(de.subject).toBe(defaultDe.subject);

    // The SMS of a phone-only Massachusetts resident does not point to the public notice; a Californian's does.
    const sms = (to: string) => {
      const got = twilio.received.filter((m) => m.to === to);
      expect(got, to).toHaveLength(1);
      return got[0]!.body;
    };
    expect(sms('+16175550123')).not.toContain('/public/notices/');
    expect(sms('+14155550123')).toContain(`/public/notices/${INCIDENT}`);
  });
});
