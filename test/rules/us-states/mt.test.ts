import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-mt:individuals:residents';
const AG = 'us-mt:regulator:attorney-general';

describe('Mont. Code § 30-14-1704 (unconfirmed: the text could not be read)', () => {
  it.each([
    { el: 'health', covered: true },
    { el: 'tax_id', covered: true },
    { el: 'government_id', covered: true },
    { el: 'national_id', covered: true },
    { el: 'passport', covered: false },
    { el: 'account_credentials', covered: false },
  ])('Mont. Code 30-14-1704(4)(b): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-MT': 5 } }), IND).required).toBe(covered);
  });

  it('Mont. Code 30-14-1704(8): the Office of Consumer Protection for a single resident, at the same time', () => {
    const o = find(run({ affected: { 'US-MT': 1 } }), AG);
    expect(o.required).toBe(true);
    expect(o.order).toBe('withIndividuals');
  });

  it('Mont. Code 30-14-1702: no loss or injury reasonably believed, no notice', () => {
    const list = run({ affected: { 'US-MT': 5 }, riskLevel: 'none' });
    expect(find(list, IND).required).toBe(false);
    expect(find(list, AG).required).toBe(false);
  });

  it('Mont. Code 30-14-1704: nothing is marked confirmed', () => {
    expect(find(run({ affected: { 'US-MT': 5 } }), IND).sources?.every((s) => !s.confirmed)).toBe(true);
  });
});
