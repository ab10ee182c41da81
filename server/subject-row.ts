// One imported person, checked. subjectRowSchema (zod) is the definition; at a
// million rows its per-row cost dominated the import, so plain string rows take
// a hand-written path that gives the same answers (test/server/subject-row.test.ts
// compares both on random input). Anything that path is not sure of, and every
// rejection, goes through zod, so rejection messages are zod's own.
import { z } from 'zod';
import { isKnownJurisdiction } from '../rules';
import { checkPostalAddress } from './postal-address';
import { E164_PATTERN, LOCALE_PATTERN, subjectRowSchema, type SubjectRow } from './schemas';

export type CheckedRow = { ok: true; row: SubjectRow } | { ok: false; field: string; message: string };

const EMAIL_PATTERN = z.regexes.email;
const PHONE_PUNCTUATION = /[\s()-]/g;
const FIELDS = ['name', 'email', 'phone', 'jurisdiction', 'locale', 'postalAddress'] as const;

/** The row if it is a plain object of strings that passes; undefined when zod must decide. */
export function checkSubjectRowFast(raw: Record<string, unknown>): SubjectRow | undefined {
  const proto = Object.getPrototypeOf(raw) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  for (const f of FIELDS) {
    const v = raw[f];
    if (v !== undefined && typeof v !== 'string') return undefined;
  }
  const r = raw as Partial<Record<(typeof FIELDS)[number], string>>;
  const name = r.name?.trim();
  if (name !== undefined && name.length > 200) return undefined;
  const emailText = r.email?.trim();
  const email = emailText ? emailText.toLowerCase() : null;
  if (email !== null && !EMAIL_PATTERN.test(email)) return undefined;
  const phoneText = r.phone?.trim();
  const phone = phoneText ? phoneText.replace(PHONE_PUNCTUATION, '') : null;
  if (phone !== null && !E164_PATTERN.test(phone)) return undefined;
  const jurisdictionText = r.jurisdiction?.trim();
  const jurisdiction = jurisdictionText ? jurisdictionText.toUpperCase() : null;
  if (jurisdiction !== null && !isKnownJurisdiction(jurisdiction)) return undefined;
  const locale = r.locale?.trim() || 'en';
  if (!LOCALE_PATTERN.test(locale)) return undefined;
  const postal = checkPostalAddress(r.postalAddress);
  if (!postal.ok) return undefined;
  return { name: name ? name : null, email, phone, jurisdiction, locale, postalAddress: postal.value };
}

/** Validates one row; a rejection names the first field at fault, or `row` for the row as a whole. */
export function checkSubjectRow(raw: Record<string, unknown>): CheckedRow {
  let row = checkSubjectRowFast(raw);
  if (row === undefined) {
    const parsed = subjectRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, field: issue.path.join('.') || 'row', message: issue.message };
    }
    row = parsed.data;
  }
  if (!row.email && !row.phone && !row.name)
    return { ok: false, field: 'row', message: 'needs at least a name, an email or a phone' };
  return { ok: true, row };
}
