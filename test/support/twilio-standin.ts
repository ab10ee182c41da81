// A loopback stand-in for Twilio's Messages API that the unchanged twilio SDK
// accepts (through a RequestClient that rewrites the host). Used by tests and by
// the fan-out benchmark, so it keeps records compact and logs nothing per request.
// It also takes calls (Calls.json) and, on a test's say-so, reports a call's outcome
// to the call's status callback, signed with the auth token as Twilio signs it.

import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { countSmsSegments } from '../../activities/providers/sms-segments';
import { readBody } from './read-body';

export interface ReceivedSms {
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  sid: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface ReceivedCall {
  to: string;
  from: string;
  twiml: string;
  statusCallback: string | null;
  statusCallbackEvent: string[];
  machineDetection: string | null;
  sid: string;
  /** Epoch milliseconds. */
  at: number;
}

export type TwilioRejectCode = 21211 | 21610 | 21614;

export interface TwilioStandInMode {
  /** The next `times` requests get 429 code 20429 with Retry-After. */
  throttle?: { retryAfterSeconds: number; times: number } | null;
  /** Until this epoch-ms instant every request gets 503. */
  outageUntil?: number | null;
  /** Sleep this long before answering (after recording), to provoke client timeouts. */
  delayMs?: number;
  /** The next message is accepted (recorded, listed) but answered with this status, as a gateway in front may. */
  acceptThenStatus?: number | null;
  /** Numbers refused with 400: a bare number gets 21211 (invalid number). */
  reject?: Array<string | { to: string; code: TwilioRejectCode }>;
}

export interface TwilioStandIn {
  url: string;
  received: ReceivedSms[];
  calls: ReceivedCall[];
  countFor(phone: string): number;
  callsTo(phone: string): ReceivedCall[];
  /**
   * Reports a call's final status to its status callback as Twilio would (form-encoded, signed);
   * resolves to the callback's HTTP status.
   */
  reportCall(sid: string, callStatus: string, answeredBy?: string): Promise<number>;
  setMode(mode: TwilioStandInMode): void;
  close(): Promise<void>;
}

export interface TwilioStandInOptions {
  accountSid: string;
  authToken: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_BODY_CHARS = 1600;
const API_VERSION = '2010-04-01';

interface TwilioError {
  status: number;
  code: number;
  message: string;
}

export async function startTwilioStandIn(opts: TwilioStandInOptions): Promise<TwilioStandIn> {
  const received: ReceivedSms[] = [];
  const byTo = new Map<string, ReceivedSms[]>();
  const expectedAuth = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64')}`;
  const messagesPath = `/${API_VERSION}/Accounts/${opts.accountSid}/Messages.json`;
  const callsPath = `/${API_VERSION}/Accounts/${opts.accountSid}/Calls.json`;
  const calls: ReceivedCall[] = [];
  let throttle: { retryAfterSeconds: number; times: number } | null = null;
  let outageUntil: number | null = null;
  let acceptThenStatus: number | null = null;
  let delayMs = 0;
  let reject = new Map<string, TwilioRejectCode>();
  const timers = new Set<NodeJS.Timeout>();

  const answer = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
    immediate = false,
  ) => {
    const send = () => {
      if (res.destroyed || res.writableEnded) return;
      const payload = JSON.stringify(body);
      res.writeHead(status, {
        ...headers,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(payload),
      });
      res.end(payload);
    };
    if (delayMs <= 0 || immediate) return send();
    const t = setTimeout(() => {
      timers.delete(t);
      send();
    }, delayMs);
    timers.add(t);
  };
  const fail = (res: http.ServerResponse, e: TwilioError, headers?: Record<string, string>) =>
    answer(
      res,
      e.status,
      { code: e.code, message: e.message, more_info: `https://www.twilio.com/docs/errors/${e.code}`, status: e.status },
      headers,
    );

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: string | null) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(url.pathname);
    if (!match)
      return fail(res, { status: 404, code: 20404, message: `The requested resource ${url.pathname} was not found` });
    if (req.headers.authorization !== expectedAuth)
      return fail(res, { status: 401, code: 20003, message: 'Authenticate' });
    if (url.pathname !== messagesPath && url.pathname !== callsPath)
      return fail(res, { status: 404, code: 20404, message: `The requested resource ${url.pathname} was not found` });

    const now = Date.now();
    if (outageUntil !== null && now < outageUntil)
      return fail(res, { status: 503, code: 20500, message: 'Service unavailable' });
    if (throttle && throttle.times > 0) {
      throttle.times -= 1;
      const retry = throttle.retryAfterSeconds;
      if (throttle.times === 0) throttle = null;
      return fail(res, { status: 429, code: 20429, message: 'Too Many Requests' }, { 'Retry-After': String(retry) });
    }

    // Slow mode models creates that time out; the list stays quick, as it is what resolves them.
    if (req.method === 'GET') return answer(res, 200, list(url.searchParams), {}, true);
    if (req.method !== 'POST') return fail(res, { status: 405, code: 20004, message: 'Method not allowed' });
    if (raw === null) return fail(res, { status: 413, code: 21617, message: 'Request entity too large' });
    if (url.pathname === callsPath) return createCall(res, new URLSearchParams(raw), now);

    const form = new URLSearchParams(raw);
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const service = form.get('MessagingServiceSid') ?? '';
    const body = form.get('Body') ?? '';
    if (!to) return fail(res, { status: 400, code: 21604, message: "A 'To' phone number is required." });
    if (!from && !service)
      return fail(res, { status: 400, code: 21603, message: "A 'From' phone number is required." });
    if (!body && !form.get('MediaUrl') && !form.get('ContentSid'))
      return fail(res, { status: 400, code: 21602, message: 'Message body is required.' });
    if (body.length > MAX_BODY_CHARS)
      return fail(res, {
        status: 400,
        code: 21617,
        message: 'The concatenated message body exceeds the 1600 character limit.',
      });
    const refused = reject.get(to);
    if (refused === 21211)
      return fail(res, { status: 400, code: 21211, message: `The 'To' number ${to} is not a valid phone number.` });
    if (refused === 21610)
      return fail(res, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    if (refused === 21614)
      return fail(res, { status: 400, code: 21614, message: `'To' number ${to} is not a valid mobile number` });

    const sms: ReceivedSms = {
      to,
      from: from || service,
      body,
      statusCallback: form.get('StatusCallback'),
      sid: `SM${randomBytes(16).toString('hex')}`,
      at: now,
    };
    received.push(sms);
    const mine = byTo.get(to);
    if (mine) mine.push(sms);
    else byTo.set(to, [sms]);
    if (acceptThenStatus !== null) {
      const status = acceptThenStatus;
      acceptThenStatus = null;
      return answer(res, status, { code: 20500, message: 'Bad gateway', status });
    }
    return answer(res, 201, toResource(sms, service || null));
  };

  const createCall = (res: http.ServerResponse, form: URLSearchParams, now: number) => {
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const twiml = form.get('Twiml') ?? '';
    if (!to) return fail(res, { status: 400, code: 21201, message: 'No called number is specified' });
    if (!from) return fail(res, { status: 400, code: 21213, message: 'No caller ID is specified' });
    if (!twiml && !form.get('Url')) return fail(res, { status: 400, code: 21205, message: 'Url or Twiml is required' });
    if (twiml.length > 4000)
      return fail(res, { status: 400, code: 13215, message: 'Twiml exceeds the maximum length of 4000 characters' });
    if (reject.get(to) === 21211)
      return fail(res, { status: 400, code: 21211, message: `The 'To' number ${to} is not a valid phone number.` });
    const call: ReceivedCall = {
      to,
      from,
      twiml,
      statusCallback: form.get('StatusCallback'),
      statusCallbackEvent: form.getAll('StatusCallbackEvent'),
      machineDetection: form.get('MachineDetection'),
      sid: `CA${randomBytes(16).toString('hex')}`,
      at: now,
    };
    calls.push(call);
    if (acceptThenStatus !== null) {
      const status = acceptThenStatus;
      acceptThenStatus = null;
      return answer(res, status, { code: 20500, message: 'Bad gateway', status });
    }
    const date = new Date(now).toUTCString().replace('GMT', '+0000');
    return answer(res, 201, {
      sid: call.sid,
      account_sid: opts.accountSid,
      to,
      from,
      status: 'queued',
      direction: 'outbound-api',
      api_version: API_VERSION,
      date_created: date,
      date_updated: date,
      uri: `/${API_VERSION}/Accounts/${opts.accountSid}/Calls/${call.sid}.json`,
      subresource_uris: {},
    });
  };

  const reportCall = async (sid: string, callStatus: string, answeredBy?: string): Promise<number> => {
    const call = calls.find((c) => c.sid === sid);
    if (!call?.statusCallback) throw new Error(`stand-in: no call ${sid} with a status callback`);
    const params: Record<string, string> = {
      AccountSid: opts.accountSid,
      CallSid: sid,
      CallStatus: callStatus,
      To: call.to,
      From: call.from,
      Direction: 'outbound-api',
      ApiVersion: API_VERSION,
      ...(answeredBy ? { AnsweredBy: answeredBy } : {}),
    };
    const signature = twilio.getExpectedTwilioSignature(opts.authToken, call.statusCallback, params);
    const res = await fetch(call.statusCallback, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    await res.arrayBuffer();
    return res.status;
  };

  // Newest first, as Twilio lists; no paging beyond PageSize.
  const list = (q: URLSearchParams) => {
    const to = q.get('To');
    const pageSize = Math.min(1000, Math.max(1, Number(q.get('PageSize') ?? 50) || 50));
    const pool = to === null ? received : (byTo.get(to) ?? []);
    const messages: ReturnType<typeof toResource>[] = [];
    for (let i = pool.length - 1; i >= 0 && messages.length < pageSize; i -= 1)
      messages.push(toResource(pool[i]!, null));
    return {
      messages,
      uri: `${messagesPath}?PageSize=${pageSize}&Page=0`,
      page: 0,
      page_size: pageSize,
      start: 0,
      end: Math.max(0, messages.length - 1),
      first_page_uri: `${messagesPath}?PageSize=${pageSize}&Page=0`,
      previous_page_uri: null,
      next_page_uri: null,
    };
  };

  const toResource = (sms: ReceivedSms, service: string | null) => {
    const date = new Date(sms.at).toUTCString().replace('GMT', '+0000');
    return {
      sid: sms.sid,
      account_sid: opts.accountSid,
      to: sms.to,
      from: service ? null : sms.from,
      messaging_service_sid: service,
      body: sms.body,
      status: service ? 'accepted' : 'queued',
      num_segments: String(countSmsSegments(sms.body).segments),
      num_media: '0',
      direction: 'outbound-api',
      api_version: API_VERSION,
      date_created: date,
      date_updated: date,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: 'USD',
      uri: `/${API_VERSION}/Accounts/${opts.accountSid}/Messages/${sms.sid}.json`,
      subresource_uris: {},
    };
  };

  const server = http.createServer((req, res) => {
    res.on('error', () => {});
    req.on('error', () => {});
    readBody(req, MAX_BODY_BYTES, (body) => {
      try {
        handle(req, res, body === null ? null : body.toString('utf8'));
      } catch {
        if (!res.headersSent) fail(res, { status: 500, code: 20500, message: 'Internal server error' });
      }
    });
  });
  // Outlive client keep-alive pools so a reused socket is never closed under a request
  // (that would surface as ECONNRESET, an "uncertain" send that never happened).
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    calls,
    countFor: (phone) => byTo.get(phone)?.length ?? 0,
    callsTo: (phone) => calls.filter((c) => c.to === phone),
    reportCall,
    setMode(mode) {
      if (mode.throttle !== undefined)
        throttle = mode.throttle && mode.throttle.times > 0 ? { ...mode.throttle } : null;
      if (mode.outageUntil !== undefined) outageUntil = mode.outageUntil;
      if (mode.acceptThenStatus !== undefined) acceptThenStatus = mode.acceptThenStatus;
      if (mode.delayMs !== undefined) delayMs = Math.max(0, mode.delayMs);
      if (mode.reject !== undefined) {
        reject = new Map(mode.reject.map((r) => (typeof r === 'string' ? [r, 21211] : [r.to, r.code])));
      }
    },
    close: () =>
      new Promise<void>((resolve, rejectClose) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? rejectClose(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
