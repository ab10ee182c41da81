// Application settings from the environment, validated once at start.
// A bad value stops the process with a message naming the variable.
import { parseAlertSources, type AlertSource } from './server/webhooks/alert-sources';
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const url = z.string().url();
/** The roles of server/permissions.ts, repeated so that the config does not load the server. */
const MFA_ROLE_NAMES = ['viewer', 'responder', 'approver', 'admin'] as const;
type RoleName = (typeof MFA_ROLE_NAMES)[number];
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** `source:secret,source:secret2,...`; several secrets per source allow rotation. */
export function parseWebhookSecrets(raw: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!raw || raw.trim() === '') return out;
  for (const part of raw.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const i = item.indexOf(':');
    if (i <= 0 || i === item.length - 1) {
      throw new Error('expected "source:secret" pairs separated by commas');
    }
    const source = item.slice(0, i).trim();
    const secret = item.slice(i + 1).trim();
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(source))
      throw new Error(`source "${source}" must be letters, digits, - or _`);
    if (secret.length < 16) throw new Error(`secret for "${source}" must be at least 16 characters`);
    out.set(source, [...(out.get(source) ?? []), secret]);
  }
  return out;
}

/** What Express's `trust proxy` takes: off, a number of proxy hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/** Names Express (proxy-addr) knows for address ranges. */
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, or an address with a prefix length that fits its family. */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `BREACHLINE_TRUST_PROXY`: which proxies may name the client's address (X-Forwarded-For). The
 * per-address login limit and the login throttle key on that address, so trusting too much lets
 * anyone pick their own; too little puts every user behind the proxy in one bucket. Unset, it
 * keeps what the app did before the variable existed: one hop behind an https public URL (TLS
 * ends at a proxy, whose word on `https` the Secure cookie needs), otherwise none.
 */
export function parseTrustProxy(raw: string | undefined, publicUrl: string | undefined): TrustProxy {
  if (raw === undefined) return publicUrl?.startsWith('https://') ? 1 : false;
  const value = raw.trim();
  if (value === 'false' || value === '0') return false;
  if (value === 'true')
    throw new Error(
      'true would trust any client to name its own address; give the number of proxy hops in front (e.g. 1) or their addresses',
    );
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new Error(`${value} proxy hops is more than any real chain (at most 10)`);
    return hops;
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.find((entry) => !TRUST_PROXY_NAMES.has(entry) && !isAddressOrCidr(entry));
  if (bad !== undefined || entries.length === 0)
    throw new Error(
      `"${bad ?? value}" is not false, a number of hops, loopback, linklocal, uniquelocal, an IP address or a CIDR range`,
    );
  return entries;
}

const fontFile = optionalString.refine(
  (v) => v === undefined || fs.existsSync(v),
  'no such file (a TrueType or OpenType font file)',
);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BREACHLINE_DATA_DIR: z.string().default('./data'),
  // PostgreSQL instead of the SQLite file in the data directory (store/database.ts); TLS options
  // in the URL as node-postgres reads them (?sslmode=verify-full), the CA in a file beside it.
  BREACHLINE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  BREACHLINE_DATABASE_CA: optionalString.refine(
    (v) => v === undefined || fs.existsSync(v),
    'no such file (the PEM certificate of the CA that signed the database server certificate)',
  ),
  // Connections each process keeps to PostgreSQL. The forwarder holds one per incident it is
  // delivering (its lease), so a busy host may want more than the default; the server's
  // max_connections must cover every process on every host.
  BREACHLINE_DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
  // Fonts for letters (server/use-cases/letters.ts); unset, the system's are looked for.
  BREACHLINE_PDF_FONT: fontFile,
  BREACHLINE_PDF_FONT_BOLD: fontFile,
  BREACHLINE_PDF_CJK_FONT: fontFile,
  BREACHLINE_PUBLIC_URL: url.optional().or(z.literal('').transform(() => undefined)),
  BREACHLINE_ADMIN_TOKEN: optionalString.refine(
    (v) => v === undefined || v.length >= 24,
    'must be at least 24 characters',
  ),
  BREACHLINE_WEBHOOK_SECRETS: optionalString,
  BREACHLINE_ALERT_SOURCES: optionalString,
  BREACHLINE_SESSION_SECRET: optionalString.refine(
    (v) => v === undefined || v.length >= 32,
    'must be at least 32 characters',
  ),
  /** 32 random bytes, base64: encrypts webhook secrets created in the UI (AES-256-GCM). */
  BREACHLINE_SECRETS_KEY: optionalString.refine(
    (v) => v === undefined || Buffer.from(v, 'base64').length === 32,
    'must be 32 bytes in base64, e.g. from `openssl rand -base64 32`',
  ),
  /** Keys that sealed values before the current one, comma-separated: they still open, never seal. */
  BREACHLINE_SECRETS_KEY_PREVIOUS: optionalString
    .transform((v) =>
      v === undefined
        ? undefined
        : v
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
    )
    .refine(
      (keys) => keys === undefined || keys.every((k) => Buffer.from(k, 'base64').length === 32),
      'each key must be 32 bytes in base64, separated by commas',
    ),
  BREACHLINE_TRUST_PROXY: optionalString,
  /**
   * Roles whose people must log in with a second factor, comma-separated; `none` for nobody. Those
   * without one can only reach Account (to set it up) until they do.
   */
  BREACHLINE_MFA_ROLES: z
    .string()
    .optional()
    // Empty counts as unset, as for every variable here: only the word `none` turns the requirement off.
    .transform((v) => (v === undefined || v.trim() === '' ? 'admin,approver' : v.trim()))
    .transform((v) =>
      v === 'none'
        ? []
        : v
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
    )
    .refine(
      (roles) => roles.every((r) => (MFA_ROLE_NAMES as readonly string[]).includes(r)),
      'must be roles (viewer, responder, approver, admin) separated by commas, or none',
    ),
  /** However busy a session is, it ends this long after its login (fractions allowed, for tests). */
  BREACHLINE_SESSION_MAX_LIFETIME_HOURS: z.coerce
    .number()
    .positive()
    .max(366 * 24)
    .default(7 * 24),
  /** Single sign-on (OpenID Connect): all three or none. The secret comes from the environment only. */
  BREACHLINE_OIDC_ISSUER: url.optional().or(z.literal('').transform(() => undefined)),
  BREACHLINE_OIDC_CLIENT_ID: optionalString,
  BREACHLINE_OIDC_CLIENT_SECRET: optionalString,
  /** The ID token or userinfo claim whose values BREACHLINE_OIDC_ROLE_MAP turns into a role. */
  BREACHLINE_OIDC_ROLE_CLAIM: optionalString.transform((v) => v ?? 'groups'),
  BREACHLINE_OIDC_ROLE_MAP: optionalString,
  BREACHLINE_OIDC_SCOPES: optionalString.transform((v) => v ?? 'openid email profile'),
  /** off: the browser login takes single sign-on only (API tokens and `npm run user:create` still work). */
  BREACHLINE_LOCAL_LOGIN: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? 'on' : v.trim()))
    .pipe(z.enum(['on', 'off'])),
  BREACHLINE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BREACHLINE_UPDATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** API requests a minute from one address before 429 (a fuzz run or a busy integration may raise it). */
  BREACHLINE_API_RATE_LIMIT: z.coerce.number().int().min(10).max(1_000_000).default(1200),
  /** Undelivered alerts at which the webhook answers 503 with Retry-After and writes nothing. */
  BREACHLINE_INTAKE_MAX_BACKLOG: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  /** Alerts a minute one authenticated source may send; beyond it, 503 with Retry-After (tools retry 5xx). */
  BREACHLINE_ALERT_SOURCE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(120_000),
  /** Buffered alerts the forwarder reads per pass, and how long it waits when there were none. */
  BREACHLINE_FORWARDER_PAGE_SIZE: z.coerce.number().int().min(1).max(100_000).default(2000),
  BREACHLINE_FORWARDER_IDLE_MS: z.coerce.number().int().min(1).max(60_000).default(50),
  /** Least ms between two signals to one incident while alerts keep coming: its alerts gather into one signal. */
  BREACHLINE_FORWARDER_LINGER_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** The longest an incident in a long storm lingers: each busy linger doubles the next, up to this. */
  BREACHLINE_FORWARDER_MAX_LINGER_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  BREACHLINE_UNCERTAIN_WAIT_MINUTES: z.coerce
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(15),
  // Contact data outlives the incident for follow-up (late bounces, corrections, complaints); the
  // proof of notice is kept regardless. Ten years is beyond any rule that asks for the data itself.
  BREACHLINE_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),

  SENDGRID_API_KEY: optionalString,
  SENDGRID_FROM_EMAIL: z
    .string()
    .email()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SENDGRID_FROM_NAME: optionalString,
  SENDGRID_BASE_URL: url.optional().or(z.literal('').transform(() => undefined)),
  SENDGRID_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  SENDGRID_WEBHOOK_PUBLIC_KEY: optionalString.refine(
    (v) => v === undefined || /^[A-Za-z0-9+/=]{40,}$/.test(v),
    'must be the base64 public key from the Signed Event Webhook settings',
  ),

  TWILIO_ACCOUNT_SID: optionalString.refine(
    (v) => v === undefined || /^AC[0-9a-zA-Z]{32}$/.test(v),
    'must look like AC followed by 32 characters',
  ),
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM_NUMBER: optionalString.refine(
    (v) => v === undefined || /^\+[1-9]\d{6,14}$/.test(v),
    'must be an E.164 number such as +14155550100',
  ),
  TWILIO_MESSAGING_SERVICE_SID: optionalString.refine(
    (v) => v === undefined || /^MG[0-9a-zA-Z]{32}$/.test(v),
    'must look like MG followed by 32 characters',
  ),
  TWILIO_BASE_URL: url.optional().or(z.literal('').transform(() => undefined)),
  TWILIO_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  TWILIO_SEGMENTS_PER_SECOND: z.coerce.number().min(0.1).max(100_000).default(1),
  TWILIO_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
  TWILIO_CALLS_PER_SECOND: z.coerce.number().min(0.01).max(100).default(1),
  TWILIO_CALL_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
});

/** What single sign-on needs, from BREACHLINE_OIDC_*; undefined when it is not set up. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: the public URL (or the local one) + /login/oidc/callback. */
  redirectUri: string;
  scopes: string;
  roleClaim: string;
  /** A claim value (a group name) to one of the roles of server/permissions.ts. */
  roleMap: ReadonlyMap<string, RoleName>;
}

/** `{"group": "role", ...}` with the roles of server/permissions.ts. */
export function parseOidcRoleMap(raw: string | undefined): Map<string, RoleName> {
  if (raw === undefined) throw new Error('required with BREACHLINE_OIDC_ISSUER: without it nobody gets a role');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('must be a JSON object such as {"breach-admins":"admin","dpo":"approver"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('must be a JSON object such as {"breach-admins":"admin","dpo":"approver"}');
  const map = new Map<string, RoleName>();
  for (const [value, role] of Object.entries(parsed)) {
    if (!(MFA_ROLE_NAMES as readonly unknown[]).includes(role))
      throw new Error(`"${value}" maps to ${JSON.stringify(role)}, not a role (viewer, responder, approver, admin)`);
    map.set(value, role as RoleName);
  }
  if (map.size === 0) throw new Error('maps no claim value to a role, so nobody could log in');
  return map;
}

function oidcSettingsOf(e: z.infer<typeof envSchema>, appUrl: string): OidcSettings | undefined {
  const parts = {
    BREACHLINE_OIDC_ISSUER: e.BREACHLINE_OIDC_ISSUER,
    BREACHLINE_OIDC_CLIENT_ID: e.BREACHLINE_OIDC_CLIENT_ID,
    BREACHLINE_OIDC_CLIENT_SECRET: e.BREACHLINE_OIDC_CLIENT_SECRET,
  };
  const missing = Object.entries(parts).filter(([, v]) => v === undefined);
  if (missing.length === 3) return undefined;
  if (missing.length > 0)
    throw new ConfigError(missing[0]![0], 'single sign-on needs the issuer, the client id and the client secret');
  let roleMap: Map<string, RoleName>;
  try {
    roleMap = parseOidcRoleMap(e.BREACHLINE_OIDC_ROLE_MAP);
  } catch (err) {
    throw new ConfigError('BREACHLINE_OIDC_ROLE_MAP', (err as Error).message);
  }
  if (!e.BREACHLINE_OIDC_SCOPES.split(/\s+/).includes('openid'))
    throw new ConfigError('BREACHLINE_OIDC_SCOPES', 'must include openid');
  return {
    issuer: e.BREACHLINE_OIDC_ISSUER!,
    clientId: e.BREACHLINE_OIDC_CLIENT_ID!,
    clientSecret: e.BREACHLINE_OIDC_CLIENT_SECRET!,
    redirectUri: `${appUrl}/login/oidc/callback`,
    scopes: e.BREACHLINE_OIDC_SCOPES,
    roleClaim: e.BREACHLINE_OIDC_ROLE_CLAIM,
    roleMap,
  };
}

export type AppConfig = ReturnType<typeof loadAppConfig>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  let webhookSecrets: Map<string, string[]>;
  try {
    webhookSecrets = parseWebhookSecrets(e.BREACHLINE_WEBHOOK_SECRETS);
  } catch (err) {
    throw new ConfigError('BREACHLINE_WEBHOOK_SECRETS', (err as Error).message);
  }
  let alertSources: Map<string, AlertSource>;
  try {
    alertSources = parseAlertSources(e.BREACHLINE_ALERT_SOURCES);
  } catch (err) {
    throw new ConfigError('BREACHLINE_ALERT_SOURCES', (err as Error).message);
  }
  if (e.SENDGRID_API_KEY && !e.SENDGRID_FROM_EMAIL) {
    throw new ConfigError('SENDGRID_FROM_EMAIL', 'required when SENDGRID_API_KEY is set');
  }
  if (e.TWILIO_ACCOUNT_SID && !e.TWILIO_AUTH_TOKEN) {
    throw new ConfigError('TWILIO_AUTH_TOKEN', 'required when TWILIO_ACCOUNT_SID is set');
  }
  if (e.BREACHLINE_SECRETS_KEY_PREVIOUS?.length && !e.BREACHLINE_SECRETS_KEY) {
    throw new ConfigError(
      'BREACHLINE_SECRETS_KEY',
      'BREACHLINE_SECRETS_KEY is required when BREACHLINE_SECRETS_KEY_PREVIOUS is set (the new key seals, the previous ones only open)',
    );
  }
  if (e.BREACHLINE_DATABASE_URL) {
    // Several hosts share one PostgreSQL database: a key made in one host's data directory would seal
    // contact data or payloads that the processes on every other host cannot open.
    const missing = [
      ...(e.BREACHLINE_SECRETS_KEY ? [] : ['BREACHLINE_SECRETS_KEY']),
      ...(env.BREACHLINE_PAYLOAD_KEY?.trim() ? [] : ['BREACHLINE_PAYLOAD_KEY']),
    ];
    if (missing.length > 0)
      throw new ConfigError(
        missing[0]!,
        `required when BREACHLINE_DATABASE_URL is set: every host must use the same key, so set ${missing.join(' and ')} from your secret store on each (see docs/deploy.md)`,
      );
  }
  if (e.TWILIO_ACCOUNT_SID && !e.TWILIO_FROM_NUMBER && !e.TWILIO_MESSAGING_SERVICE_SID) {
    throw new ConfigError(
      'TWILIO_FROM_NUMBER',
      'TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID is required when TWILIO_ACCOUNT_SID is set',
    );
  }
  let trustProxy: TrustProxy;
  try {
    trustProxy = parseTrustProxy(e.BREACHLINE_TRUST_PROXY, e.BREACHLINE_PUBLIC_URL);
  } catch (err) {
    throw new ConfigError('BREACHLINE_TRUST_PROXY', (err as Error).message);
  }
  const oidc = oidcSettingsOf(e, e.BREACHLINE_PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${e.PORT}`);
  if (e.BREACHLINE_LOCAL_LOGIN === 'off' && !oidc)
    throw new ConfigError(
      'BREACHLINE_LOCAL_LOGIN',
      'off needs single sign-on set up (BREACHLINE_OIDC_ISSUER and the rest), or nobody could log in in the browser',
    );
  const dataDir = path.resolve(e.BREACHLINE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbPath: path.join(dataDir, 'breachline.sqlite'),
    databaseUrl: e.BREACHLINE_DATABASE_URL,
    databaseCaFile: e.BREACHLINE_DATABASE_CA,
    databasePoolSize: e.BREACHLINE_DATABASE_POOL_SIZE,
    pdfFonts: { regular: e.BREACHLINE_PDF_FONT, bold: e.BREACHLINE_PDF_FONT_BOLD, cjk: e.BREACHLINE_PDF_CJK_FONT },
    publicUrl: e.BREACHLINE_PUBLIC_URL?.replace(/\/$/, ''),
    adminToken: e.BREACHLINE_ADMIN_TOKEN,
    sessionSecret: e.BREACHLINE_SESSION_SECRET,
    trustProxy,
    mfaRoles: e.BREACHLINE_MFA_ROLES as readonly string[],
    oidc,
    localLogin: e.BREACHLINE_LOCAL_LOGIN === 'on',
    sessionMaxLifetimeMs: Math.round(e.BREACHLINE_SESSION_MAX_LIFETIME_HOURS * 3600_000),
    webhookSecrets,
    alertSources,
    secretKeys: {
      current: e.BREACHLINE_SECRETS_KEY ? Buffer.from(e.BREACHLINE_SECRETS_KEY, 'base64') : undefined,
      previous: (e.BREACHLINE_SECRETS_KEY_PREVIOUS ?? []).map((k) => Buffer.from(k, 'base64')),
    },
    logLevel: e.BREACHLINE_LOG_LEVEL,
    updateTimeoutMs: e.BREACHLINE_UPDATE_TIMEOUT_MS,
    apiRateLimit: e.BREACHLINE_API_RATE_LIMIT,
    intake: {
      maxBacklog: e.BREACHLINE_INTAKE_MAX_BACKLOG,
      sourceRatePerMinute: e.BREACHLINE_ALERT_SOURCE_RATE_PER_MINUTE,
      forwarderPageSize: e.BREACHLINE_FORWARDER_PAGE_SIZE,
      forwarderIdleMs: e.BREACHLINE_FORWARDER_IDLE_MS,
      forwarderLingerMs: e.BREACHLINE_FORWARDER_LINGER_MS,
      forwarderMaxLingerMs: e.BREACHLINE_FORWARDER_MAX_LINGER_MS,
    },
    uncertainWaitMs: Math.round(e.BREACHLINE_UNCERTAIN_WAIT_MINUTES * 60_000),
    contactRetentionDays: e.BREACHLINE_CONTACT_RETENTION_DAYS,
    calls: { perSecond: e.TWILIO_CALLS_PER_SECOND, retries: e.TWILIO_CALL_RETRIES },
    sendgridWebhookPublicKey: e.SENDGRID_WEBHOOK_PUBLIC_KEY,
    sendgrid: e.SENDGRID_API_KEY
      ? {
          apiKey: e.SENDGRID_API_KEY,
          fromEmail: e.SENDGRID_FROM_EMAIL!,
          fromName: e.SENDGRID_FROM_NAME,
          baseUrl: e.SENDGRID_BASE_URL,
          timeoutMs: e.SENDGRID_TIMEOUT_MS,
        }
      : undefined,
    twilio: e.TWILIO_ACCOUNT_SID
      ? {
          accountSid: e.TWILIO_ACCOUNT_SID,
          authToken: e.TWILIO_AUTH_TOKEN!,
          fromNumber: e.TWILIO_FROM_NUMBER,
          messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
          baseUrl: e.TWILIO_BASE_URL,
          timeoutMs: e.TWILIO_TIMEOUT_MS,
          segmentsPerSecond: e.TWILIO_SEGMENTS_PER_SECOND,
          maxSockets: e.TWILIO_MAX_CONCURRENCY,
        }
      : undefined,
  };
}
