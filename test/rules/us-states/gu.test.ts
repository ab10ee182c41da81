import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const GU = (n: number, over: object = {}) => run({ affected: { 'US-GU': n }, ...over });
const residents = 'us-gu:individuals:residents';

describe('9 Guam Code Ann. §§ 48.10-48.80', () => {
  it('9 GCA 48.30: without unreasonable delay, no day limit and no regulator', () => {
    const list = GU(10);
    expect(find(list, residents).dueAt).toBeNull();
    expect(list.filter((o) => o.regime === 'us-gu').map((o) => o.audience)).toEqual(['individuals']);
  });

  it('9 GCA 48.20: no notice when no identity theft or fraud is reasonably believed', () => {
    expect(find(GU(10, { riskLevel: 'none' }), residents).required).toBe(false);
  });

  it('9 GCA 48.20: passport and health data are not personal information', () => {
    expect(find(GU(10, { dataElements: ['name', 'passport', 'health'] }), residents).required).toBe(false);
  });

  it('9 GCA ch. 48: nothing confirmed against the text', () => {
    expect(find(GU(10), residents).sources?.every((s) => !s.confirmed)).toBe(true);
  });
});
