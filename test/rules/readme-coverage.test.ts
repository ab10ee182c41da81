import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withStateTable } from '../../rules/state-coverage';

describe('rules/README.md', () => {
  it('its US states table is the one generated from the entries (npm run rules:readme)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'rules', 'README.md'), 'utf8');
    expect(readme).toBe(withStateTable(readme));
  });
});
