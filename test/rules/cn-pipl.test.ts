import { describe, expect, it } from 'vitest';
import { run, find, ids } from './helpers';

describe('China PIPL (cn-pipl)', () => {
  it.each([
    {
      name: 'Art. 57(1): authorities immediately, whatever the risk',
      over: { affected: { CN: 40 }, riskLevel: 'none' as const },
      id: 'cn-pipl:regulator:cac',
      required: true,
    },
    {
      name: 'Art. 57(1): individuals immediately',
      over: { affected: { CN: 40 } },
      id: 'cn-pipl:individuals:individuals',
      required: true,
    },
    {
      name: 'Art. 57(2): individuals skipped where measures effectively avoid harm',
      over: { affected: { CN: 40 }, riskLevel: 'none' as const },
      id: 'cn-pipl:individuals:individuals',
      required: false,
    },
    {
      name: 'Art. 57: encryption alone is no exemption',
      over: { affected: { CN: 40 }, encrypted: true },
      id: 'cn-pipl:individuals:individuals',
      required: true,
    },
  ])('$name', ({ over, id, required }) => {
    const o = find(run(over), id);
    expect(o.required).toBe(required);
    expect(o.dueAt).toBeNull();
    expect(o.deadline).toBe('immediately');
  });

  it('Art. 57(2): the why keeps the authority’s power to require notice', () => {
    expect(find(run({ affected: { CN: 40 }, riskLevel: 'none' }), 'cn-pipl:individuals:individuals').why).toMatch(
      /unless the departments/,
    );
  });

  it('Art. 59: an entrusted party tells the handler instead', () => {
    expect(ids(run({ affected: { CN: 40 }, role: 'processor' })).filter((i) => i.startsWith('cn-pipl'))).toEqual([
      'cn-pipl:controller:controller',
    ]);
  });

  it('Art. 57: no hold delays it', () => {
    const o = find(
      run({ affected: { CN: 40 }, lawEnforcementHold: { requestedAt: '2026-03-06T10:00:00Z', releasedAt: null } }),
      'cn-pipl:individuals:individuals',
    );
    expect(o.holdMayDelay).toBe(false);
  });
});
