import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { devServerArgs, startDevServer } from '../../bin/dev-server';
import { findTemporalCli } from '../../bin/temporal-cli';
import { loadTemporalConfig } from '../../temporal.config';
import { freePort, testTemporalAddress } from '../support/temporal-env';

const DAY_MS = 24 * 60 * 60 * 1000;

async function retentionDays(connection: Connection, namespace = 'default'): Promise<number> {
  const ns = await connection.workflowService.describeNamespace({ namespace });
  return tsToMs(ns.config?.workflowExecutionRetentionTtl) / DAY_MS;
}

describe('the dev server from global setup', () => {
  it('keeps closed workflows 30 days instead of the dev default of one', async () => {
    const connection = await Connection.connect({ address: testTemporalAddress() });
    try {
      expect(await retentionDays(connection)).toBe(30);
    } finally {
      await connection.close();
    }
  });
});

describe('startDevServer with a database file', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-devserver-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('builds the documented argv', () => {
    const cfg = loadTemporalConfig({ BREACHLINE_DATA_DIR: dataDir });
    expect(devServerArgs(cfg).join(' ')).toBe(
      `server start-dev --ip 127.0.0.1 --port 7233 --db-filename ${dataDir}/temporal.sqlite ` +
        '--sqlite-pragma journal_mode=WAL --sqlite-pragma synchronous=NORMAL --ui-port 8233 --namespace default ' +
        '--log-level warn --dynamic-config-value frontend.enableUpdateWorkflowExecution=true ' +
        '--dynamic-config-value frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
    );
    expect(devServerArgs(cfg, { inMemory: true })).not.toContain('--db-filename');
  });

  it('keeps workflows and the namespace retention across a restart on the same file', async () => {
    const port = await freePort();
    const cfg = loadTemporalConfig({
      BREACHLINE_DATA_DIR: dataDir,
      TEMPORAL_DEV_PORT: String(port),
      TEMPORAL_DEV_HEADLESS: 'true',
      TEMPORAL_NAMESPACE: 'breachline-test',
      TEMPORAL_RETENTION_DAYS: '7',
    });
    const workflowId = `survives-restart-${Date.now()}`;

    const first = await startDevServer(cfg);
    try {
      const connection = await Connection.connect({ address: first.address });
      const client = new Client({ connection, namespace: cfg.namespace });
      // No worker polls this queue: the workflow stays open, like an incident awaiting a decision.
      await client.workflow.start('incident', { taskQueue: 'nobody-polls', workflowId, args: [] });
      await connection.close();
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(cfg.dev.dbFile)).toBe(true);

    // The SDK's own launcher sets no retention, so what it sees is what the file kept.
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: findTemporalCli()! },
        dbFilename: cfg.dev.dbFile,
        ip: '127.0.0.1',
        port,
        namespace: cfg.namespace,
      },
    });
    try {
      expect(await retentionDays(env.connection, cfg.namespace)).toBe(7);
      const description = await env.client.workflow.getHandle(workflowId).describe();
      expect(description.status.name).toBe('RUNNING');
    } finally {
      await env.teardown();
    }
  });

  it('refuses a port that is taken, naming the variable to change', async () => {
    const port = Number(testTemporalAddress().split(':').pop());
    const cfg = loadTemporalConfig({
      BREACHLINE_DATA_DIR: dataDir,
      TEMPORAL_DEV_PORT: String(port),
      TEMPORAL_DEV_HEADLESS: 'true',
    });
    await expect(startDevServer(cfg, { inMemory: true })).rejects.toThrow(/already in use.*TEMPORAL_DEV_PORT/);
  });

  it('names the CLI it could not run, though the shim is what it spawns', async () => {
    const cfg = loadTemporalConfig({
      BREACHLINE_DATA_DIR: dataDir,
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_DEV_HEADLESS: 'true',
    });
    await expect(startDevServer(cfg, { inMemory: true, cliPath: '/nonexistent/temporal' })).rejects.toThrow(
      /^could not run \/nonexistent\/temporal: .*ENOENT/,
    );
  });
});
