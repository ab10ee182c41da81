// The channels that count as notice to individuals under each law (issue 14): an SMS or a call meets an
// obligation only where its law accepts that channel.
import { describe, expect, it } from 'vitest';
import { find, run } from './helpers';

describe('the channels that count as notice to individuals', () => {
  it('California: written notice, or email only with E-SIGN consent; no SMS or call', () => {
    const o = find(run({ affected: { 'US-CA': 10 } }), 'us-ca:individuals:residents');
    expect(o.channels).toEqual({ letter: 'counts', email: 'with_consent' });
  });

  it('HIPAA: first-class mail, email with the person agreeing, a call only in addition', () => {
    const list = run({ affected: { 'US-NY': 10 }, dataElements: ['name', 'health'], sectors: ['hipaa'] });
    const o = list.find((x) => x.regime === 'us-hipaa' && x.audience === 'individuals');
    expect(o?.channels).toEqual({ letter: 'counts', email: 'with_consent', call: 'in_addition' });
  });

  it('another state: email, SMS and letter', () => {
    const o = find(run({ affected: { 'US-TX': 10 } }), 'us-tx:individuals:residents');
    expect(o.channels).toEqual({ email: 'counts', sms: 'counts', letter: 'counts' });
  });
});
