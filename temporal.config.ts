// Where Temporal runs and how to reach it, validated once at start.
// With no TEMPORAL_ADDRESS, `npm start` runs a local dev server described by `dev`;
// with one, Breachline connects to that cluster (self-hosted or Temporal Cloud) and starts nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { ConnectionOptions } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { NativeConnectionOptions } from '@temporalio/worker';
import { z } from 'zod';
import { ConfigError } from './app.config';
import { AesGcmPayloadCodec, payloadKey, type PayloadKey } from './lib/payload-codec';
import { keyFile, readKeyFile } from './lib/key-file';

export interface TemporalConfig {
  /** host:port of the frontend gRPC service. */
  address: string;
  /** True when TEMPORAL_ADDRESS is set: no dev server is started. */
  external: boolean;
  namespace: string;
  taskQueue: string;
  tls: null | {
    serverName?: string;
    serverRootCACertificate?: Buffer;
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  apiKey: string | null;
  /** A remote server reached without mTLS or an API key, allowed by BREACHLINE_TEMPORAL_INSECURE=1 (logged at start). */
  insecureRemote: boolean;
  /** Origins of the Temporal Web UI allowed to call the codec endpoint (CORS). */
  uiOrigins: string[];
  dev: {
    ip: string;
    port: number;
    /** Also set when headless, so a later start with the UI uses the same port. */
    uiPort: number;
    headless: boolean;
    /** Absolute path of the dev server's SQLite file. */
    dbFile: string;
    retentionDays: number;
    logLevel: string;
  };
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const port = z.coerce.number().int().min(1).max(65535);
const flag = z.preprocess(
  blankToUndefined,
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .optional(),
);

const envSchema = z.object({
  TEMPORAL_ADDRESS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port, e.g. my-ns.a1b2c.tmprl.cloud:7233')
      .optional(),
  ),
  TEMPORAL_NAMESPACE: z.preprocess(blankToUndefined, z.string().trim().min(1).max(255).default('default')),
  TEMPORAL_TASK_QUEUE: z.preprocess(blankToUndefined, z.string().trim().min(1).max(255).default('breachline')),
  TEMPORAL_TLS: flag,
  TEMPORAL_TLS_CA_PATH: optionalText,
  TEMPORAL_TLS_CERT_PATH: optionalText,
  TEMPORAL_TLS_KEY_PATH: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  TEMPORAL_API_KEY: optionalText,
  TEMPORAL_DEV_IP: z.preprocess(blankToUndefined, z.string().trim().min(1).default('127.0.0.1')),
  TEMPORAL_DEV_PORT: z.preprocess(blankToUndefined, port.default(7233)),
  TEMPORAL_DEV_UI_PORT: z.preprocess(blankToUndefined, port.optional()),
  TEMPORAL_DEV_HEADLESS: flag,
  TEMPORAL_DEV_LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['debug', 'info', 'warn', 'error', 'never']).default('warn'),
  ),
  // Temporal refuses retention under a day; ten years is far beyond any breach-record rule.
  TEMPORAL_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(30)),
  BREACHLINE_DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  BREACHLINE_TEMPORAL_INSECURE: flag,
  BREACHLINE_TEMPORAL_UI_ORIGINS: optionalText,
});

/** Hosts on this machine: reaching them needs a foothold on the machine itself. */
function isLoopbackHost(address: string): boolean {
  const host = address.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function readPemFile(variable: string, file: string): Buffer {
  try {
    return fs.readFileSync(path.resolve(file));
  } catch (err) {
    throw new ConfigError(
      variable,
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

export function loadTemporalConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  const external = e.TEMPORAL_ADDRESS !== undefined;

  const tlsVariables = (
    ['TEMPORAL_TLS_CA_PATH', 'TEMPORAL_TLS_CERT_PATH', 'TEMPORAL_TLS_KEY_PATH', 'TEMPORAL_TLS_SERVER_NAME'] as const
  ).filter((name) => e[name] !== undefined);
  if (!external) {
    // The dev server speaks plain gRPC on loopback; TLS settings without an address are a misconfiguration
    // that would otherwise be silently ignored.
    const stray =
      e.TEMPORAL_API_KEY !== undefined ? 'TEMPORAL_API_KEY' : e.TEMPORAL_TLS ? 'TEMPORAL_TLS' : tlsVariables[0];
    if (stray) throw new ConfigError(stray, 'only applies to an external server; set TEMPORAL_ADDRESS too');
  }
  if (e.TEMPORAL_TLS === false && tlsVariables.length > 0) {
    throw new ConfigError(tlsVariables[0]!, 'set, but TEMPORAL_TLS=false turns TLS off');
  }
  if ((e.TEMPORAL_TLS_CERT_PATH === undefined) !== (e.TEMPORAL_TLS_KEY_PATH === undefined)) {
    const missing = e.TEMPORAL_TLS_CERT_PATH === undefined ? 'TEMPORAL_TLS_CERT_PATH' : 'TEMPORAL_TLS_KEY_PATH';
    throw new ConfigError(missing, 'client certificate and key must be given together');
  }

  // TLS is on when asked for, when any TLS setting is given, or when an API key is used (Temporal Cloud),
  // unless TEMPORAL_TLS=false says otherwise (e.g. an API key through a local TLS-terminating proxy).
  const tlsOn = e.TEMPORAL_TLS ?? (tlsVariables.length > 0 || e.TEMPORAL_API_KEY !== undefined);
  let tls: TemporalConfig['tls'] = null;
  if (tlsOn) {
    tls = {};
    if (e.TEMPORAL_TLS_SERVER_NAME) tls.serverName = e.TEMPORAL_TLS_SERVER_NAME;
    if (e.TEMPORAL_TLS_CA_PATH)
      tls.serverRootCACertificate = readPemFile('TEMPORAL_TLS_CA_PATH', e.TEMPORAL_TLS_CA_PATH);
    if (e.TEMPORAL_TLS_CERT_PATH && e.TEMPORAL_TLS_KEY_PATH) {
      tls.clientCertPair = {
        crt: readPemFile('TEMPORAL_TLS_CERT_PATH', e.TEMPORAL_TLS_CERT_PATH),
        key: readPemFile('TEMPORAL_TLS_KEY_PATH', e.TEMPORAL_TLS_KEY_PATH),
      };
    }
  }

  // Temporal is a trust boundary: whoever reaches its frontend can read every incident's history, send updates
  // with any actor and terminate runs. Off this machine, the app insists on client credentials.
  const remote = external && !isLoopbackHost(e.TEMPORAL_ADDRESS!);
  const credentials = tls?.clientCertPair !== undefined || e.TEMPORAL_API_KEY !== undefined;
  if (remote && !credentials && !e.BREACHLINE_TEMPORAL_INSECURE) {
    throw new ConfigError(
      'TEMPORAL_ADDRESS',
      'a Temporal server on another machine needs mTLS (TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH) or TEMPORAL_API_KEY, since whoever reaches it can read incident histories and act on incidents; set BREACHLINE_TEMPORAL_INSECURE=1 to connect without (a warning is logged at every start)',
    );
  }

  const dev: TemporalConfig['dev'] = {
    ip: e.TEMPORAL_DEV_IP,
    port: e.TEMPORAL_DEV_PORT,
    // Same rule as the CLI: the UI sits 1000 above the gRPC port unless told otherwise.
    uiPort: e.TEMPORAL_DEV_UI_PORT ?? (e.TEMPORAL_DEV_PORT + 1000 <= 65535 ? e.TEMPORAL_DEV_PORT + 1000 : 8233),
    headless: e.TEMPORAL_DEV_HEADLESS ?? false,
    dbFile: path.join(path.resolve(e.BREACHLINE_DATA_DIR), 'temporal.sqlite'),
    retentionDays: e.TEMPORAL_RETENTION_DAYS,
    logLevel: e.TEMPORAL_DEV_LOG_LEVEL,
  };
  if (!dev.headless && dev.uiPort === dev.port) {
    throw new ConfigError('TEMPORAL_DEV_UI_PORT', `must differ from TEMPORAL_DEV_PORT (${dev.port})`);
  }

  return {
    address: e.TEMPORAL_ADDRESS ?? `${dev.ip.includes(':') ? `[${dev.ip}]` : dev.ip}:${dev.port}`,
    external,
    namespace: e.TEMPORAL_NAMESPACE,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    tls,
    apiKey: e.TEMPORAL_API_KEY ?? null,
    insecureRemote: remote && !credentials,
    uiOrigins: uiOrigins(e.BREACHLINE_TEMPORAL_UI_ORIGINS, external ? null : dev),
    dev,
  };
}

/** The listed origins, or the dev server's own UI on this machine; a cluster's UI must be named. */
function uiOrigins(listed: string | undefined, dev: TemporalConfig['dev'] | null): string[] {
  if (listed !== undefined) {
    const origins = listed
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    for (const origin of origins)
      if (
        !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin) &&
        !/^https?:\/\/\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(origin)
      )
        throw new ConfigError('BREACHLINE_TEMPORAL_UI_ORIGINS', `"${origin}" is not an origin (scheme://host[:port])`);
    return origins;
  }
  if (!dev || dev.headless) return [];
  return [`http://localhost:${dev.uiPort}`, `http://127.0.0.1:${dev.uiPort}`];
}

function sdkTls(cfg: TemporalConfig) {
  if (!cfg.tls) return false;
  const { serverName, serverRootCACertificate, clientCertPair } = cfg.tls;
  return {
    ...(serverName !== undefined && { serverNameOverride: serverName }),
    ...(serverRootCACertificate !== undefined && { serverRootCACertificate }),
    ...(clientCertPair !== undefined && { clientCertPair }),
  };
}

/** For `Connection.connect` in the web server and scripts. */
export function clientConnectionOptions(cfg: TemporalConfig): ConnectionOptions {
  return {
    address: cfg.address,
    tls: sdkTls(cfg),
    ...(cfg.apiKey !== null && { apiKey: cfg.apiKey }),
  };
}

/** For `NativeConnection.connect` in the worker. */
export function workerConnectionOptions(cfg: TemporalConfig): NativeConnectionOptions {
  return {
    address: cfg.address,
    tls: sdkTls(cfg),
    ...(cfg.apiKey !== null && { apiKey: cfg.apiKey }),
  };
}

/** Said at every start of a process that talks to a remote Temporal without credentials (BREACHLINE_TEMPORAL_INSECURE=1). */
export function warnIfInsecureTemporal(
  cfg: TemporalConfig,
  logger: { warn: (obj: object, msg: string) => void },
): void {
  if (cfg.insecureRemote)
    logger.warn(
      { address: cfg.address },
      'BREACHLINE_TEMPORAL_INSECURE=1: connecting to a remote Temporal server without mTLS or an API key; anyone who reaches it can read incident histories and act on incidents',
    );
}

const PAYLOAD_KEY_FILE = 'payload.key';

function parsePayloadKey(variable: string, value: string): PayloadKey {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32)
    throw new ConfigError(variable, 'must be 32 random bytes, base64 (e.g. `openssl rand -base64 32`)');
  return payloadKey(key);
}

/**
 * The keys that seal and open Temporal payloads: BREACHLINE_PAYLOAD_KEY seals; it and each key in
 * BREACHLINE_PAYLOAD_KEY_PREVIOUS (comma-separated) open. Without BREACHLINE_PAYLOAD_KEY a key is made
 * once in the data directory (created exclusively, so processes starting together share one) and a
 * warning says so; a key file left from before an environment key was set still opens old payloads.
 */
export function loadPayloadKeys(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  logger: { warn: (obj: object, msg: string) => void },
): PayloadKey[] {
  const previous = (env.BREACHLINE_PAYLOAD_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((v) => v.trim() !== '')
    .map((v) => parsePayloadKey('BREACHLINE_PAYLOAD_KEY_PREVIOUS', v));
  const file = path.join(dataDir, PAYLOAD_KEY_FILE);
  const given = env.BREACHLINE_PAYLOAD_KEY?.trim();
  if (given) {
    const current = parsePayloadKey('BREACHLINE_PAYLOAD_KEY', given);
    const old = readKeyFile(file);
    return [current, ...previous, ...(old && payloadKey(old).id !== current.id ? [payloadKey(old)] : [])];
  }
  const made = keyFile(dataDir, PAYLOAD_KEY_FILE);
  logger.warn(
    { file: made.file },
    'BREACHLINE_PAYLOAD_KEY is not set: Temporal payloads are encrypted with the key kept in this file; back it up with the data directory (without it, incident histories cannot be read) or set BREACHLINE_PAYLOAD_KEY',
  );
  return [payloadKey(made.key), ...previous];
}

/** What the worker and every client pass as `dataConverter`: payloads and failures encrypted. */
export function temporalDataConverter(keys: readonly PayloadKey[]): DataConverter {
  return {
    payloadCodecs: [new AesGcmPayloadCodec(keys)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}

// A path, not a module: the workflow bundle and the SDK each load it themselves (the project runs from source through tsx).
export const FAILURE_CONVERTER_PATH = path.join(__dirname, 'lib', 'failure-converter.ts');
