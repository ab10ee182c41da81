import { z } from 'zod';
import { DATA_ELEMENTS } from '../../rules/vocabulary';
import { readTemplateJson } from './loader';
import type { Locale } from './locale';
import { TemplateError } from './template-error';

// The vocabulary is the rules catalog's; every element in it needs a label, a risk and advice here.
export { DATA_ELEMENTS, type DataElement } from '../../rules/vocabulary';

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
