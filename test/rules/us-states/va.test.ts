import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const VA = (n: number, over: object = {}) => run({ affected: { 'US-VA': n }, ...over });
const residents = 'us-va:individuals:residents';

describe('Va. Code § 18.2-186.6', () => {
  it('Va. Code 18.2-186.6(A): a breach must cause or be reasonably believed to cause identity theft or fraud; none assessed, no notice', () => {
    expect(find(VA(10, { riskLevel: 'none' }), residents).required).toBe(false);
    expect(find(VA(10), residents).required).toBe(true);
    expect(find(VA(10), residents).sources?.some((s) => s.confirmed && /18\.2-186\.6\(A\)/.test(s.fact))).toBe(true);
  });

  it('Va. Code 18.2-186.6(A): encrypted data is outside the breach definition', () => {
    expect(find(VA(10, { encrypted: true }), residents).required).toBe(false);
  });

  it('Va. Code 32.1-127.1:05: medical information is not counted for a private entity', () => {
    expect(find(VA(10, { dataElements: ['name', 'health'] }), residents).required).toBe(false);
    expect(find(VA(10, { dataElements: ['name', 'health_insurance'] }), residents).required).toBe(false);
  });

  it('Va. Code 18.2-186.6(A) as amended in 2019: passport and military ID count from 2019-07-01, not before', () => {
    expect(find(VA(10, { dataElements: ['name', 'passport'] }), residents).required).toBe(true);
    expect(find(VA(10, { dataElements: ['name', 'government_id'] }), residents).required).toBe(true);
    expect(
      find(VA(10, { dataElements: ['name', 'passport'], awarenessAt: '2019-03-01T12:00:00Z' }), residents).required,
    ).toBe(false);
  });

  it('Va. Code 18.2-186.6(B): the Office of the Attorney General for any breach requiring notice', () => {
    expect(find(VA(1), 'us-va:regulator:attorney-general').required).toBe(true);
  });

  it('Va. Code 18.2-186.6(E): consumer reporting agencies above 1,000 residents, not at 1,000', () => {
    expect(find(VA(1001), 'us-va:credit_agencies:nationwide-cras').required).toBe(true);
    expect(find(VA(1000), 'us-va:credit_agencies:nationwide-cras').required).toBe(false);
  });

  it('Va. Code 18.2-186.6(A) "notice": the content the notice must describe', () => {
    const o = find(VA(10), residents);
    expect(o.content).toEqual(
      expect.arrayContaining([
        'nature',
        'categories_of_data',
        'measures_taken',
        'contact_point',
        'steps_for_individuals',
      ]),
    );
    expect(o.content).not.toContain('regulator_contacts');
  });
});
