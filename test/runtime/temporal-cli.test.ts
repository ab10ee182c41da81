import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../app.config';
import { findTemporalCli, findTestServer } from '../../bin/temporal-cli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-cli-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function executable(dir: string, name: string): string {
  fs.mkdirSync(path.join(root, dir), { recursive: true });
  const file = path.join(root, dir, name);
  fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
  return file;
}

const explicit = executable('explicit', 'temporal');
const onPath = executable('path-bin', 'temporal');
const tools = executable('tools-bin', 'temporal');
const toolsBin = path.dirname(tools);
const emptyDir = path.join(root, 'empty');
fs.mkdirSync(emptyDir);
const PATH = [emptyDir, path.dirname(onPath)].join(path.delimiter);

describe('findTemporalCli', () => {
  it('prefers TEMPORAL_CLI_PATH over a temporal on PATH', () => {
    expect(findTemporalCli({ TEMPORAL_CLI_PATH: explicit, PATH }, toolsBin)).toBe(explicit);
  });

  it('prefers a temporal on PATH over .tools/bin', () => {
    expect(findTemporalCli({ PATH }, toolsBin)).toBe(onPath);
  });

  it('falls back to .tools/bin, and to null when there is none', () => {
    expect(findTemporalCli({ PATH: emptyDir }, toolsBin)).toBe(tools);
    expect(findTemporalCli({ PATH: emptyDir }, emptyDir)).toBeNull();
  });

  it('skips a file on PATH that is not executable', () => {
    const dir = path.join(root, 'not-exec');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'temporal'), 'x', { mode: 0o644 });
    expect(findTemporalCli({ PATH: dir }, toolsBin)).toBe(tools);
  });

  it('a TEMPORAL_CLI_PATH that points nowhere is an error naming the variable, not a silent fallback', () => {
    let err: unknown;
    try {
      findTemporalCli({ TEMPORAL_CLI_PATH: path.join(root, 'missing'), PATH }, toolsBin);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe('TEMPORAL_CLI_PATH');
  });
});

describe('findTestServer', () => {
  it('follows the same order with its own names', () => {
    const server = executable('tools-bin', 'temporal-test-server');
    const explicitServer = executable('explicit', 'temporal-test-server');
    expect(findTestServer({ PATH: emptyDir }, toolsBin)).toBe(server);
    expect(findTestServer({ PATH: emptyDir, TEMPORAL_TEST_SERVER_PATH: explicitServer }, toolsBin)).toBe(
      explicitServer,
    );
  });
});
