// People's names reach an email's HTML escaped, whatever they hold (markup, Handlebars
// syntax, our own substitution keys) and in whichever order SendGrid applies the
// substitutions: checked on the HTML the SendGrid stand-in builds from the real request.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createSendGridProvider, createTwilioProvider } from '../../activities/providers';
import { createLogger } from '../../lib/logger';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { NOTICE_VERSION, openFixtureDb, seedIncident, type Person } from '../support/fan-out-fixture';

const SID = `AC${'e'.repeat(32)}`;
const TOKEN = 'twilio-test-token-names';
let db: Db;
let dir: string;
let sendgrid: SendGridStandIn;
let twilio: TwilioStandIn;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('names'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  twilio = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
});
afterAll(async () => {
  await sendgrid?.close();
  await twilio?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  '<b>-recipientName-</b>',
  '-recipientNameHtml-<script>alert(2)</script>',
  '{{{name}}} <svg onload=alert(3)> {{> partial}}',
  '"><iframe src=//evil.example>-recipientName--recipientNameHtml-',
];

describe('a hostile name in a sent email', () => {
  it.each(['given', 'reversed'] as const)('arrives escaped with substitutions applied in %s order', async (order) => {
    sendgrid.setMode({ substitutionOrder: order });
    const incidentId = `01JNAMES${order.toUpperCase().padEnd(18, '0')}`;
    const people: Person[] = HOSTILE_NAMES.map((name, i) => ({
      name,
      email: `hostile${i}.${order}@example.org`,
      phone: null,
      locale: 'en',
    }));
    const ids = await seedIncident(db, incidentId, people);
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
    await activities.sendNoticePage({
      incidentId,
      noticeVersion: NOTICE_VERSION,
      fromId: Math.min(...ids),
      toId: Math.max(...ids),
      channelPolicy: 'email',
    });
    for (const p of people) {
      const got = sendgrid.received.filter((r) => r.to === p.email);
      expect(got, p.name!).toHaveLength(1);
      const html = got[0]!.html;
      expect(html, p.name!).not.toMatch(/<(img|b|script|svg|iframe)\b/);
      expect(html, p.name!).not.toContain('-recipientName');
      expect(html, p.name!).toContain('&lt;');
      // Text and subject carry the name as written, minus the keys: no markup is interpreted there.
      expect(got[0]!.text, p.name!).not.toContain('-recipientName');
    }
  });
});
