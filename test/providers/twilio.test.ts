import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { createTwilioProvider, type TwilioConfig } from '../../activities/providers/twilio';
import { safeErrorSummary } from '../../activities/providers/errors';
import { SendError, type SmsMessage } from '../../activities/providers/types';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'tok_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c1e';
const FROM = '+15005550006';

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
});
afterEach(() => {
  standIn.setMode({ throttle: null, outageUntil: null, delayMs: 0, reject: [] });
});
afterAll(async () => {
  await standIn.close();
});

const provider = (over: Partial<TwilioConfig> = {}) =>
  createTwilioProvider({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    fromNumber: FROM,
    baseUrl: standIn.url,
    timeoutMs: 2000,
    ...over,
  });

const sms = (to: string, outboxId?: string): SmsMessage => ({
  to,
  body: 'Breachline: a security incident may affect your data. Details: https://n.example/x',
  ...(outboxId ? { outboxId } : {}),
});

async function sendExpectingError(p: ReturnType<typeof provider>, m: SmsMessage): Promise<SendError> {
  try {
    await p.sendSms(m);
  } catch (err) {
    expect(err).toBeInstanceOf(SendError);
    return err as SendError;
  }
  throw new Error('expected the send to fail');
}

function expectNothingPrivate(text: string, m: SmsMessage) {
  expect(text).not.toContain(AUTH_TOKEN);
  expect(text).not.toContain(m.to);
  expect(text).not.toContain(m.to.replace('+', ''));
  expect(text).not.toContain('security incident');
  expect(text).not.toContain('Authorization');
}

describe('Twilio provider against the stand-in', () => {
  it('sends and returns the message sid', async () => {
    const m = sms('+14155550101', 'row-1');
    const result = await provider().sendSms(m);
    expect(result.provider).toBe('twilio');
    expect(result.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    const got = standIn.received.find((r) => r.sid === result.providerId);
    expect(got).toMatchObject({ to: m.to, from: FROM, body: m.body, statusCallback: null });
    expect(standIn.countFor(m.to)).toBe(1);
  });

  it('asks for status callbacks carrying the outbox id only when a public URL is set', async () => {
    const withUrl = await provider({ publicUrl: 'https://br.example/' }).sendSms(sms('+14155550102', 'row 2/ü'));
    const without = await provider().sendSms(sms('+14155550103', 'row-3'));
    const a = standIn.received.find((r) => r.sid === withUrl.providerId);
    const b = standIn.received.find((r) => r.sid === without.providerId);
    expect(a?.statusCallback).toBe(`https://br.example/webhooks/twilio/status?o=${encodeURIComponent('row 2/ü')}`);
    expect(new URL(a!.statusCallback!).searchParams.get('o')).toBe('row 2/ü');
    expect(b?.statusCallback).toBeNull();
  });

  it('sends through a messaging service when one is configured', async () => {
    const p = provider({ fromNumber: undefined, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' });
    const result = await p.sendSms(sms('+14155550104'));
    expect(standIn.received.find((r) => r.sid === result.providerId)?.from).toBe('MG0123456789abcdef0123456789abcdef');
  });

  it('an invalid number (21211) fails permanently, without echoing the number', async () => {
    const m = sms('+15005550001');
    standIn.setMode({ reject: [m.to] });
    const err = await sendExpectingError(provider(), m);
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 400, code: 21211 } });
    expect(err.message).toContain('21211');
    expect(err.message).toContain('is not a valid phone number');
    expectNothingPrivate(err.message, m);
    expect(standIn.countFor(m.to)).toBe(0);
  });

  it('an unsubscribed recipient (21610) fails permanently', async () => {
    const m = sms('+14155550105');
    standIn.setMode({ reject: [{ to: m.to, code: 21610 }] });
    const err = await sendExpectingError(provider(), m);
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 400, code: 21610 } });
    expect(err.message).toContain('unsubscribed');
  });

  it('when throttled, fails retryable with the Retry-After delay', async () => {
    standIn.setMode({ throttle: { retryAfterSeconds: 3, times: 1 } });
    const err = await sendExpectingError(provider(), sms('+14155550106'));
    expect(err).toMatchObject({ kind: 'retryable', details: { status: 429, code: 20429, retryAfterMs: 3000 } });
  });

  it('during an outage, fails retryable', async () => {
    standIn.setMode({ outageUntil: Date.now() + 60_000 });
    const err = await sendExpectingError(provider(), sms('+14155550107'));
    expect(err).toMatchObject({ kind: 'retryable', details: { status: 503 } });
  });

  it.each([502, 504])('a %i after Twilio took the message is uncertain, never a silent retry', async (status) => {
    standIn.setMode({ acceptThenStatus: status });
    const to = `+1415555030${status % 10}`;
    const err = await sendExpectingError(provider(), sms(to));
    expect(err).toMatchObject({ kind: 'uncertain', details: { status } });
    // It was taken: a plain retry would be a second message.
    expect(standIn.countFor(to)).toBe(1);
  });

  it('wrong credentials fail permanently without the token', async () => {
    const err = await sendExpectingError(provider({ authToken: 'wrong-token-123456' }), sms('+14155550108'));
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 401, code: 20003 } });
    expect(err.message).not.toContain('wrong-token');
  });

  it('a reply slower than the client timeout is uncertain, and the stand-in did accept it', async () => {
    standIn.setMode({ delayMs: 1500 });
    const m = sms('+14155550109', 'row-9');
    const err = await sendExpectingError(provider({ timeoutMs: 300 }), m);
    expect(err.kind).toBe('uncertain');
    expect(standIn.countFor(m.to)).toBe(1);
    expectNothingPrivate(err.message, m);
    expectNothingPrivate(JSON.stringify(safeErrorSummary(err)), m);
  });

  it('an unreachable endpoint is retryable: nothing was sent', async () => {
    const closed = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    const url = closed.url;
    await closed.close();
    const err = await sendExpectingError(provider({ baseUrl: url }), sms('+14155550110'));
    expect(err).toMatchObject({ kind: 'retryable', details: { code: 'ECONNREFUSED' } });
  });

  it('caps concurrent sockets at maxSockets', async () => {
    standIn.setMode({ delayMs: 100 });
    const p = provider({ maxSockets: 3 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 9 }, (_, i) => p.sendSms(sms(`+1415555020${i}`))));
    // 9 requests, 3 at a time, 100 ms each: at least three rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('the list endpoint finds messages by recipient for reconciliation', async () => {
    const m = sms('+14155550111');
    const sent = await provider().sendSms(m);
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
    client.api.baseUrl = standIn.url;
    const found = await client.messages.list({ to: m.to, limit: 20 });
    expect(found.map((x) => x.sid)).toEqual([sent.providerId]);
    expect(found[0]).toMatchObject({ to: m.to, status: 'queued', numSegments: '1', direction: 'outbound-api' });
  });
});
