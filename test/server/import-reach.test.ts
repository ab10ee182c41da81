// After an import the page says how each imported person will be reached: which
// channel under the incident's policy, in which language.
import { describe, expect, it } from 'vitest';
import { reachOf } from '../../server/import-reach';

const mix = [
  { locale: 'de-DE', withEmail: true, withPhone: true, people: 3 },
  { locale: 'de', withEmail: false, withPhone: true, people: 2 },
  { locale: 'en', withEmail: true, withPhone: false, people: 4 },
  { locale: 'en', withEmail: false, withPhone: false, people: 1 },
];

describe('how imported people will be reached', () => {
  it('email first, SMS only where there is no email (the default policy), by normalised language', () => {
    expect(reachOf(mix, 'sms_fallback')).toEqual([
      { locale: 'de', channel: 'email', people: 3 },
      { locale: 'de', channel: 'sms', people: 2 },
      { locale: 'en', channel: 'email', people: 4 },
      { locale: 'en', channel: 'none', people: 1 },
    ]);
  });

  it('email only leaves phone-only people without a channel', () => {
    expect(reachOf(mix, 'email')).toContainEqual({ locale: 'de', channel: 'none', people: 2 });
  });

  it('both sends email and SMS to people with both', () => {
    expect(reachOf(mix, 'both')).toContainEqual({ locale: 'de', channel: 'email_and_sms', people: 3 });
  });

  it('the call policies reach phone-only people by telephone', () => {
    expect(reachOf(mix, 'call')).toContainEqual({ locale: 'de', channel: 'phone', people: 2 });
    expect(reachOf(mix, 'sms_or_call')).toContainEqual({ locale: 'de', channel: 'phone', people: 2 });
    expect(reachOf(mix, 'call')).toContainEqual({ locale: 'de', channel: 'email', people: 3 });
  });
});
