// Alert webhook sources: from the environment (read-only) and created in the
// UI (secret shown once, stored sealed). Rotating keeps the previous secret
// valid for 24 hours so the sender can switch over without losing alerts.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/connection';
import { appendAudit } from '../../store/audit';
import { lastAlertAtBySource } from '../../store/alerts';
import type { AlertSource, AlertSourceAuth } from '../webhooks/alert-sources';
import { isAlertFormat } from '../webhooks/adapters';
import type { AlertFormat } from '../webhooks/normalized-alert';
import {
  type WebhookSourceRow,
  findWebhookSource,
  insertWebhookSource,
  listWebhookSources,
  listWebhookSourcesTx,
  resealWebhookSourceTx,
  rotateWebhookSourceSecret,
} from '../../store/webhook-sources';
import type { Actor } from '../../workflows/types';
import { HttpError } from '../errors';
import { openAny, seal, type Keyring } from '../../lib/secret-box';
import { nowIso } from '../../lib/clock';

export const ROTATION_OVERLAP_MS = 24 * 3600_000;
export const NO_KEY_MESSAGE =
  'Set BREACHLINE_SECRETS_KEY (32 random bytes, base64) to create webhook sources here; sources created earlier are disabled until it is set.';

const purpose = (name: string) => `webhook-source:${name}`;
const newSecret = (authType: UiAuthType) =>
  `${authType === 'hmac' ? 'whsec' : 'brl'}_${randomBytes(32).toString('base64url')}`;

/** How a source made on the page proves itself; json-mapping sources need a mapping, so they live in the environment. */
export const UI_AUTH_TYPES = ['hmac', 'bearer', 'basic', 'hmac-sentry'] as const;
export type UiAuthType = (typeof UI_AUTH_TYPES)[number];
export const UI_FORMATS = ['generic', 'alertmanager', 'grafana', 'sentry', 'datadog'] as const;

export interface NewSourceSpec {
  name: string;
  format: (typeof UI_FORMATS)[number];
  authType: UiAuthType;
  /** Basic auth's user name. */
  username: string | null;
  /** Sentry's client secret, which Sentry makes; every other secret is made here and shown once. */
  secret: string | null;
  groupBy: 'group' | 'alert' | null;
}

const authOf = (row: WebhookSourceRow, secret: string): AlertSourceAuth | null => {
  switch (row.auth_type) {
    case 'bearer':
      return { type: 'bearer', token: secret };
    case 'basic':
      return row.username ? { type: 'basic', username: row.username, password: secret } : null;
    case 'hmac':
      return { type: 'hmac', secret };
    case 'hmac-sentry':
      return { type: 'hmac-sentry', secret };
    default:
      return null;
  }
};

/**
 * A page-made source that speaks a tool's format or proves itself other than by our HMAC, as one
 * candidate per secret that currently works (the previous one for 24 hours after a rotation).
 * Undefined for a plain HMAC source in the generic format, which `secretsFor` serves.
 */
export async function toolSourceCandidates(
  db: Db,
  ring: Keyring,
  source: string,
  now = Date.now(),
): Promise<AlertSource[] | undefined> {
  const row = await findWebhookSource(db, source);
  if (!row || (row.auth_type === 'hmac' && row.format === 'generic')) return undefined;
  if (!isAlertFormat(row.format)) return [];
  const secrets = [openAny(ring, row.secret_enc, purpose(source))];
  if (row.previous_secret_enc && row.previous_valid_until && Date.parse(row.previous_valid_until) > now)
    secrets.push(openAny(ring, row.previous_secret_enc, purpose(source)));
  const groupBy = row.group_by === 'alert' || row.group_by === 'group' ? row.group_by : undefined;
  return secrets.flatMap((secret) => {
    const auth = secret === null ? null : authOf(row, secret);
    return auth ? [{ name: row.name, format: row.format as AlertFormat, auth, groupBy }] : [];
  });
}

/** Every secret that currently verifies a signature from this source. */
export async function secretsFor(
  db: Db,
  env: Map<string, string[]>,
  ring: Keyring,
  source: string,
  now = Date.now(),
): Promise<string[]> {
  const fromEnv = env.get(source) ?? [];
  if (!ring.current && ring.previous.length === 0) return fromEnv;
  const row = await findWebhookSource(db, source);
  if (!row) return fromEnv;
  const out = [...fromEnv];
  const current = openAny(ring, row.secret_enc, purpose(source));
  if (current) out.push(current);
  if (row.previous_secret_enc && row.previous_valid_until && Date.parse(row.previous_valid_until) > now) {
    const previous = openAny(ring, row.previous_secret_enc, purpose(source));
    if (previous) out.push(previous);
  }
  return out;
}

/** What proves a request from a source not in BREACHLINE_ALERT_SOURCES: a tool's credentials, or our HMAC's secrets. */
export type SourceCredentials = { candidates: AlertSource[] } | { secrets: string[] };

// Every alert request needs its source's credentials; in a storm that read (a statement prepared
// on SQLite's thread per request) and the unsealing were the web process's largest cost after
// HTTP itself. The opened credentials are kept a few seconds per database, and a change made in
// this process (create, rotate, reseal) drops them at once. `secrets:reseal` run elsewhere
// changes how a secret is sealed, never the secret, and a new key ring needs a restart anyway.
const CREDENTIALS_TTL_MS = 5_000;
const CREDENTIALS_KEPT = 1_000;
const credentialCache = new WeakMap<Db, Map<string, { value: SourceCredentials; until: number }>>();

const forgetCredentials = (db: Db) => credentialCache.delete(db);

export async function sourceCredentials(
  db: Db,
  env: Map<string, string[]>,
  ring: Keyring,
  source: string,
  now = Date.now(),
): Promise<SourceCredentials> {
  let cache = credentialCache.get(db);
  const hit = cache?.get(source);
  if (hit && hit.until > now) return hit.value;
  const candidates = await toolSourceCandidates(db, ring, source, now);
  const value = candidates ? { candidates } : { secrets: await secretsFor(db, env, ring, source, now) };
  if (!cache || cache.size >= CREDENTIALS_KEPT) credentialCache.set(db, (cache = new Map()));
  cache.set(source, { value, until: now + CREDENTIALS_TTL_MS });
  return value;
}

export interface ResealResult {
  /** Values now sealed with the current key. */
  resealed: number;
  /** Sources with a value no key of the ring opens: left as they were. */
  unreadable: string[];
}

/**
 * Seals every stored secret again with the current key, so earlier keys can be dropped from the
 * environment. One transaction: a value is rewritten only when it opened, so nothing is lost.
 */
export async function resealSources(db: Db, ring: Keyring, by: Actor): Promise<ResealResult> {
  const key = ring.current;
  if (!key)
    throw new HttpError(409, 'BREACHLINE_SECRETS_KEY is not set: nothing to seal with', 'BREACHLINE_SECRETS_KEY');
  const result = await db.transaction(async (tx) => {
    const out: ResealResult = { resealed: 0, unreadable: [] };
    for (const row of await listWebhookSourcesTx(tx)) {
      const current = openAny(ring, row.secret_enc, purpose(row.name));
      const previous =
        row.previous_secret_enc === null ? null : openAny(ring, row.previous_secret_enc, purpose(row.name));
      if (current === null || (row.previous_secret_enc !== null && previous === null)) {
        out.unreadable.push(row.name);
        continue;
      }
      await resealWebhookSourceTx(tx, {
        name: row.name,
        secretEnc: seal(key, current, purpose(row.name)),
        previousSecretEnc: previous === null ? null : seal(key, previous, purpose(row.name)),
      });
      out.resealed += previous === null ? 1 : 2;
    }
    return out;
  });
  forgetCredentials(db);
  await appendAudit(db, {
    incidentId: null,
    type: 'secrets.resealed',
    at: nowIso(),
    actor: by,
    summary: `stored secrets sealed again with the current key (${result.resealed} value(s)${result.unreadable.length ? `; ${result.unreadable.length} source(s) unreadable` : ''})`,
    details: { resealed: result.resealed, unreadable: result.unreadable },
  });
  return result;
}

export async function listSources(db: Db, env: Map<string, string[]>) {
  const seen = await lastAlertAtBySource(db);
  const rows = await listWebhookSources(db);
  return [
    ...[...env.keys()].sort().map((name) => ({
      name,
      origin: 'environment' as const,
      secrets: env.get(name)!.length,
      format: 'generic',
      authType: 'hmac',
      username: null,
      groupBy: null,
      lastAlertAt: seen.get(name) ?? null,
      createdAt: null,
      rotatedAt: null,
      previousValidUntil: null,
    })),
    ...rows
      .filter((row) => !env.has(row.name))
      .map((row) => ({
        name: row.name,
        origin: 'ui' as const,
        secrets: 1,
        format: row.format,
        authType: row.auth_type,
        username: row.username,
        groupBy: row.group_by,
        lastAlertAt: seen.get(row.name) ?? null,
        createdAt: row.created_at,
        rotatedAt: row.rotated_at,
        previousValidUntil:
          row.previous_valid_until && Date.parse(row.previous_valid_until) > Date.now()
            ? row.previous_valid_until
            : null,
      })),
  ];
}

/** Returns the new secret; it is shown once and only the sealed form is stored. */
export async function createSource(
  db: Db,
  env: ReadonlySet<string>,
  key: Buffer | undefined,
  spec: NewSourceSpec,
  by: Actor,
): Promise<string | null> {
  const { name } = spec;
  if (!key) throw new HttpError(409, NO_KEY_MESSAGE, 'name');
  if (env.has(name)) throw new HttpError(409, 'a source with this name comes from the environment', 'name');
  if (spec.authType === 'basic' && !spec.username) throw new HttpError(400, 'required for basic auth', 'username');
  if (spec.authType === 'hmac-sentry' && !spec.secret)
    throw new HttpError(400, 'required: the client secret of the Sentry integration', 'secret');
  // Sentry makes its own secret; every other one is made here, shown once, and only sealed it is kept.
  const made = spec.authType === 'hmac-sentry' ? null : newSecret(spec.authType);
  const secret = made ?? spec.secret!;
  const now = nowIso();
  const inserted = await insertWebhookSource(db, {
    name,
    secretEnc: seal(key, secret, purpose(name)),
    createdAt: now,
    createdBy: `${by.kind}:${by.id}`,
    format: spec.format,
    authType: spec.authType,
    username: spec.authType === 'basic' ? spec.username : null,
    groupBy: spec.groupBy,
  });
  if (!inserted) throw new HttpError(409, 'a source with this name exists', 'name');
  forgetCredentials(db);
  await appendAudit(db, {
    incidentId: null,
    type: 'webhook_source.created',
    at: now,
    actor: by,
    summary: `webhook source ${name} created (${spec.format}, ${spec.authType})`,
    details: { name, format: spec.format, authType: spec.authType },
  });
  return made;
}

export async function rotateSource(db: Db, key: Buffer | undefined, name: string, by: Actor): Promise<string> {
  if (!key) throw new HttpError(409, NO_KEY_MESSAGE, 'name');
  const row = await findWebhookSource(db, name);
  if (!row) throw new HttpError(404, 'webhook source not found', 'name');
  if (row.auth_type === 'hmac-sentry')
    throw new HttpError(
      409,
      'a Sentry source uses the secret Sentry makes: create the source again with the new one',
      'name',
    );
  const secret = newSecret(row.auth_type === 'hmac' ? 'hmac' : 'bearer');
  const now = new Date();
  await rotateWebhookSourceSecret(db, {
    name,
    secretEnc: seal(key, secret, purpose(name)),
    previousSecretEnc: row.secret_enc,
    previousValidUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString(),
    rotatedAt: now.toISOString(),
  });
  forgetCredentials(db);
  await appendAudit(db, {
    incidentId: null,
    type: 'webhook_source.rotated',
    at: now.toISOString(),
    actor: by,
    summary: `secret of webhook source ${name} rotated; the old one works for 24 hours`,
    details: { name },
  });
  return secret;
}
