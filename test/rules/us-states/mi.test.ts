import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-mi:individuals:residents';

describe('Mich. Comp. Laws §§ 445.63, 445.72 (unconfirmed: the text could not be read)', () => {
  it.each([
    { el: 'national_id', covered: true },
    { el: 'drivers_license', covered: true },
    { el: 'passport', covered: false },
    { el: 'health', covered: false },
  ])('Mich. Comp. Laws 445.63(r): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-MI': 5 } }), IND).required).toBe(covered);
  });

  it('Mich. Comp. Laws 445.72(1): no substantial loss or injury likely, no notice; the test is quoted', () => {
    const o = find(run({ affected: { 'US-MI': 5 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/substantial loss or injury/);
  });

  it('Mich. Comp. Laws 445.72(6): the notice describes the breach, the data, the protection, a telephone number and vigilance', () => {
    const o = find(run({ affected: { 'US-MI': 5 } }), IND);
    expect(o.content).toEqual(
      expect.arrayContaining([
        'nature',
        'categories_of_data',
        'measures_taken',
        'contact_point',
        'steps_for_individuals',
      ]),
    );
    expect(o.dueAt).toBeNull();
  });

  it('Mich. Comp. Laws 445.72(8): consumer reporting agencies above 1,000, not at 1,000', () => {
    const id = 'us-mi:credit_agencies:nationwide-cras';
    expect(find(run({ affected: { 'US-MI': 1000 } }), id).required).toBe(false);
    expect(find(run({ affected: { 'US-MI': 1001 } }), id).required).toBe(true);
  });

  it('Mich. Comp. Laws 445.72: nothing is marked confirmed', () => {
    expect(find(run({ affected: { 'US-MI': 5 } }), IND).sources?.every((s) => !s.confirmed)).toBe(true);
  });
});
