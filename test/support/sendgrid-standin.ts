// A loopback stand-in for SendGrid's POST /v3/mail/send that the unchanged
// @sendgrid/mail SDK accepts. Used by tests and by the fan-out benchmark, so it keeps
// records compact and logs nothing per request.

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body';

export interface ReceivedEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  customArgs: Record<string, string>;
  /** X-Message-Id of the request that carried this personalization. */
  messageId: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface SendGridStandInMode {
  /** The next `times` requests get 429 with Retry-After and X-RateLimit-* headers. */
  throttle?: { retryAfterSeconds: number; times: number } | null;
  /** Until this epoch-ms instant every request gets 503. */
  outageUntil?: number | null;
  /** Sleep this long before answering (after recording), to provoke client timeouts. */
  delayMs?: number;
  /** With delayMs: only the next this many answers are delayed (a test of "only the first is slow" need not race a timer). */
  delayTimes?: number;
  /** Addresses answered with 400 "The email address is invalid" (whole request rejected, as the API does). */
  reject?: string[];
  /** SendGrid documents no order for substitutions: apply them as given or in reverse. */
  substitutionOrder?: 'given' | 'reversed';
  /** The next request is accepted (recorded, delivered) but answered with this status, as a gateway in front may. */
  acceptThenStatus?: number | null;
}

export interface SendGridStandIn {
  url: string;
  received: ReceivedEmail[];
  /** Requests accepted (202). */
  accepted: number;
  /** Every mail/send request that passed authentication: epoch-ms time and answer status. */
  log: StandInLogEntry[];
  countFor(email: string): number;
  setMode(mode: SendGridStandInMode): void;
  close(): Promise<void>;
}

export interface StandInLogEntry {
  at: number;
  status: number;
  /**
   * The first personalization's custom_args.outboxId: a retried request carries the same rows, so
   * this tells which requests are one sender trying again (Retry-After is owed per sender).
   */
  key?: string;
  /** The Retry-After a 429 asked for. */
  retryAfterMs?: number;
}

export interface SendGridStandInOptions {
  /** When set, only `Bearer <apiKey>` is accepted; otherwise any bearer token. */
  apiKey?: string;
  /** false keeps subject/html/text out of the records (they read as ''), for million-recipient runs. */
  keepContent?: boolean;
}

const MAX_BODY_BYTES = 30 * 1024 * 1024;
const MAX_PERSONALIZATIONS = 1000;
const MAX_RECIPIENTS = 1000;
const MAX_CUSTOM_ARGS_BYTES = 10_000;
const MAX_CATEGORIES = 10;
const MAX_SEND_AHEAD_S = 72 * 3600;
const RATE_LIMIT = 600;

interface ApiError {
  message: string;
  field: string | null;
  help: string | null;
}

class Rejection {
  constructor(
    readonly status: number,
    readonly errors: ApiError[],
  ) {}
}

export async function startSendGridStandIn(opts: SendGridStandInOptions = {}): Promise<SendGridStandIn> {
  const received: ReceivedEmail[] = [];
  const state = { accepted: 0, log: [] as StandInLogEntry[] };
  const counts = new Map<string, number>();
  const keepContent = opts.keepContent !== false;
  let throttle: { retryAfterSeconds: number; times: number } | null = null;
  let outageUntil: number | null = null;
  let delayMs = 0;
  let delaysLeft: number | null = null;
  let acceptThenStatus: number | null = null;
  let substitutionOrder: 'given' | 'reversed' = 'given';
  let reject = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();

  const answer = (res: http.ServerResponse, status: number, headers: Record<string, string>, body?: unknown) => {
    const send = () => {
      if (res.destroyed || res.writableEnded) return;
      const payload = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        ...headers,
        ...(payload ? { 'Content-Type': 'application/json' } : {}),
        'Content-Length': Buffer.byteLength(payload),
      });
      res.end(payload);
    };
    if (delayMs <= 0 || delaysLeft === 0) return send();
    if (delaysLeft !== null) delaysLeft -= 1;
    const t = setTimeout(() => {
      timers.delete(t);
      send();
    }, delayMs);
    timers.add(t);
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer | null) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/v3/mail/send') return answer(res, 404, {}, { errors: [apiError('not found', null)] });
    if (req.method !== 'POST') return answer(res, 405, {}, { errors: [apiError('method not allowed', null)] });

    const auth = req.headers.authorization ?? '';
    const authorised = opts.apiKey ? auth === `Bearer ${opts.apiKey}` : /^Bearer \S+$/.test(auth);
    if (!authorised) return answer(res, 401, {}, { errors: [apiError('authorization required', null)] });

    const now = Date.now();
    if (outageUntil !== null && now < outageUntil) {
      state.log.push({ at: now, status: 503, ...keyOf(raw) });
      return answer(res, 503, {}, { errors: [apiError('service unavailable', null)] });
    }
    if (throttle && throttle.times > 0) {
      throttle.times -= 1;
      const retry = throttle.retryAfterSeconds;
      if (throttle.times === 0) throttle = null;
      state.log.push({ at: now, status: 429, retryAfterMs: retry * 1000, ...keyOf(raw) });
      return answer(
        res,
        429,
        {
          'Retry-After': String(retry),
          'X-RateLimit-Limit': String(RATE_LIMIT),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.ceil(now / 1000) + retry),
        },
        { errors: [apiError('too many requests', null)] },
      );
    }
    if (raw === null) return answer(res, 413, {}, { errors: [apiError('content too large', null)] });

    let mail: unknown;
    try {
      mail = JSON.parse(raw.toString('utf8'));
    } catch {
      return answer(res, 400, {}, { errors: [apiError('Bad Request', null)] });
    }
    try {
      const accepted = validate(mail, now, reject);
      if (accepted.sandbox) return answer(res, 200, {});
      const messageId = randomBytes(16).toString('base64url').slice(0, 22);
      state.accepted += 1;
      const key = accepted.people[0]?.customArgs.outboxId;
      state.log.push({ at: now, status: 202, ...(key ? { key } : {}) });
      for (const p of accepted.people) {
        // Substitutions are plain replacements in subject and content, as SendGrid applies them.
        const apply = (v: string) => {
          let out = v;
          const pairs = Object.entries(p.substitutions);
          if (substitutionOrder === 'reversed') pairs.reverse();
          for (const [k, val] of pairs) out = out.split(k).join(val);
          return out;
        };
        received.push({
          to: p.to,
          subject: keepContent ? apply(p.subject) : '',
          html: keepContent ? apply(accepted.html) : '',
          text: keepContent ? apply(accepted.text) : '',
          customArgs: p.customArgs,
          messageId,
          at: now,
        });
        const key = p.to.toLowerCase();
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      if (acceptThenStatus !== null) {
        const status = acceptThenStatus;
        acceptThenStatus = null;
        return answer(res, status, {}, { errors: [apiError('bad gateway', null)] });
      }
      return answer(res, 202, { 'X-Message-Id': messageId });
    } catch (err) {
      if (err instanceof Rejection) return answer(res, err.status, {}, { errors: err.errors });
      throw err;
    }
  };

  const server = http.createServer((req, res) => {
    res.on('error', () => {});
    req.on('error', () => {});
    readBody(req, MAX_BODY_BYTES, (body) => {
      try {
        handle(req, res, body);
      } catch {
        if (!res.headersSent) answer(res, 500, {}, { errors: [apiError('internal error', null)] });
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
    get accepted() {
      return state.accepted;
    },
    log: state.log,
    countFor: (email) => counts.get(email.toLowerCase()) ?? 0,
    setMode(mode) {
      if (mode.throttle !== undefined)
        throttle = mode.throttle && mode.throttle.times > 0 ? { ...mode.throttle } : null;
      if (mode.outageUntil !== undefined) outageUntil = mode.outageUntil;
      if (mode.delayMs !== undefined) {
        delayMs = Math.max(0, mode.delayMs);
        delaysLeft = mode.delayTimes ?? null;
      }
      if (mode.reject !== undefined) reject = new Set(mode.reject.map((a) => a.toLowerCase()));
      if (mode.acceptThenStatus !== undefined) acceptThenStatus = mode.acceptThenStatus;
      if (mode.substitutionOrder !== undefined) substitutionOrder = mode.substitutionOrder;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface Accepted {
  sandbox: boolean;
  html: string;
  text: string;
  people: Array<{
    to: string;
    subject: string;
    customArgs: Record<string, string>;
    substitutions: Record<string, string>;
  }>;
}

function validate(mail: unknown, now: number, reject: Set<string>): Accepted {
  const m = record(mail);
  if (!m) throw bad('Bad Request', null);
  const from = record(m.from);
  if (!from || typeof from.email !== 'string' || !from.email) {
    throw bad(
      'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.',
      'from',
    );
  }
  const personalizations = m.personalizations;
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    throw bad('The personalizations field is required and must have at least one personalization.', 'personalizations');
  }
  if (personalizations.length > MAX_PERSONALIZATIONS) {
    throw bad(`The personalizations field cannot have more than ${MAX_PERSONALIZATIONS} items.`, 'personalizations');
  }

  const templated = typeof m.template_id === 'string' && m.template_id !== '';
  let html = '';
  let text = '';
  if (!templated) {
    const content = m.content;
    if (!Array.isArray(content) || content.length === 0) {
      throw bad(
        'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.',
        'content',
      );
    }
    for (const [i, c] of content.entries()) {
      const block = record(c);
      if (!block || typeof block.type !== 'string' || typeof block.value !== 'string' || block.value === '') {
        throw bad('The content value must be a string at least one character in length.', `content.${i}.value`);
      }
      if (block.type === 'text/plain') text = block.value;
      else if (block.type === 'text/html') html = block.value;
    }
  }

  const categories = m.categories;
  if (categories !== undefined) {
    if (!Array.isArray(categories) || categories.length > MAX_CATEGORIES)
      throw bad(`You may not have more than ${MAX_CATEGORIES} categories per request.`, 'categories');
    for (const c of categories) {
      if (typeof c !== 'string' || c.length > 255)
        throw bad('A category cannot be more than 255 characters.', 'categories');
    }
  }

  const messageArgs = customArgs(m.custom_args, 'custom_args');
  checkSendAt(m.send_at, now, 'send_at');

  const seen = new Set<string>();
  let recipients = 0;
  const people: Accepted['people'] = [];
  for (const [i, raw] of personalizations.entries()) {
    const p = record(raw);
    if (!p) throw bad('Each personalization must be an object.', `personalizations.${i}`);
    const to = p.to;
    if (!Array.isArray(to) || to.length === 0) {
      throw bad(
        'The to array is required for all personalization objects, and must have at least one email object with a valid email address.',
        `personalizations.${i}.to`,
      );
    }
    for (const list of ['to', 'cc', 'bcc'] as const) {
      const entries = p[list];
      if (entries === undefined) continue;
      if (!Array.isArray(entries)) throw bad(`The ${list} field must be an array.`, `personalizations.${i}.${list}`);
      for (const [j, e] of entries.entries()) {
        const field = `personalizations.${i}.${list}.${j}.email`;
        const address = record(e)?.email;
        if (typeof address !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address))
          throw bad('Does not contain a valid address.', field);
        const key = address.toLowerCase();
        if (reject.has(key)) throw bad('The email address is invalid.', field);
        // The real API names the duplicate address in its reason.
        if (seen.has(key)) {
          throw bad(
            `Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${address}] in the personalizations.${i}.${list} field.`,
            `personalizations.${i}.${list}`,
          );
        }
        seen.add(key);
        recipients += 1;
      }
    }
    if (recipients > MAX_RECIPIENTS)
      throw bad(`The total number of recipients must be no more than ${MAX_RECIPIENTS}.`, 'personalizations');
    const subject = typeof p.subject === 'string' ? p.subject : typeof m.subject === 'string' ? m.subject : '';
    if (!templated && subject === '') {
      throw bad(
        'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
        'subject',
      );
    }
    checkSendAt(p.send_at, now, `personalizations.${i}.send_at`);
    const args = { ...messageArgs, ...customArgs(p.custom_args, `personalizations.${i}.custom_args`) };
    if (Buffer.byteLength(JSON.stringify(args)) >= MAX_CUSTOM_ARGS_BYTES) {
      throw bad(
        `The custom arguments must total less than ${MAX_CUSTOM_ARGS_BYTES} bytes.`,
        `personalizations.${i}.custom_args`,
      );
    }
    const substitutions = customArgs(p.substitutions, `personalizations.${i}.substitutions`);
    for (const e of to)
      people.push({ to: (record(e)?.email as string) ?? '', subject, customArgs: args, substitutions });
  }

  const sandbox = record(record(m.mail_settings)?.sandbox_mode)?.enable === true;
  return { sandbox, html, text, people };
}

/** Parses a refused request only to name its sender (accepted ones are parsed anyway). */
function keyOf(raw: Buffer | null): { key?: string } {
  if (raw === null) return {};
  try {
    const personalizations = record(JSON.parse(raw.toString('utf8')))?.personalizations;
    const first = Array.isArray(personalizations) ? record(personalizations[0]) : undefined;
    const key = record(first?.custom_args)?.outboxId;
    return typeof key === 'string' ? { key } : {};
  } catch {
    return {};
  }
}

function customArgs(v: unknown, field: string): Record<string, string> {
  if (v === undefined) return {};
  const r = record(v);
  if (!r) throw bad('The custom_args parameter must be an object.', field);
  for (const [k, value] of Object.entries(r)) {
    if (typeof value !== 'string') throw bad(`The custom_args value for ${k} must be a string.`, field);
  }
  return r as Record<string, string>;
}

function checkSendAt(v: unknown, now: number, field: string): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw bad('send_at must be an integer Unix timestamp.', field);
  if (v > now / 1000 + MAX_SEND_AHEAD_S) throw bad('send_at cannot be scheduled more than 72 hours in advance.', field);
}

function bad(message: string, field: string | null): Rejection {
  return new Rejection(400, [apiError(message, field)]);
}

function apiError(message: string, field: string | null): ApiError {
  return { message, field, help: null };
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
