// Turns HTML form fields into the JSON shapes the API schemas validate, so the
// browser and the API go through the same validation.
import { LOCALES } from '../activities/render/locale';
import { FLAT_NARRATIVE_LOCALE, NARRATIVE_FIELDS } from '../store/assessments';
import { narrativeFieldName } from './notice-text-change';

type Fields = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : [];
const optional = (v: unknown) => (str(v).trim() === '' ? undefined : str(v).trim());

/** `datetime-local` values carry no zone: the form labels them UTC. */
export function formTime(v: unknown): string | undefined {
  const s = optional(v);
  if (!s) return undefined;
  return /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s.length === 16 ? `${s}:00` : s}Z`;
}

export function incidentFromForm(f: Fields) {
  return {
    title: str(f.title),
    description: str(f.description),
    detectedAt: formTime(f.detectedAt) ?? '',
    occurredAt: formTime(f.occurredAt),
    severity: str(f.severity),
    detectionMethod: str(f.detectionMethod),
    detectionNote: optional(f.detectionNote),
    dataCategories: list(f.dataCategories),
    reporter: str(f.reporter),
  };
}

export function triageFromForm(f: Fields) {
  return { decision: str(f.decision), reason: str(f.reason), awarenessAt: formTime(f.awarenessAt) };
}

/** Empty time fields are left out, so only the determinations given are recorded. */
export function determinationFromForm(f: Fields) {
  return {
    discoveredAt: formTime(f.discoveredAt),
    notifiableAt: formTime(f.notifiableAt),
    materialityAt: formTime(f.materialityAt),
    reason: str(f.reason),
  };
}

/** "DE=1200" or "US-CA: 600", one per line. */
export function parseAffected(text: string): Record<string, number> | string {
  const out: Record<string, number> = {};
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?)\s*[=:]\s*(\d+)$/.exec(line);
    if (!m) return `line ${i + 1}: write CODE=NUMBER, e.g. DE=1200 or US-CA=600`;
    out[m[1]!.toUpperCase()] = Number(m[2]);
  }
  return out;
}

/** "Name <email> locale", one per line. */
export function parseControllers(text: string): { name: string; email: string; locale: string }[] | string {
  const out = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(.+?)\s*<([^>]+)>\s*([A-Za-z-]*)$/.exec(line);
    if (!m) return `line ${i + 1}: write Name <email> locale, e.g. Example School <dpo@school.example> en`;
    out.push({ name: m[1]!, email: m[2]!, locale: m[3] || 'en' });
  }
  return out;
}

export function assessmentFromForm(f: Fields): { body: unknown; error?: { field: string; message: string } } {
  const affected = parseAffected(str(f.affected));
  if (typeof affected === 'string') return { body: null, error: { field: 'affected', message: affected } };
  const controllers = parseControllers(str(f.controllers));
  if (typeof controllers === 'string') return { body: null, error: { field: 'controllers', message: controllers } };
  const records = optional(f.approximateRecords);
  return {
    body: {
      dataElements: list(f.dataElements),
      encrypted: str(f.encrypted) === 'on' || str(f.encrypted) === 'true',
      keyCompromised: str(f.keyCompromised) === 'on' || str(f.keyCompromised) === 'true',
      identityProtectionOffered:
        str(f.identityProtectionOffered) === 'on' || str(f.identityProtectionOffered) === 'true',
      role: str(f.role),
      controllers,
      riskLevel: str(f.riskLevel),
      riskRationale: str(f.riskRationale),
      affected,
      sectors: list(f.sectors),
      channelPolicy: optional(f.channelPolicy) ?? 'sms_fallback',
      publicHeadline: optional(f.publicHeadline) ?? null,
      // The other languages' headlines sit in their sections as publicHeadline:de, ...; empty means built-in.
      publicHeadlines: Object.fromEntries(
        LOCALES.filter((locale) => locale !== FLAT_NARRATIVE_LOCALE).map((locale) => [
          locale,
          optional(f[narrativeFieldName('publicHeadline', locale)]) ?? null,
        ]),
      ),
      approximateRecords: records !== undefined ? Number(records) : undefined,
      // One set of sections per locale the form showed; a locale left empty has no free text.
      narrative: Object.fromEntries(
        LOCALES.map((locale) => [
          locale,
          Object.fromEntries(
            NARRATIVE_FIELDS.map((field) => [field, optional(f[narrativeFieldName(field, locale)]) ?? null]),
          ),
        ]),
      ),
    },
  };
}

export function holdFromForm(f: Fields) {
  const days = optional(f.reviewEveryDays);
  return {
    source: str(f.source),
    agency: str(f.agency),
    caseReference: str(f.caseReference),
    form: str(f.form),
    reason: str(f.reason),
    reviewEveryDays: days ? Number(days) : 30,
  };
}

export function filingFromForm(f: Fields) {
  return { obligationId: str(f.obligationId), reference: str(f.reference), delayReason: optional(f.delayReason) };
}

/** A checkbox of a form that marks it was shown: absent then means unchecked. */
const checked = (v: unknown) => str(v) === 'on' || str(v) === 'true';

/**
 * The approval form shows its options as checkboxes and says so with `approvalOptions`; an unchecked
 * box is then sent as false. A post without the marker (an older page) leaves the options at their defaults.
 */
export function approvalFromForm(f: Fields) {
  const shown = str(f.approvalOptions) === '1';
  return {
    noticeVersion: str(f.noticeVersion),
    note: str(f.note),
    ...(shown
      ? {
          notifyLaterImports: checked(f.notifyLaterImports),
          correction: checked(f.correction),
          noPublicLink: checked(f.noPublicLink),
          builtInTextLocales: list(f.builtInTextLocales),
        }
      : {}),
  };
}
