import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadAppConfig } from '../../app.config';
import {
  clientConnectionOptions,
  loadTemporalConfig,
  warnIfInsecureTemporal,
  workerConnectionOptions,
} from '../../temporal.config';

function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('temporal.config', () => {
  it('with an empty environment, runs a local dev server on loopback with 30-day retention', () => {
    const cfg = loadTemporalConfig({});
    expect(cfg).toMatchObject({
      address: '127.0.0.1:7233',
      external: false,
      namespace: 'default',
      taskQueue: 'breachline',
      tls: null,
      apiKey: null,
      dev: { ip: '127.0.0.1', port: 7233, uiPort: 8233, headless: false, retentionDays: 30, logLevel: 'warn' },
    });
    expect(cfg.dev.dbFile).toBe(path.resolve('data', 'temporal.sqlite'));
  });

  it('puts the dev server database in BREACHLINE_DATA_DIR and the UI 1000 above a custom port', () => {
    const cfg = loadTemporalConfig({
      BREACHLINE_DATA_DIR: '/var/lib/breachline',
      TEMPORAL_DEV_PORT: '7300',
      TEMPORAL_DEV_HEADLESS: 'true',
    });
    expect(cfg.dev).toMatchObject({
      dbFile: '/var/lib/breachline/temporal.sqlite',
      port: 7300,
      uiPort: 8300,
      headless: true,
    });
    expect(cfg.address).toBe('127.0.0.1:7300');
  });

  it.each([
    ['TEMPORAL_DEV_PORT', 'abc'],
    ['TEMPORAL_DEV_PORT', '70000'],
    ['TEMPORAL_DEV_UI_PORT', '0'],
    ['TEMPORAL_DEV_HEADLESS', 'maybe'],
    ['TEMPORAL_RETENTION_DAYS', '0'],
    ['TEMPORAL_DEV_LOG_LEVEL', 'loud'],
    ['TEMPORAL_ADDRESS', 'no-port-here'],
  ])('a bad %s=%s is rejected naming the variable', (variable, value) => {
    const err = configErrorOf(() => loadTemporalConfig({ [variable]: value }));
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(new RegExp(`^${variable}: `));
  });

  it('an unreadable TEMPORAL_TLS_CA_PATH is rejected naming the variable and the path', () => {
    const err = configErrorOf(() =>
      loadTemporalConfig({
        TEMPORAL_ADDRESS: 'temporal.example.com:7233',
        TEMPORAL_TLS_CA_PATH: '/nonexistent/ca.pem',
      }),
    );
    expect(err.variable).toBe('TEMPORAL_TLS_CA_PATH');
    expect(err.message).toContain('/nonexistent/ca.pem');
  });

  it('TLS settings without TEMPORAL_ADDRESS are rejected rather than silently ignored', () => {
    expect(configErrorOf(() => loadTemporalConfig({ TEMPORAL_TLS_CA_PATH: '/etc/ca.pem' })).variable).toBe(
      'TEMPORAL_TLS_CA_PATH',
    );
    expect(configErrorOf(() => loadTemporalConfig({ TEMPORAL_API_KEY: 'k' })).variable).toBe('TEMPORAL_API_KEY');
  });

  it('a client certificate without its key names the missing variable', () => {
    const err = configErrorOf(() =>
      loadTemporalConfig({ TEMPORAL_ADDRESS: 'h:7233', TEMPORAL_TLS_CERT_PATH: '/c.pem' }),
    );
    expect(err.variable).toBe('TEMPORAL_TLS_KEY_PATH');
  });

  it('an external address with mTLS files loads them and passes them to client and worker connections', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-tls-'));
    try {
      for (const name of ['ca', 'crt', 'key']) fs.writeFileSync(path.join(dir, `${name}.pem`), `${name}-pem`);
      const cfg = loadTemporalConfig({
        TEMPORAL_ADDRESS: 'temporal.example.com:7233',
        TEMPORAL_NAMESPACE: 'breachline-prod',
        TEMPORAL_TLS_CA_PATH: path.join(dir, 'ca.pem'),
        TEMPORAL_TLS_CERT_PATH: path.join(dir, 'crt.pem'),
        TEMPORAL_TLS_KEY_PATH: path.join(dir, 'key.pem'),
        TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      });
      expect(cfg.external).toBe(true);
      expect(cfg.address).toBe('temporal.example.com:7233');
      expect(cfg.tls?.serverRootCACertificate?.toString()).toBe('ca-pem');
      expect(cfg.tls?.clientCertPair?.key.toString()).toBe('key-pem');
      for (const opts of [clientConnectionOptions(cfg), workerConnectionOptions(cfg)]) {
        expect(opts.address).toBe('temporal.example.com:7233');
        expect(opts.tls).toMatchObject({ serverNameOverride: 'temporal.internal' });
        expect(opts.apiKey).toBeUndefined();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a remote Temporal server without mTLS or an API key is refused unless BREACHLINE_TEMPORAL_INSECURE=1', () => {
    const err = configErrorOf(() => loadTemporalConfig({ TEMPORAL_ADDRESS: 'temporal.example.com:7233' }));
    expect(err.variable).toBe('TEMPORAL_ADDRESS');
    expect(err.message).toContain('TEMPORAL_API_KEY');
    // Server TLS alone proves the server to us, not us to the server.
    expect(() => loadTemporalConfig({ TEMPORAL_ADDRESS: 'temporal.example.com:7233', TEMPORAL_TLS: 'true' })).toThrow(
      /mTLS/,
    );
    const allowed = loadTemporalConfig({
      TEMPORAL_ADDRESS: 'temporal.example.com:7233',
      BREACHLINE_TEMPORAL_INSECURE: '1',
    });
    expect(allowed.insecureRemote).toBe(true);
    // Every process that connects says so at its start; a secured one says nothing.
    const said: string[] = [];
    const logger = { warn: (_obj: object, msg: string) => void said.push(msg) };
    warnIfInsecureTemporal(allowed, logger);
    warnIfInsecureTemporal(loadTemporalConfig({ TEMPORAL_ADDRESS: '127.0.0.1:7233' }), logger);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('BREACHLINE_TEMPORAL_INSECURE=1');
    // This machine is not remote: a cluster on loopback needs no credentials.
    for (const address of ['127.0.0.1:7233', 'localhost:7233', '[::1]:7233'])
      expect(loadTemporalConfig({ TEMPORAL_ADDRESS: address }).insecureRemote).toBe(false);
    expect(
      loadTemporalConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' }).insecureRemote,
    ).toBe(false);
  });

  it('an API key (Temporal Cloud) turns TLS on unless TEMPORAL_TLS=false', () => {
    const cloud = loadTemporalConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'secret-key' });
    expect(cloud.tls).toEqual({});
    expect(workerConnectionOptions(cloud)).toMatchObject({ tls: {}, apiKey: 'secret-key' });
    const proxied = loadTemporalConfig({
      TEMPORAL_ADDRESS: 'localhost:7233',
      TEMPORAL_API_KEY: 'k',
      TEMPORAL_TLS: 'false',
    });
    expect(clientConnectionOptions(proxied).tls).toBe(false);
  });
});

describe('app.config', () => {
  it.each([
    ['PORT', 'not-a-port'],
    ['BREACHLINE_WEBHOOK_SECRETS', 'no-colon-here'],
    ['BREACHLINE_WEBHOOK_SECRETS', 'siem:short'],
    ['TWILIO_FROM_NUMBER', '555-0100'],
  ])('a bad %s=%s is rejected naming the variable', (variable, value) => {
    const env: NodeJS.ProcessEnv = { [variable]: value };
    if (variable === 'TWILIO_FROM_NUMBER') {
      env.TWILIO_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
      env.TWILIO_AUTH_TOKEN = 'token';
    }
    const err = configErrorOf(() => loadAppConfig(env));
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(new RegExp(`^${variable}: `));
  });
});
