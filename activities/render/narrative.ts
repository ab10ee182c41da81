import { z } from 'zod';
import { dataElementTexts } from './data-elements';
import { compileTemplate, readTemplateJson, type TemplateFn } from './loader';
import type { Locale } from './locale';
import type { IncidentFactsView } from './types';
import { TemplateError } from './template-error';

/** A narrative section as templates see it: the assessor's text, or a built-in intro with concrete items. */
export interface NarrativeBlock {
  text: string | null;
  items: { label: string; text: string }[];
  isDefault: boolean;
}

export interface ResolvedNarrative {
  whatHappened: NarrativeBlock;
  likelyConsequences: NarrativeBlock;
  measuresTaken: NarrativeBlock;
  measuresPlanned: NarrativeBlock;
  stepsForIndividuals: NarrativeBlock;
  remedies: NarrativeBlock;
}

const defaultsSchema = z.object({
  neutralName: z.string().min(1),
  headline: z.string().min(1),
  narrative: z.object({
    whatHappened: z.string().min(1),
    likelyConsequences: z.string().min(1),
    likelyConsequencesUnknown: z.string().min(1),
    measuresTaken: z.string().min(1),
    measuresPlanned: z.string().min(1),
    stepsForIndividuals: z.string().min(1),
    remedies: z.string().min(1),
  }),
  generalAdvice: z.object({ label: z.string().min(1), text: z.string().min(1) }),
});
type Defaults = z.infer<typeof defaultsSchema> & { whatHappened: TemplateFn };

const loaded = new Map<Locale, Defaults>();

function defaultsFor(locale: Locale): Defaults {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const name = `defaults/${locale}.json`;
  const parsed = defaultsSchema.safeParse(readTemplateJson('defaults', locale));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TemplateError(
      `${name}: ${issue?.path.join('.')}: ${issue?.message}`,
      name,
      issue?.path.join('.') ?? null,
    );
  }
  const defaults = {
    ...parsed.data,
    whatHappened: compileTemplate(`${name}#narrative.whatHappened`, parsed.data.narrative.whatHappened, 'raw'),
  };
  loaded.set(locale, defaults);
  return defaults;
}

/** The word used in place of a name for a person we hold no name for ("customer", "用户"). */
export function neutralName(locale: Locale): string {
  return defaultsFor(locale).neutralName;
}

/** Labels of the incident's data elements joined the way the language joins a list. */
export function elementsText(dataElements: string[], locale: Locale): string {
  const texts = dataElementTexts(locale);
  const labels = dataElements.map((id) => texts[id]?.label ?? id);
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(labels);
}

/** The built-in headline of a language: what its notices carry when no headline was written in it. */
export function builtInHeadline(locale: Locale): string {
  return defaultsFor(locale).headline;
}

/**
 * The headline a document in `locale` carries: that language's own, else its built-in headline, never
 * another language's. With no headline written at all (before the assessment gives one; approval is
 * refused then) it stays the view's `title`, so a preview never passes a built-in off as chosen.
 */
export function headlineIn(incident: IncidentFactsView, locale: Locale): string {
  const byLocale = incident.headlineByLocale;
  if (!byLocale) return incident.title;
  const own = byLocale[locale];
  if (own && own.trim() !== '') return own;
  const anyWritten = Object.values(byLocale).some((h) => typeof h === 'string' && h.trim() !== '');
  return anyWritten ? builtInHeadline(locale) : incident.title;
}

const custom = (text: string): NarrativeBlock => ({ text, items: [], isDefault: false });
const builtIn = (text: string, items: NarrativeBlock['items'] = []): NarrativeBlock => ({
  text,
  items,
  isDefault: true,
});

/** The free text a notice in `locale` may use: that language's own, never another's. */
export function narrativeIn(incident: IncidentFactsView, locale: Locale): IncidentFactsView['narrative'] {
  if (!incident.narrativeByLocale) return incident.narrative;
  return incident.narrativeByLocale[locale] ?? NO_FREE_TEXT;
}

/** A narrative with no free text in any section: every section takes its built-in text. */
export const NO_FREE_TEXT: IncidentFactsView['narrative'] = {
  whatHappened: null,
  likelyConsequences: null,
  measuresTaken: null,
  measuresPlanned: null,
  stepsForIndividuals: null,
  remedies: null,
};

/**
 * Fills every narrative field the assessor left empty with built-in text, so
 * a notice always says what happened, the possible impact, what was and will
 * be done, what the person can do, and the remedies.
 */
export function resolveNarrative(incident: IncidentFactsView, locale: Locale): ResolvedNarrative {
  const d = defaultsFor(locale);
  const texts = dataElementTexts(locale);
  const known = incident.dataElements.filter((id) => texts[id]);
  const given = (v: string | null): string | null => (v !== null && v.trim() !== '' ? v : null);
  const n = narrativeIn(incident, locale);

  const risks = known.map((id) => ({ label: texts[id].label, text: texts[id].risk }));
  const advice = [...known.map((id) => ({ label: texts[id].label, text: texts[id].advice })), d.generalAdvice];

  return {
    whatHappened:
      given(n.whatHappened) !== null
        ? custom(n.whatHappened as string)
        : builtIn(d.whatHappened({ incident, elementsText: elementsText(incident.dataElements, locale) }, locale)),
    likelyConsequences:
      given(n.likelyConsequences) !== null
        ? custom(n.likelyConsequences as string)
        : risks.length > 0
          ? builtIn(d.narrative.likelyConsequences, risks)
          : builtIn(d.narrative.likelyConsequencesUnknown),
    measuresTaken:
      given(n.measuresTaken) !== null ? custom(n.measuresTaken as string) : builtIn(d.narrative.measuresTaken),
    measuresPlanned:
      given(n.measuresPlanned) !== null ? custom(n.measuresPlanned as string) : builtIn(d.narrative.measuresPlanned),
    stepsForIndividuals:
      given(n.stepsForIndividuals) !== null
        ? custom(n.stepsForIndividuals as string)
        : builtIn(d.narrative.stepsForIndividuals, advice),
    remedies: given(n.remedies) !== null ? custom(n.remedies as string) : builtIn(d.narrative.remedies),
  };
}

/** The free text of one language that a notice carries: its narrative sections and its headline. */
export type NoticeFreeText = IncidentFactsView['narrative'] & { publicHeadline?: string | null };
type NarrativeKey = keyof NoticeFreeText;
const FREE_TEXT_KEYS: readonly NarrativeKey[] = ['publicHeadline', ...(Object.keys(NO_FREE_TEXT) as NarrativeKey[])];

/** A locale in use that lacks free text written for another: its notice would carry built-in texts there. */
export interface NarrativeGap {
  locale: Locale;
  /** The sections written in another language but not in this one. */
  fields: NarrativeKey[];
  /** The languages that have text for those sections. */
  writtenIn: Locale[];
}

/**
 * Where the approver wrote free text in one language, every other language in use must have it too or
 * knowingly take its own built-in texts; with no free text at all there is no gap. The English headline
 * is required of every incident, so it alone opens no gap (each other language then carries its built-in
 * headline, as the approval form's language table shows); a headline written in any other language does.
 */
export function narrativeGaps(
  byLocale: Partial<Record<Locale, NoticeFreeText>>,
  localesInUse: readonly Locale[],
): NarrativeGap[] {
  const has = (l: Locale, f: NarrativeKey) => {
    const v = byLocale[l]?.[f];
    return typeof v === 'string' && v.trim() !== '';
  };
  const written = Object.keys(byLocale) as Locale[];
  const gaps: NarrativeGap[] = [];
  for (const locale of localesInUse) {
    const fields = FREE_TEXT_KEYS.filter(
      (f) => !has(locale, f) && written.some((l) => has(l, f) && !(f === 'publicHeadline' && l === 'en')),
    );
    if (fields.length === 0) continue;
    const writtenIn = written.filter((l) => l !== locale && fields.some((f) => has(l, f))).sort();
    gaps.push({ locale, fields, writtenIn });
  }
  return gaps;
}
