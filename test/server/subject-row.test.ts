// The import's hand-written fast path agrees with subjectRowSchema (zod): when it
// accepts a row, zod accepts it with the same data; when it declines, zod rejects
// it too, for plain string rows like the CSV parser's. Random input leans on the
// characters the rules care about: spaces, case, @ and dots, +, digits, dashes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subjectRowSchema } from '../../server/schemas';
import { checkSubjectRow, checkSubjectRowFast } from '../../server/subject-row';

const piece = (alphabet: string, maxLength = 24) => fc.string({ unit: fc.constantFrom(...alphabet), maxLength });
const spaced = (a: fc.Arbitrary<string>) =>
  fc.tuple(piece(' \t', 2), a, piece(' \t\u00a0', 2)).map(([l, v, r]) => `${l}${v}${r}`);

const email = fc.oneof(
  {
    arbitrary: fc
      .tuple(piece('abcXYZ09._+-', 10), fc.constantFrom('example.org', 'Mail.EXAMPLE.de', 'a-b.co'))
      .map(([l, d]) => `${l || 'x'}@${d}`),
    weight: 4,
  },
  fc.emailAddress(),
  fc.emailAddress().map((e) => e.toUpperCase()),
  piece("abcXYZ09._'+-@", 30),
  fc
    .tuple(piece('ab.+_-', 8), piece('a.b-9', 12), fc.constantFrom('org', 'de', 'c', 'x1', 'ORG'))
    .map(([l, d, t]) => `${l}@${d}.${t}`),
);
const phone = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1_000_000, max: 99_999_999 }),
        fc.constantFrom(' ', '-', ''),
      )
      .map(([cc, n, sep]) => `+${cc}${sep}(${n % 1000})${sep}${n}`),
    weight: 4,
  },
  piece('+0123456789 ()-', 22),
  fc.integer({ min: 1_000_000, max: 999_999_999_999_999 }).map((n) => `+${n}`),
  fc.constant('+1 (415) 555-0100'),
);
const jurisdiction = fc.oneof(
  { arbitrary: fc.constantFrom('DE', 'fr', ' US-ny', 'AU-VIC'), weight: 4 },
  fc.constantFrom('DE', 'de', 'US-CA', 'us-ca', 'XX', 'US', 'US-ZZ', 'CA-QC', 'AU-NSW', 'GB', 'EU', ''),
  piece('ABCDEFGHUSde-', 6),
);
const locale = fc.oneof(
  { arbitrary: fc.constantFrom('en', 'de', 'zh-CN', 'pt-BR', 'sr-Latn-RS'), weight: 4 },
  fc.constantFrom('en', 'zh-CN', 'en-US', 'EN', 'english', 'de-1996', 'x', 'abcd', 'en--US', ''),
  piece('abzCN-019_', 12),
);
const name = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ minLength: 195, maxLength: 205 }), fc.constant(''));
// Lines joined by real line breaks or the two characters \n, some too many, too long or holding control characters.
const postalAddress = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.array(piece('ab 1,.-', 20), { maxLength: 7 }), fc.constantFrom('\n', '\\n', '\r\n', ' \n '))
      .map(([lines, sep]) => lines.join(sep)),
    weight: 4,
  },
  fc.string({ minLength: 55, maxLength: 65 }),
  piece('a\n\t\u0007 ', 30),
  fc.string({ minLength: 395, maxLength: 405 }),
);

const row = fc.record(
  {
    name: spaced(name),
    email: spaced(email),
    phone: spaced(phone),
    jurisdiction: spaced(jurisdiction),
    locale: spaced(locale),
    postalAddress,
  },
  { requiredKeys: [] },
);

describe('checkSubjectRowFast', () => {
  it('accepts exactly the rows zod accepts, with the same data', () => {
    let accepted = 0;
    fc.assert(
      fc.property(row, (raw) => {
        const fast = checkSubjectRowFast(raw);
        const slow = subjectRowSchema.safeParse(raw);
        if (fast === undefined) expect(slow.success).toBe(false);
        else {
          accepted++;
          expect(slow).toEqual({ success: true, data: fast });
        }
      }),
      { numRuns: 20_000 },
    );
    // Both answers matter: a generator that made only bad rows would prove little.
    expect(accepted).toBeGreaterThan(1_000);
    expect(accepted).toBeLessThan(19_000);
  });

  it('leaves rows that are not plain strings to zod, whose answer checkSubjectRow gives', () => {
    for (const raw of [
      { name: 42 },
      { email: null },
      { phone: ['+4930123456'] },
      Object.assign(Object.create({ inherited: true }) as object, { name: 'Ada' }),
    ]) {
      expect(checkSubjectRowFast(raw as Record<string, unknown>)).toBeUndefined();
    }
    expect(checkSubjectRow({ name: 42 })).toEqual({
      ok: false,
      field: 'name',
      message: 'Invalid input: expected string, received number',
    });
    expect(checkSubjectRow({ email: null })).toMatchObject({ ok: false, field: 'email' });
  });
});
