// Locates the Temporal binaries: an explicit path wins, then PATH, then the copy
// `npm run setup:temporal` installs under .tools (pinned, so the dev server's
// SQLite file format does not change under a user between upgrades).
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../app.config';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const TOOLS_BIN = path.join(REPO_ROOT, '.tools', 'bin');

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string, env: NodeJS.ProcessEnv): string | null {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function find(variable: string, name: string, env: NodeJS.ProcessEnv, toolsBin: string): string | null {
  const explicit = env[variable]?.trim();
  if (explicit) {
    // A path the user chose and mistyped must not silently fall through to another binary.
    const resolved = path.resolve(explicit);
    if (!isExecutable(resolved)) throw new ConfigError(variable, `no executable file at ${resolved}`);
    return resolved;
  }
  const onPath = findOnPath(name, env);
  if (onPath) return onPath;
  const local = path.join(toolsBin, name);
  return isExecutable(local) ? local : null;
}

/** TEMPORAL_CLI_PATH, then `temporal` on PATH, then <repo>/.tools/bin/temporal. */
export function findTemporalCli(env: NodeJS.ProcessEnv = process.env, toolsBin: string = TOOLS_BIN): string | null {
  return find('TEMPORAL_CLI_PATH', 'temporal', env, toolsBin);
}

/** TEMPORAL_TEST_SERVER_PATH, then `temporal-test-server` on PATH, then <repo>/.tools/bin/temporal-test-server. */
export function findTestServer(env: NodeJS.ProcessEnv = process.env, toolsBin: string = TOOLS_BIN): string | null {
  return find('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server', env, toolsBin);
}
