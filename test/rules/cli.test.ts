import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = (input: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bin', 'obligations.ts'), '-'], {
    input,
    encoding: 'utf8',
    cwd: root,
  });

describe('npm run obligations', () => {
  it('prints the obligations as a JSON array for facts on stdin', () => {
    const r = cli(
      JSON.stringify({
        awarenessAt: '2026-03-06T09:00:00Z',
        role: 'controller',
        dataElements: ['name', 'national_id'],
        encrypted: false,
        keyCompromised: false,
        affected: { 'US-CA': 600, DE: 1200, CN: 40 },
        riskLevel: 'high_risk',
        establishments: { main: 'IE' },
      }),
    );
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string }[];
    expect(list.map((o) => o.id)).toContain('eu-gdpr:regulator:ie');
    expect(list.map((o) => o.id)).toContain('us-ca:regulator:attorney-general');
  });

  it('rejects bad facts with exit 2 and names the field', () => {
    const r = cli(
      JSON.stringify({
        awarenessAt: 'yesterday',
        role: 'controller',
        dataElements: [],
        encrypted: false,
        keyCompromised: false,
        affected: { 'US-XX': 1 },
        riskLevel: 'none',
      }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/awarenessAt:/);
    expect(r.stderr).toMatch(/affected\.US-XX: unknown jurisdiction/);
  });
});
