// Each test gets its own copy of a documented sample, so one test's edits never reach another.
import fs from 'node:fs';
import path from 'node:path';

export function loadSample(name: string): Record<string, unknown> & { alerts?: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'samples', name), 'utf8'));
}
