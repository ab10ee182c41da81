// Fuzzes the running app through its own API description: schemathesis (PyPI, installed
// into .tools beside the Temporal binaries) generates requests for every operation in
// /api/openapi.json, follows the new incident's links, and fails on any 5xx, any status
// the description does not list, any undocumented content type or any response that
// does not match its schema.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/app-process';
import { REPO_ROOT } from '../../bin/temporal-cli';

const SCHEMATHESIS = path.join(REPO_ROOT, '.tools', 'bin', 'schemathesis');
let app: AppProcess;

beforeAll(async () => {
  if (!fs.existsSync(SCHEMATHESIS))
    throw new Error(`${SCHEMATHESIS} is missing: .tools/bin/pip install schemathesis (see the README's test setup)`);
  // The per-address API limit would answer most generated requests 429.
  app = await startApp({ env: { BREACHLINE_API_RATE_LIMIT: '1000000' } });
}, 180_000);
afterAll(async () => {
  await app?.dispose();
});

function schemathesis(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(SCHEMATHESIS, args, { env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the API under schemathesis', () => {
  it('answers every generated request without a server error and as its description says', async () => {
    const { code, output } = await schemathesis([
      'run',
      `${app.baseUrl}/api/openapi.json`,
      '--url',
      app.baseUrl,
      '--header',
      `Authorization: Bearer ${app.token}`,
      '--checks',
      'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance',
      '--max-examples',
      '20',
      // A fixed seed: a failure found in CI is the same failure on a laptop.
      '--seed',
      '20261207',
    ]);
    // The whole run stays readable after a failure (the assertion shows only its end).
    fs.writeFileSync(path.join(os.tmpdir(), 'breachline-schemathesis.txt'), output);
    const summary = output.slice(output.lastIndexOf('SUMMARY'));
    expect(summary, output.slice(-6000)).toMatch(/\d+ generated, (\d+) passed/);
    expect(code, output.slice(-6000)).toBe(0);
  }, 300_000);
});
