// Turns whatever the SendGrid and Twilio SDKs throw into a SendError the outbox
// can act on. The raw errors are dangerous to keep or log: axios errors carry the
// request body (recipients, notice text) in config.data and the API key in
// config.headers.Authorization. Every message here is built fresh from the status,
// the provider's error code and the provider's own words, scrubbed of addresses.

import { SendError, type SendFailureKind } from './types';

export type ProviderLabel = 'SendGrid' | 'Twilio' | 'provider';

export interface SafeErrorSummary {
  kind: SendFailureKind;
  status?: number;
  code?: string | number;
  message: string;
}

/** Values that must never appear in a message, whatever the provider echoed. */
export interface RedactionHints {
  secrets?: Array<string | undefined>;
  /** Response headers seen for this request, when the SDK error does not keep them (Twilio). */
  headers?: unknown;
}

// The request never reached the provider: safe to send again.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// The body may have left and been accepted: the outcome is unknown.
const UNKNOWN_OUTCOME_CODES = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'ESOCKETTIMEDOUT',
  'ERR_CANCELED',
]);

const MAX_PROVIDER_TEXT = 300;

export function toSendError(err: unknown, provider: ProviderLabel = 'provider', hints: RedactionHints = {}): SendError {
  if (err instanceof SendError) return err;
  const s = classify(err, provider, hints);
  const details: SendError['details'] = {};
  if (s.status !== undefined) details.status = s.status;
  if (s.code !== undefined) details.code = s.code;
  if (s.retryAfterMs !== undefined) details.retryAfterMs = s.retryAfterMs;
  return new SendError(s.kind, s.message, details);
}

/** A summary safe to log: no body, headers, key or recipient. */
export function safeErrorSummary(err: unknown, hints: RedactionHints = {}): SafeErrorSummary {
  if (err instanceof SendError) {
    const out: SafeErrorSummary = { kind: err.kind, message: redact(err.message, hints.secrets) };
    if (err.details.status !== undefined) out.status = err.details.status;
    if (err.details.code !== undefined) out.code = err.details.code;
    return out;
  }
  const s = classify(err, guessProvider(err), hints);
  const out: SafeErrorSummary = { kind: s.kind, message: s.message };
  if (s.status !== undefined) out.status = s.status;
  if (s.code !== undefined) out.code = s.code;
  return out;
}

interface Classified {
  kind: SendFailureKind;
  message: string;
  status?: number;
  code?: string | number;
  retryAfterMs?: number;
}

function classify(err: unknown, provider: ProviderLabel, hints: RedactionHints): Classified {
  const e = asRecord(err);
  if (!e) return { kind: 'uncertain', message: `${provider}: unrecognised failure` };

  if (isSendGridResponseError(e)) return classifySendGridResponse(e, hints);
  if (isTwilioRestError(e)) return classifyTwilioResponse(e, hints);
  if (e.isAxiosError === true || typeof e.code === 'string' || /socket hang up/i.test(str(e.message))) {
    const response = asRecord(e.response);
    if (response && typeof response.status === 'number') {
      return classifyStatus(provider, response.status, undefined, [], response.headers ?? hints.headers);
    }
    return classifyNetwork(provider, e);
  }
  // Anything else was thrown by our code or the SDK's own checks. Whether a request
  // left is unknown from here, so the outbox takes its careful path rather than
  // re-sending blindly or dropping the notice.
  const name = typeof e.name === 'string' && /^[A-Za-z]{1,40}$/.test(e.name) ? e.name : 'Error';
  return {
    kind: 'uncertain',
    message: `${provider}: ${name}: ${providerText([str(e.message)], hints.secrets) || 'no message'}`,
  };
}

function classifySendGridResponse(e: Record<string, unknown>, hints: RedactionHints): Classified {
  const status = e.code as number;
  const response = asRecord(e.response) ?? {};
  const body = asRecord(response.body);
  const texts: string[] = [];
  if (body && Array.isArray(body.errors)) {
    for (const item of body.errors) {
      const r = asRecord(item);
      if (!r) continue;
      const message = str(r.message);
      const field = typeof r.field === 'string' && r.field ? ` (${r.field})` : '';
      if (message) texts.push(message + field);
    }
  }
  return classifyStatus('SendGrid', status, undefined, texts, response.headers, hints.secrets);
}

function classifyTwilioResponse(e: Record<string, unknown>, hints: RedactionHints): Classified {
  const status = e.status as number;
  const code = typeof e.code === 'number' || typeof e.code === 'string' ? e.code : undefined;
  // RFC 9457 bodies (TwilioServiceException) carry title/detail; legacy ones message.
  const texts = [str(e.detail) || str(e.title) || str(e.message)].filter(Boolean);
  if (/^\[HTTP \d+\] Failed to execute request$/.test(texts[0] ?? '')) texts.length = 0;
  return classifyStatus('Twilio', status, code, texts, hints.headers, hints.secrets);
}

function classifyStatus(
  provider: ProviderLabel,
  status: number,
  code: string | number | undefined,
  texts: string[],
  headers: unknown,
  secrets?: Array<string | undefined>,
): Classified {
  const said = providerText(texts, secrets);
  const head = `${provider} ${status}${code !== undefined ? ` ${code}` : ''}`;
  const out = (kind: SendFailureKind, fallback: string, retryAfterMs?: number): Classified => {
    const c: Classified = { kind, status, message: `${head}: ${said || fallback}` };
    if (code !== undefined) c.code = code;
    if (retryAfterMs !== undefined) c.retryAfterMs = retryAfterMs;
    return c;
  };

  if (status === 429 || code === 20429) return out('retryable', 'too many requests', retryAfterFrom(headers));
  // A gateway's 502 or 504 says nothing of the provider behind it, which may have taken the
  // message: re-sending blindly would tell a person twice with no duplicate flag.
  if (status === 502 || status === 504) return out('uncertain', 'gateway error; the message may have been taken');
  // 500 and 503 come from the provider itself (Twilio documents both as not processed): retried.
  if (status >= 500) return out('retryable', 'provider unavailable', retryAfterFrom(headers));
  if (status === 408) return out('retryable', 'request timeout before processing');
  if (status === 401 || status === 403) return out('permanent', 'not authorised: check the credentials');
  if (status === 413) return out('permanent', 'message too large');
  if (status >= 400) return out('permanent', 'rejected');
  return out('uncertain', 'unexpected response');
}

function classifyNetwork(provider: ProviderLabel, e: Record<string, unknown>): Classified {
  const cause = asRecord(e.cause);
  const code = [e.code, cause?.code].find((c): c is string => typeof c === 'string' && /^[A-Z_0-9]{2,40}$/.test(c));
  const message = str(e.message);
  if (code && NOT_SENT_CODES.has(code)) {
    return {
      kind: 'retryable',
      code,
      message: `${provider}: could not reach the provider (${code}); nothing was sent`,
    };
  }
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message);
  if (timedOut) {
    return {
      kind: 'uncertain',
      code: code ?? 'ETIMEDOUT',
      message: `${provider}: request timed out (${code ?? 'timeout'}); it may have been accepted`,
    };
  }
  if ((code && UNKNOWN_OUTCOME_CODES.has(code)) || /socket hang up/i.test(message)) {
    return {
      kind: 'uncertain',
      code: code ?? 'ECONNRESET',
      message: `${provider}: connection lost (${code ?? 'socket hang up'}); it may have been accepted`,
    };
  }
  const c: Classified = {
    kind: 'uncertain',
    message: `${provider}: network failure (${code ?? 'unknown'}); it may have been accepted`,
  };
  if (code) c.code = code;
  return c;
}

/** Milliseconds to wait from Retry-After (seconds or HTTP date), else X-RateLimit-Reset (Unix seconds). */
export function retryAfterFrom(headers: unknown, now: number = Date.now()): number | undefined {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const trimmed = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = header(headers, 'x-ratelimit-reset');
  if (reset !== undefined && /^\d+(\.\d+)?$/.test(reset.trim())) {
    return Math.max(0, Math.round(Number(reset.trim()) * 1000 - now));
  }
  return undefined;
}

function header(headers: unknown, name: string): string | undefined {
  const h = asRecord(headers);
  if (!h) return undefined;
  const getter = h.get;
  if (typeof getter === 'function') {
    const v: unknown = getter.call(h, name);
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  for (const [k, v] of Object.entries(h)) {
    if (k.toLowerCase() !== name) continue;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (Array.isArray(v) && v.length > 0) return String(v[0]);
  }
  return undefined;
}

// Providers echo recipients in their reasons (SendGrid's duplicate-address error,
// Twilio's 21211 "The 'To' number +1555… is not a valid phone number").
const EMAIL_RE = /[^\s<>()"',;:[\]]+@[^\s<>()"',;:[\]]+\.[A-Za-z]{2,}/g;
const PHONE_RE = /\+?\d[\d\s().-]{6,}\d/g;

function providerText(texts: string[], secrets?: Array<string | undefined>): string {
  const joined = texts
    .map((t) => t.trim())
    .filter(Boolean)
    .join('; ');
  const cleaned = redact(joined, secrets);
  return cleaned.length > MAX_PROVIDER_TEXT ? `${cleaned.slice(0, MAX_PROVIDER_TEXT)}…` : cleaned;
}

function redact(text: string, secrets?: Array<string | undefined>): string {
  let out = text;
  for (const s of secrets ?? []) {
    if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  }
  return out.replace(EMAIL_RE, '[address]').replace(PHONE_RE, '[number]');
}

function isSendGridResponseError(e: Record<string, unknown>): boolean {
  const response = asRecord(e.response);
  return (
    typeof e.code === 'number' &&
    e.code >= 100 &&
    e.code < 600 &&
    !!response &&
    'body' in response &&
    'headers' in response
  );
}

function isTwilioRestError(e: Record<string, unknown>): boolean {
  return (
    typeof e.status === 'number' && e.status >= 100 && e.status < 600 && e.isAxiosError !== true && !('config' in e)
  );
}

function guessProvider(err: unknown): ProviderLabel {
  const e = asRecord(err);
  if (!e) return 'provider';
  if (isSendGridResponseError(e)) return 'SendGrid';
  if (isTwilioRestError(e)) return 'Twilio';
  const config = asRecord(e.config);
  const url = `${str(config?.baseURL)}${str(config?.url)}`;
  if (/sendgrid|\/v3\/mail\/send/.test(url)) return 'SendGrid';
  if (/twilio|\/2010-04-01\//.test(url)) return 'Twilio';
  return 'provider';
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
