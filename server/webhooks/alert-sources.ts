// Alert sources for the monitoring tools teams already run (BREACHLINE_ALERT_SOURCES):
// each names its payload format and how it proves who it is. Alertmanager, Grafana
// and Datadog send a bearer token or basic auth; Sentry signs the body with the
// integration's client secret; our own senders use the timestamped HMAC. Every
// comparison is constant-time, and a failed one looks the same whatever failed.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ALERT_FORMATS, type AlertFormat } from './normalized-alert';
import { parseJsonMapping, type JsonMapping } from './adapters';
import { verifySignature } from './signature';

const SOURCE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const secret = z.string().min(16, 'must be at least 16 characters');

const authSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bearer'), token: secret }),
  z.object({ type: z.literal('basic'), username: z.string().min(1).max(200), password: secret }),
  z.object({ type: z.literal('hmac'), secret }),
  z.object({ type: z.literal('hmac-sentry'), secret }),
]);

const sourceSchema = z.object({
  name: z.string().regex(SOURCE_NAME, 'must be letters, digits, - or _ (at most 64)'),
  format: z.enum(ALERT_FORMATS),
  auth: authSchema,
  /** Alertmanager and Grafana: one incident per notification group (default) or per alert. */
  groupBy: z.enum(['group', 'alert']).optional(),
  /** json-mapping: where each field is in the payload. */
  mapping: z.unknown().optional(),
});

export type AlertSourceAuth = z.infer<typeof authSchema>;

export interface AlertSource {
  name: string;
  format: AlertFormat;
  auth: AlertSourceAuth;
  groupBy?: 'group' | 'alert';
  mapping?: JsonMapping;
}

/** Parses BREACHLINE_ALERT_SOURCES (a JSON array); throws an Error naming the entry and field at fault. */
export function parseAlertSources(raw: string | undefined): Map<string, AlertSource> {
  const out = new Map<string, AlertSource>();
  if (!raw || raw.trim() === '') return out;
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new Error('must be a JSON array of sources');
  }
  if (!Array.isArray(list)) throw new Error('must be a JSON array of sources');
  list.forEach((item, i) => {
    const r = sourceSchema.safeParse(item);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new Error(`[${i}].${issue.path.map(String).join('.')}: ${issue.message}`);
    }
    const s = r.data;
    if (out.has(s.name)) throw new Error(`[${i}].name: "${s.name}" is configured twice`);
    let mapping: JsonMapping | undefined;
    if (s.format === 'json-mapping') {
      const m = parseJsonMapping(s.mapping);
      if (!m.ok) throw new Error(`[${i}].${m.field}: ${m.error}`);
      mapping = m.mapping;
    }
    out.set(s.name, { name: s.name, format: s.format, auth: s.auth, groupBy: s.groupBy, mapping });
  });
  return out;
}

export type SourceCheck =
  /** `deliveryKey` identifies this delivery for replay protection, from what was signed, never a header's spelling. */
  { ok: true; deliveryKey: string } | { ok: false; reason: string; field: string };

/** Whether a request proves it comes from the source. */
export function authenticateSource(
  source: AlertSource,
  header: (name: string) => string | undefined,
  body: Buffer,
  nowSeconds: number,
): SourceCheck {
  const bodyKey = `body:${createHash('sha256').update(body).digest('hex')}`;
  const auth = source.auth;
  switch (auth.type) {
    case 'bearer': {
      const given = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1]?.trim();
      return given !== undefined && sameSecret(given, auth.token)
        ? { ok: true, deliveryKey: bodyKey }
        : { ok: false, reason: 'missing or wrong bearer token', field: 'authorization' };
    }
    case 'basic': {
      const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header('authorization') ?? '')?.[1];
      const decoded = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
      const i = decoded.indexOf(':');
      const ok =
        i > 0 &&
        // Both compared, whatever the first gives, so the time does not tell which was wrong.
        [sameSecret(decoded.slice(0, i), auth.username), sameSecret(decoded.slice(i + 1), auth.password)].every(
          Boolean,
        );
      return ok
        ? { ok: true, deliveryKey: bodyKey }
        : { ok: false, reason: 'missing or wrong basic credentials', field: 'authorization' };
    }
    case 'hmac': {
      const check = verifySignature(header('x-breachline-signature'), body, [auth.secret], nowSeconds);
      return check.ok
        ? { ok: true, deliveryKey: check.replayKey }
        : { ok: false, reason: check.reason, field: 'x-breachline-signature' };
    }
    case 'hmac-sentry': {
      // Sentry signs the raw body with the integration's client secret: hex HMAC-SHA256.
      const given = (header('sentry-hook-signature') ?? '').trim().toLowerCase();
      const expected = createHmac('sha256', auth.secret).update(body).digest('hex');
      return /^[0-9a-f]{64}$/.test(given) && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
        ? { ok: true, deliveryKey: `sentry:${expected}` }
        : { ok: false, reason: 'Sentry-Hook-Signature does not match', field: 'sentry-hook-signature' };
    }
  }
}

/** Constant-time equality of two secrets of any length (their digests are compared). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
