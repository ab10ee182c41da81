// Assessments: the facts and free text a person recorded about an incident. Ids are
// derived from the request, so a retry writes nothing new.
// The workflow's state names the one it accepted; a rejected or unconfirmed
// request may have left newer rows, so readers look one up by id.
import type { Db, Tx } from './connection';

export interface AssessmentText {
  narrative_json: string;
  facts_json: string;
  public_headline: string | null;
  /** 1 when the assessor records that identity-protection services are offered (migration 026). */
  identity_protection_offered: number;
}

/** The free-text sections of a notice, in the order the assessment form shows them. */
export const NARRATIVE_FIELDS = [
  'whatHappened',
  'likelyConsequences',
  'measuresTaken',
  'measuresPlanned',
  'stepsForIndividuals',
  'remedies',
] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
/** One language's free text; null means "use the built-in text of that language". */
export type NarrativeText = Record<NarrativeField, string | null>;
/** Free text per locale code (en, de, zh-CN ...); a locale absent wrote none. */
export type NarrativeByLocale = Record<string, NarrativeText>;

/**
 * Assessments saved before narratives were kept per locale hold one flat set of fields, and API
 * clients may still send one: both are English, the language the form showed them in.
 */
export const FLAT_NARRATIVE_LOCALE = 'en';

const isFlatNarrative = (v: Record<string, unknown>): boolean =>
  Object.keys(v).some((k) => (NARRATIVE_FIELDS as readonly string[]).includes(k));

function narrativeTextOf(v: unknown): NarrativeText {
  const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  const given = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x : null);
  return Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, given(o[f])])) as NarrativeText;
}

/**
 * Reads `narrative_json` in either shape: `{ en: {...}, de: {...} }`, or the older flat fields
 * (read as FLAT_NARRATIVE_LOCALE). Locales with no text at all are left out.
 */
export function parseNarrativeJson(json: string | null): NarrativeByLocale {
  const raw: unknown = json ? JSON.parse(json) : null;
  if (!raw || typeof raw !== 'object') return {};
  const byLocale = isFlatNarrative(raw as Record<string, unknown>)
    ? { [FLAT_NARRATIVE_LOCALE]: raw }
    : (raw as Record<string, unknown>);
  const out: NarrativeByLocale = {};
  for (const [locale, v] of Object.entries(byLocale)) {
    const text = narrativeTextOf(v);
    if (NARRATIVE_FIELDS.some((f) => text[f] !== null)) out[locale] = text;
  }
  return out;
}

/**
 * The public headline per locale. English (FLAT_NARRATIVE_LOCALE) is the `public_headline` column, as
 * before headlines were kept per locale, so old rows and readers of the column stay right; every other
 * language's headline sits beside its narrative in `narrative_json` as `{ de: { publicHeadline, ... } }`,
 * since it is that language's free text and is written, read and approved with it.
 */
export function parseHeadlines(narrativeJson: string | null, publicHeadline: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  const raw: unknown = narrativeJson ? JSON.parse(narrativeJson) : null;
  if (raw && typeof raw === 'object' && !isFlatNarrative(raw as Record<string, unknown>))
    for (const [locale, v] of Object.entries(raw as Record<string, unknown>)) {
      const h = v && typeof v === 'object' ? (v as Record<string, unknown>).publicHeadline : undefined;
      if (locale !== FLAT_NARRATIVE_LOCALE && typeof h === 'string' && h.trim() !== '') out[locale] = h.trim();
    }
  if (publicHeadline && publicHeadline.trim() !== '') out[FLAT_NARRATIVE_LOCALE] = publicHeadline.trim();
  return out;
}

export async function getAssessmentText(db: Db, assessmentId: string): Promise<AssessmentText | undefined> {
  return db.get<AssessmentText>(
    'SELECT narrative_json, facts_json, public_headline, identity_protection_offered FROM assessments WHERE id = ?',
    [assessmentId],
  );
}

export async function getAssessmentCreatedAt(db: Db, assessmentId: string): Promise<string | undefined> {
  return (await db.get<{ created_at: string }>('SELECT created_at FROM assessments WHERE id = ?', [assessmentId]))
    ?.created_at;
}

export interface NewAssessment {
  id: string;
  incidentId: string;
  approximateRecords: number | null;
  identityProtectionOffered: boolean;
  narrative: Record<string, Partial<NarrativeText>>;
  /** What people and regulators read as the headline (English); null until given. */
  publicHeadline: string | null;
  /** The headlines of the other languages, by locale (see parseHeadlines); English is `publicHeadline`. */
  publicHeadlines?: Record<string, string>;
  createdAt: string;
  createdBy: string;
}

function withHeadlines(
  narrative: Record<string, Partial<NarrativeText>>,
  headlines: Record<string, string>,
): Record<string, Partial<NarrativeText> & { publicHeadline?: string }> {
  const out: Record<string, Partial<NarrativeText> & { publicHeadline?: string }> = { ...narrative };
  for (const [locale, h] of Object.entries(headlines))
    if (locale !== FLAT_NARRATIVE_LOCALE && h.trim() !== '') out[locale] = { ...out[locale], publicHeadline: h.trim() };
  return out;
}

export async function insertAssessmentTx(tx: Tx, a: NewAssessment): Promise<void> {
  await tx.run(
    'INSERT INTO assessments (id, incident_id, facts_json, narrative_json, public_headline, identity_protection_offered, created_at, created_by) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING',
    [
      a.id,
      a.incidentId,
      JSON.stringify({ approximateRecords: a.approximateRecords }),
      JSON.stringify(withHeadlines(a.narrative, a.publicHeadlines ?? {})),
      a.publicHeadline,
      a.identityProtectionOffered ? 1 : 0,
      a.createdAt,
      a.createdBy,
    ],
  );
}

export async function deleteAssessmentTx(tx: Tx, id: string): Promise<void> {
  await tx.run('DELETE FROM assessments WHERE id = ?', [id]);
}
