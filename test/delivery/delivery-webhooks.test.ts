// Delivery reports through the real routes: SendGrid's Signed Event Webhook
// (ECDSA over timestamp + raw bytes) and Twilio status callbacks (X-Twilio-Signature
// over the public URL), applied once each and never moving a row backwards.
import { generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { Db } from '../../store/connection';
import { createLogger } from '../../lib/logger';
import {
  deliveryWebhookRouter,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
} from '../../server/routes/delivery-webhooks';
import { errorHandler } from '../../server/errors';
import { createTemporalGateway } from '../../server/temporal-gateway';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const PUBLIC_KEY = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const TOKEN = 'twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://breach.example.com';
const INCIDENT = '01JWEBHOOKS000000000000001';

let db: Db;
let dir: string;
let base: string;
let server: Server;
let connection: Connection;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('webhooks'));
  await seedIncident(db, INCIDENT, [{ name: 'A', email: 'a@example.org', phone: '+4915100000001', locale: 'en' }]);
  const app = express();
  const config = { publicUrl: PUBLIC_URL, sendgridWebhookPublicKey: PUBLIC_KEY, twilio: { authToken: TOKEN } } as never;
  // Bounces here wake late-bounce workflows on a queue no worker polls: this file checks the rows only (late-bounce.test.ts runs them).
  connection = await Connection.connect({ address: testTemporalAddress() });
  const gateway = createTemporalGateway(new Client({ connection }), {
    taskQueue: uniqueTaskQueue('webhooks'),
    updateTimeoutMs: 5000,
  });
  app.use('/webhooks', deliveryWebhookRouter({ db, gateway, logger: createLogger('test', 'silent') }, config));
  app.use(errorHandler(createLogger('test', 'silent')));
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await connection?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let rowSeq = 0;
async function row(status: string, channel: 'email' | 'sms' = 'email'): Promise<string> {
  const id = `row${String(++rowSeq).padStart(29, '0')}`;
  await db.run(
    "INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at) VALUES (?,?, 'subject', ?, ?, 'en', ?, 't', ?, ?)",
    [id, INCIDENT, `r${rowSeq}`, channel, NOTICE_VERSION, status, new Date().toISOString()],
  );
  return id;
}
const statusOf = async (id: string) =>
  (await db.get<{ status: string; error: string | null }>('SELECT status, error FROM outbox WHERE id = ?', [id]))!;

async function postEvents(events: object[], opts: { tamper?: boolean; timestamp?: number } = {}) {
  // SendGrid separates events with CRLF: the signature covers exactly these bytes.
  const body = `[${events.map((e) => JSON.stringify(e)).join(',\r\n')}]`;
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const sig = sign('sha256', Buffer.from(ts + body), privateKey).toString('base64');
  return fetch(`${base}/webhooks/sendgrid/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SENDGRID_SIGNATURE_HEADER]: sig, [SENDGRID_TIMESTAMP_HEADER]: ts },
    body: opts.tamper ? body.replace('delivered', 'bounce') : body,
  });
}

const ev = (outboxId: string, event: string, id: string, extra: object = {}) => ({
  email: 'a@example.org',
  timestamp: Math.floor(Date.now() / 1000),
  event,
  sg_event_id: id,
  sg_message_id: 'abc.filter0001',
  outboxId,
  ...extra,
});

describe('SendGrid signed event webhook', () => {
  it('applies a batch once, out of order and repeated, never moving a row backwards', async () => {
    const a = await row('sent');
    const b = await row('uncertain');
    const res = await postEvents([
      ev(a, 'delivered', 'e1'),
      ev(a, 'processed', 'e0'),
      ev(b, 'processed', 'e2'),
      ev(a, 'delivered', 'e1'),
    ]);
    expect(res.status).toBe(200);
    expect(await statusOf(a)).toMatchObject({ status: 'delivered' });
    // An uncertain row the provider reports as processed was accepted: it is sent, not re-sent.
    expect(await statusOf(b)).toMatchObject({ status: 'sent' });
    const again = await postEvents([ev(a, 'processed', 'e0'), ev(b, 'processed', 'e2')]);
    expect(await again.json()).toMatchObject({ applied: 0 });
    expect(await statusOf(a)).toMatchObject({ status: 'delivered' });
  });

  it('marks a bounce with the provider reason and no address', async () => {
    const a = await row('sent');
    await postEvents([ev(a, 'bounce', 'e3', { type: 'bounce', reason: '550 5.1.1 a@example.org: user unknown' })]);
    const s = await statusOf(a);
    expect(s.status).toBe('bounced');
    expect(s.error).toContain('user unknown');
    expect(s.error).not.toContain('a@example.org');
  });

  it('refuses a tampered body, a bad or missing signature and an old timestamp, changing nothing', async () => {
    const a = await row('sent');
    expect((await postEvents([ev(a, 'delivered', 'e4')], { tamper: true })).status).toBe(401);
    expect(
      (await postEvents([ev(a, 'delivered', 'e5')], { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status,
    ).toBe(401);
    const unsigned = await fetch(`${base}/webhooks/sendgrid/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([ev(a, 'delivered', 'e6')]),
    });
    expect(unsigned.status).toBe(401);
    expect(await statusOf(a)).toMatchObject({ status: 'sent' });
  });
});

describe('Twilio status callbacks', () => {
  const post = (outboxId: string, params: Record<string, string>, signature?: string) => {
    const path = `/webhooks/twilio/status?o=${outboxId}`;
    const sig = signature ?? twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}${path}`, params);
    return fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sig },
      body: new URLSearchParams(params).toString(),
    });
  };

  it('moves a row forward only, verified against the public URL', async () => {
    const a = await row('sent', 'sms');
    expect((await post(a, { MessageSid: 'SM1', MessageStatus: 'delivered' })).status).toBe(200);
    expect((await post(a, { MessageSid: 'SM1', MessageStatus: 'sent' })).status).toBe(200);
    expect(await statusOf(a)).toMatchObject({ status: 'delivered' });
    const b = await row('sent', 'sms');
    await post(b, { MessageSid: 'SM2', MessageStatus: 'undelivered', ErrorCode: '30005' });
    expect(await statusOf(b)).toMatchObject({ status: 'bounced', error: 'Twilio undelivered 30005' });
  });

  it('refuses a signature made for another row or token', async () => {
    const a = await row('sent', 'sms');
    const forOther = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/webhooks/twilio/status?o=other`, {
      MessageSid: 'SM3',
      MessageStatus: 'delivered',
    });
    expect((await post(a, { MessageSid: 'SM3', MessageStatus: 'delivered' }, forOther)).status).toBe(401);
    const wrongToken = twilio.getExpectedTwilioSignature(
      'another-token-0123456789',
      `${PUBLIC_URL}/webhooks/twilio/status?o=${a}`,
      { MessageSid: 'SM3', MessageStatus: 'delivered' },
    );
    expect((await post(a, { MessageSid: 'SM3', MessageStatus: 'delivered' }, wrongToken)).status).toBe(401);
    expect(await statusOf(a)).toMatchObject({ status: 'sent' });
  });
});
