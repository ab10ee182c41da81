// Which legal variant of the data-subject notice a person gets: the notice of the law where they live.
// A variant exists for each US state whose notice to residents asks for something the default notice does
// not say (a prescribed title, the date, the credit agencies, a police report, a freeze ...) or forbids
// something it does say (Massachusetts: the nature of the breach and the number affected). The rules
// engine decides what each law asks; this only reads its obligations.

/** The notice of everyone whose residence has no variant. */
export const DEFAULT_VARIANT = 'default';

/** The content elements the legal variant renders as blocks of their own (`data-content` in the HTML). */
export const LEGAL_BLOCK_ELEMENTS: readonly string[] = [
  'notice_title',
  'date_of_notice',
  'nature',
  'occurred_at',
  'discovered_at',
  'law_enforcement_delay',
  'approximate_people',
  'categories_of_data',
  'measures_taken',
  'steps_for_individuals',
  'credit_monitoring_offer',
  'fraud_alert',
  'security_freeze',
  'police_report',
  'toll_free_numbers',
  'remedies',
  'regulator_contacts',
  'contact_point',
];

/** Elements the default notice carries as it is; anything else asked for needs a variant. */
// (The date it happened is not among them: an assessor's own "what happened" text may leave it out.)
const IN_DEFAULT = new Set([
  'nature',
  'categories_of_data',
  'measures_taken',
  'steps_for_individuals',
  'remedies',
  'contact_point',
]);

export interface LegalVariant {
  /** The regime id (`us-ca`), also the variant's name in the stored notice set. */
  key: string;
  /** The regime's citation, shown to the approver beside the variant. */
  basis: string;
  content: string[];
  prohibited: string[];
  /** Months of identity-protection services the law asks to be offered, when it does. */
  creditMonitoringMonths: number | null;
}

/** What a variant is rendered with beyond the incident and the organisation. */
export interface LegalNotice {
  variant: LegalVariant;
  /** ISO instant shown as the date of the notice. */
  noticeDate: string;
  delayedByLawEnforcement: boolean;
  /** The assessment records that identity-protection services are offered (Cal. Civ. Code 1798.82(d)(2)(G)). */
  identityProtectionOffered: boolean;
}

/** The fields of an obligation (as the rules give it or the incident tracks it) a variant is built from. */
export interface VariantSource {
  regime: string;
  audience: string;
  basis: string;
  content: string[];
  contentProhibited?: string[];
  creditMonitoringMonths?: number;
  status?: string;
}

const US_STATE_REGIME = /^us-[a-z]{2}$/;

/** One variant per US state notice to residents that prescribes content or forbids any, in regime order. */
export function legalVariants(obligations: readonly VariantSource[]): LegalVariant[] {
  const out = new Map<string, LegalVariant>();
  for (const o of obligations) {
    // A notice not required still goes to residents who are on the list: it must not say what the law forbids.
    if (o.audience !== 'individuals' || !US_STATE_REGIME.test(o.regime) || o.status === 'superseded') continue;
    const prohibited = o.contentProhibited ?? [];
    if (prohibited.length === 0 && o.content.every((e) => IN_DEFAULT.has(e))) continue;
    out.set(o.regime, {
      key: o.regime,
      basis: o.basis,
      content: [...o.content],
      prohibited: [...prohibited],
      creditMonitoringMonths: o.creditMonitoringMonths ?? null,
    });
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The public notice tells everyone what happened and how many were affected: a variant whose law forbids
 * stating either neither links to it nor, in its SMS, points to it.
 */
export function hidesPublicNotice(v: LegalVariant): boolean {
  return v.prohibited.length > 0;
}

/** The variant a person's jurisdiction (`US-CA`, `DE`) would use; the sender falls back to the default when absent. */
export function variantOfJurisdiction(jurisdiction: string | null | undefined): string {
  const m = /^US-([A-Z]{2})$/i.exec(jurisdiction?.trim() ?? '');
  return m ? `us-${m[1]!.toLowerCase()}` : DEFAULT_VARIANT;
}
