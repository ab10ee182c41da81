// The two optional import columns about telephone calls: `phoneType` (mobile | landline)
// and `callConsent` (whether the person agreed to be called on their mobile). Unlike a
// row's other fields, a bad value here stops the whole import with a 400 naming the column
// and the row: a typo in a column meant for every row would otherwise quietly turn a whole
// list's landlines into numbers of unknown type, who are then not called.
import { HttpError } from './errors';

export type PhoneType = 'mobile' | 'landline';

export interface CallFields {
  phoneType: PhoneType | null;
  /** true or false as recorded; null when the import did not say. */
  callConsent: boolean | null;
}

const CONSENT: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return '\u0000';
  const t = v.trim().toLowerCase();
  return t === '' ? null : t;
}

/** The row's call fields; throws 400 naming the field and row (1-based, the header not counted). */
export function readCallFields(raw: Record<string, unknown>, row: number): CallFields {
  const type = text(raw.phoneType);
  if (type !== null && type !== 'mobile' && type !== 'landline')
    throw new HttpError(400, `row ${row}: phoneType must be "mobile" or "landline" (or left empty)`, 'phoneType');
  const consent = text(raw.callConsent);
  if (consent !== null && !Object.hasOwn(CONSENT, consent))
    throw new HttpError(400, `row ${row}: callConsent must be true or false (or left empty)`, 'callConsent');
  return { phoneType: type, callConsent: consent === null ? null : CONSENT[consent]! };
}
