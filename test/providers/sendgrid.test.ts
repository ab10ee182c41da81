import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSendGridProvider } from '../../activities/providers/sendgrid';
import { safeErrorSummary } from '../../activities/providers/errors';
import { SendError, type EmailMessage } from '../../activities/providers/types';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';

const API_KEY = 'SG.test-key.Zq9vPq3hN0tAKeyThatMustNeverLeak';
const FROM = 'notices@breachline.example';

let standIn: SendGridStandIn;

beforeAll(async () => {
  standIn = await startSendGridStandIn({ apiKey: API_KEY });
});
afterEach(() => {
  standIn.setMode({ throttle: null, outageUntil: null, delayMs: 0, reject: [] });
});
afterAll(async () => {
  await standIn.close();
});

const provider = (timeoutMs = 2000) =>
  createSendGridProvider({
    apiKey: API_KEY,
    fromEmail: FROM,
    fromName: 'Breachline Notices',
    baseUrl: standIn.url,
    timeoutMs,
  });

const notice = (to: string): EmailMessage => ({
  to,
  subject: 'Notice of a data breach affecting your account',
  html: '<p>We are writing to tell you about a security incident.</p><p>Ünïcödé &amp; “quotes”</p>',
  text: 'We are writing to tell you about a security incident.\nÜnïcödé & “quotes”',
  customArgs: { nid: 'inc42:p123:email:1', outbox: '01JD0000000000000000000000' },
  categories: ['breach-notice'],
});

async function sendExpectingError(p: ReturnType<typeof provider>, m: EmailMessage): Promise<SendError> {
  try {
    await p.sendEmail(m);
  } catch (err) {
    expect(err).toBeInstanceOf(SendError);
    return err as SendError;
  }
  throw new Error('expected the send to fail');
}

function expectNothingPrivate(text: string, m: EmailMessage) {
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(API_KEY.slice(3));
  expect(text).not.toContain(m.to);
  expect(text).not.toContain(m.subject);
  expect(text).not.toContain('security incident');
  expect(text).not.toContain('Authorization');
}

describe('SendGrid provider against the stand-in', () => {
  it('delivers subject, html, text and custom args exactly, and returns the X-Message-Id', async () => {
    const m = notice('alice@example.org');
    const result = await provider().sendEmail(m);
    expect(result.provider).toBe('sendgrid');
    expect(result.providerId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const got = standIn.received.filter((r) => r.to === m.to);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      subject: m.subject,
      html: m.html,
      text: m.text,
      customArgs: m.customArgs,
      messageId: result.providerId,
    });
    expect(standIn.countFor('ALICE@example.org')).toBe(1);
  });

  it('when throttled, fails retryable with the Retry-After delay', async () => {
    standIn.setMode({ throttle: { retryAfterSeconds: 7, times: 1 } });
    const m = notice('bob@example.org');
    const err = await sendExpectingError(provider(), m);
    expect(err.kind).toBe('retryable');
    expect(err.details.status).toBe(429);
    expect(err.details.retryAfterMs).toBe(7000);
    expect(standIn.countFor(m.to)).toBe(0);
    // The throttle was for one request only.
    await provider().sendEmail(m);
    expect(standIn.countFor(m.to)).toBe(1);
  });

  it.each([502, 504])('a %i after SendGrid took the request is uncertain, never a silent retry', async (status) => {
    standIn.setMode({ acceptThenStatus: status });
    const to = `gateway${status}@example.org`;
    const err = await sendExpectingError(provider(), notice(to));
    expect(err).toMatchObject({ kind: 'uncertain', details: { status } });
    expect(standIn.countFor(to)).toBe(1);
  });

  it('during an outage, fails retryable', async () => {
    standIn.setMode({ outageUntil: Date.now() + 60_000 });
    const err = await sendExpectingError(provider(), notice('carol@example.org'));
    expect(err.kind).toBe('retryable');
    expect(err.details.status).toBe(503);
  });

  it('an invalid address fails permanently with the provider reason and without the address', async () => {
    const m = notice('not-deliverable@example.org');
    standIn.setMode({ reject: [m.to] });
    const err = await sendExpectingError(provider(), m);
    expect(err.kind).toBe('permanent');
    expect(err.details.status).toBe(400);
    expect(err.message).toContain('The email address is invalid');
    expectNothingPrivate(err.message, m);
  });

  it('a wrong API key fails permanently', async () => {
    const p = createSendGridProvider({
      apiKey: 'SG.wrong-key-000000',
      fromEmail: FROM,
      baseUrl: standIn.url,
      timeoutMs: 2000,
    });
    const err = await sendExpectingError(p, notice('dave@example.org'));
    expect(err.kind).toBe('permanent');
    expect(err.details.status).toBe(401);
    expect(err.message).not.toContain('wrong-key');
  });

  it('a reply slower than the client timeout is uncertain, and the stand-in did accept it', async () => {
    standIn.setMode({ delayMs: 1500 });
    const m = notice('erin@example.org');
    const err = await sendExpectingError(provider(300), m);
    expect(err.kind).toBe('uncertain');
    expect(standIn.countFor(m.to)).toBe(1);
    expectNothingPrivate(err.message, m);
    expectNothingPrivate(JSON.stringify(safeErrorSummary(err)), m);
  });

  it('an unreachable endpoint is retryable: nothing was sent', async () => {
    const closed = await startSendGridStandIn({ apiKey: API_KEY });
    const url = closed.url;
    await closed.close();
    const p = createSendGridProvider({ apiKey: API_KEY, fromEmail: FROM, baseUrl: url, timeoutMs: 2000 });
    const err = await sendExpectingError(p, notice('frank@example.org'));
    expect(err.kind).toBe('retryable');
    expect(err.details.code).toBe('ECONNREFUSED');
  });

  it('raw SDK errors carry the key and body, but their summaries do not', async () => {
    // Use the SDK directly to get the raw axios error the provider never lets out.
    standIn.setMode({ delayMs: 1000 });
    const client = new Client();
    client.setApiKey(API_KEY);
    client.setDefaultRequest('baseUrl', standIn.url);
    const mail = new MailService();
    mail.setClient(client);
    mail.setTimeout(200);
    const m = notice('grace@example.org');
    const raw = await mail.send({ to: m.to, from: FROM, subject: m.subject, text: m.text, html: m.html }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const dump = JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(dump).toContain(API_KEY);
    expect(dump).toContain(m.to);
    const summary = safeErrorSummary(raw);
    expect(summary.kind).toBe('uncertain');
    expectNothingPrivate(JSON.stringify(summary), m);
  });

  it('a provider reason that names an address is scrubbed', async () => {
    const client = new Client();
    client.setApiKey(API_KEY);
    client.setDefaultRequest('baseUrl', standIn.url);
    const mail = new MailService();
    mail.setClient(client);
    mail.setTimeout(2000);
    const m = notice('heidi@example.org');
    const raw = await mail
      .send({
        personalizations: [{ to: [{ email: m.to }, { email: m.to }] }],
        from: FROM,
        subject: m.subject,
        text: m.text,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const summary = safeErrorSummary(raw);
    expect(summary).toMatchObject({ kind: 'permanent', status: 400 });
    expect(summary.message).toContain('duplicate instance of [[address]]');
    expectNothingPrivate(JSON.stringify(summary), m);
  });

  it('sends a statutory notice: inline content, categories, no tracking, no unsubscribe group', async () => {
    // A bare server that keeps the JSON body, to see exactly what the SDK put on the wire.
    let body: Record<string, unknown> = {};
    const capture = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        res.writeHead(202, { 'X-Message-Id': 'captured-id' }).end();
      });
    });
    await new Promise<void>((r) => capture.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(capture.address() as AddressInfo).port}`;
      const p = createSendGridProvider({
        apiKey: API_KEY,
        fromEmail: FROM,
        fromName: 'Breachline Notices',
        baseUrl: url,
        timeoutMs: 2000,
      });
      const m = notice('ivan@example.org');
      expect(await p.sendEmail(m)).toEqual({ provider: 'sendgrid', providerId: 'captured-id' });
      expect(body).toMatchObject({
        from: { email: FROM, name: 'Breachline Notices' },
        subject: m.subject,
        content: [
          { type: 'text/plain', value: m.text },
          { type: 'text/html', value: m.html },
        ],
        personalizations: [{ to: [{ email: m.to }], custom_args: m.customArgs }],
        categories: ['breach-notice'],
        tracking_settings: {
          click_tracking: { enable: false, enable_text: false },
          open_tracking: { enable: false },
          subscription_tracking: { enable: false },
        },
      });
      expect(body).not.toHaveProperty('asm');
      expect(body).not.toHaveProperty('template_id');
      expect(body).not.toHaveProperty('mail_settings');
    } finally {
      capture.closeAllConnections();
      await new Promise<void>((r) => capture.close(() => r()));
    }
  });
});
