import { z } from 'zod';
import { readTemplateJson } from './loader';
import type { Locale } from './locale';
import { TemplateError } from './template-error';

/** The data-element vocabulary the assessment uses; each has a label, a risk and advice per locale. */
export const DATA_ELEMENTS = [
  'name',
  'email',
  'phone',
  'postal_address',
  'date_of_birth',
  'national_id',
  'drivers_license',
  'passport',
  'tax_id',
  'financial_account',
  'payment_card',
  'account_credentials',
  'health',
  'health_insurance',
  'biometric',
  'genetic',
  'precise_location',
  'online_identifier',
  'children',
] as const;
export type DataElement = (typeof DATA_ELEMENTS)[number];

const entrySchema = z.object({ label: z.string().min(1), risk: z.string().min(1), advice: z.string().min(1) });
const fileSchema = z.record(z.string(), entrySchema);
export type DataElementText = z.infer<typeof entrySchema>;

const loaded = new Map<Locale, Record<string, DataElementText>>();

/** Labels, risks and advice for every element, checked once: a missing element is a template error, not a blank. */
export function dataElementTexts(locale: Locale): Record<string, DataElementText> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const name = `data-elements/${locale}.json`;
  const parsed = fileSchema.safeParse(readTemplateJson('data-elements', locale));
  if (!parsed.success) throw new TemplateError(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, name);
  const missing = DATA_ELEMENTS.filter((id) => !parsed.data[id]);
  if (missing.length > 0) throw new TemplateError(`${name}: no text for ${missing.join(', ')}`, name, missing[0]);
  loaded.set(locale, parsed.data);
  return parsed.data;
}

/** An element outside the vocabulary shows its id, so a new element is visible rather than dropped. */
export function dataElementLabel(id: string, locale: Locale): string {
  return dataElementTexts(locale)[id]?.label ?? id;
}
