// Request bodies, validated before anything reaches Temporal. The schema is the
// type; a failure becomes 400 {"error", "field"} naming the first bad field.
import { z } from 'zod';
import { DATA_ELEMENTS, SECTORS, isKnownJurisdiction } from '../rules';
import { SEVERITIES } from '../workflows/types';
import { badRequest } from './errors';
import { checkPostalAddress } from './postal-address';
import { parseInstant } from '../lib/instant';
import { OUTBOX_STATUSES, type OutboxCursor } from '../store/outbox';
import { FLAT_NARRATIVE_LOCALE, NARRATIVE_FIELDS, parseNarrativeJson } from '../store/assessments';
import { LOCALES, isLocale } from '../activities/render/locale';

/** Every time a request carries: a real instant with a zone, 1970 to 2100, stored as UTC. */
export const isoTime = z
  .string()
  .meta({ format: 'date-time', description: 'An instant with a zone (Z or an offset), 1970 to 2100' })
  .transform((s, ctx) => {
    const parsed = parseInstant(s);
    if (parsed.ok) return parsed.iso;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });
const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
// A refinement rather than z.enum keeps the error naming the unknown value; the meta tells the API description.
const dataElement = z
  .string()
  .meta({ enum: [...DATA_ELEMENTS] })
  .refine((s) => (DATA_ELEMENTS as readonly string[]).includes(s), {
    error: (iss) => `unknown data element "${String(iss.input)}"`,
  });

export const incidentSchema = z.object({
  title: text(200),
  description: z.string().trim().max(20_000).default(''),
  detectedAt: isoTime,
  occurredAt: isoTime.optional(),
  severity: z.enum(SEVERITIES),
  /** A code from DETECTION_METHODS; any other text is accepted for older clients and kept as the note (see detectionOf). */
  detectionMethod: text(200),
  detectionNote: z.string().trim().max(2_000, 'at most 2000 characters').optional(),
  dataCategories: z.array(dataElement).max(50).default([]),
  reporter: text(200),
});

export const triageSchema = z.object({
  decision: z.enum(['confirm', 'dismiss']),
  reason: text(5_000),
  awarenessAt: isoTime.optional(),
});

/** The same decision and reason for many incidents at once (an alert storm's), each triaged on its own. */
export const triageManySchema = triageSchema.omit({ awarenessAt: true }).extend({
  incidentIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, 'name at least one incident')
    .max(200, 'at most 200 incidents at once')
    .refine((ids) => new Set(ids).size === ids.length, 'an incident is named twice'),
});

export const awarenessSchema = z.object({ awarenessAt: isoTime, reason: text(5_000) });

/** A later determination that starts clocks other than awareness (rules/README.md, "Clocks"), with its reason. */
export const determinationSchema = z
  .object({
    discoveredAt: isoTime.optional(),
    notifiableAt: isoTime.optional(),
    materialityAt: isoTime.optional(),
    reason: text(5_000),
  })
  .refine((d) => d.discoveredAt || d.notifiableAt || d.materialityAt, {
    message: 'give at least one of discoveredAt, notifiableAt, materialityAt',
    path: ['notifiableAt'],
  });

/** Shared with the subject import's fast path (server/subject-row.ts), which must agree with these schemas. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
const localeCode = z.string().regex(LOCALE_PATTERN, 'must be a BCP 47 locale such as en or zh-CN');

/** A headline fits a mail subject line with the organisation's name before it. */
export const PUBLIC_HEADLINE_MAX = 120;

const narrativeTextSchema = z
  .object({
    whatHappened: z.string().trim().max(10_000).nullable().default(null),
    likelyConsequences: z.string().trim().max(10_000).nullable().default(null),
    measuresTaken: z.string().trim().max(10_000).nullable().default(null),
    measuresPlanned: z.string().trim().max(10_000).nullable().default(null),
    stepsForIndividuals: z.string().trim().max(10_000).nullable().default(null),
    remedies: z.string().trim().max(10_000).nullable().default(null),
  })
  .partial();
const isFlatNarrativeBody = (v: Record<string, unknown>): boolean =>
  Object.keys(v).some((k) => (NARRATIVE_FIELDS as readonly string[]).includes(k));

export const assessmentSchema = z
  .object({
    dataElements: z.array(dataElement).min(1, 'name at least one data element').max(50),
    encrypted: z.boolean(),
    keyCompromised: z.boolean().default(false),
    role: z.enum(['controller', 'processor']),
    controllers: z
      .array(
        z.object({
          name: text(200),
          email: z.string().email('must be an email address'),
          locale: localeCode.default('en'),
        }),
      )
      .max(100)
      .default([]),
    riskLevel: z.enum(['none', 'risk', 'high_risk']),
    riskRationale: text(10_000),
    affected: z
      .record(z.string(), z.number().int('must be a whole number').min(0).max(10_000_000_000))
      .refine((a) => Object.keys(a).length > 0, 'name at least one residence and count')
      .superRefine((a, ctx) => {
        for (const code of Object.keys(a)) {
          if (!isKnownJurisdiction(code))
            ctx.addIssue({
              code: 'custom',
              message: `unknown jurisdiction "${code}" (ISO 3166-1 alpha-2 or ISO 3166-2)`,
              path: [code],
            });
        }
      }),
    sectors: z
      .array(
        z.string().refine((s) => (SECTORS as readonly string[]).includes(s), {
          error: (iss) => `unknown sector "${String(iss.input)}"`,
        }),
      )
      .max(20)
      .default([]),
    channelPolicy: z.enum(['email', 'sms_fallback', 'both', 'call', 'sms_or_call']).default('sms_fallback'),
    /** The headline of every notice and report; the internal title never leaves the app. Required before approval. */
    publicHeadline: z
      .string()
      .trim()
      .max(PUBLIC_HEADLINE_MAX, `at most ${PUBLIC_HEADLINE_MAX} characters`)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    /**
     * The headline in other languages, `{ de: '…', ja: '…' }`; each language's documents carry only their
     * own, else that language's built-in headline. `en` here is the same as `publicHeadline`.
     */
    publicHeadlines: z
      .record(
        z.string(),
        z
          .string()
          .trim()
          .max(PUBLIC_HEADLINE_MAX, `at most ${PUBLIC_HEADLINE_MAX} characters`)
          .nullable()
          .transform((v) => v ?? ''),
      )
      .superRefine((byLocale, ctx) => {
        for (const code of Object.keys(byLocale))
          if (!isLocale(code))
            ctx.addIssue({
              code: 'custom',
              message: `no notice templates in "${code}"; write the headline under one of ${LOCALES.join(', ')}`,
              path: [code],
            });
      })
      .transform((byLocale) => Object.fromEntries(Object.entries(byLocale).filter(([, h]) => h !== '')))
      .meta({
        description: `The public headline per locale (${LOCALES.join(', ')}); en is publicHeadline. A language without one carries its built-in headline, never another language's`,
      })
      .default({}),
    approximateRecords: z.number().int().min(0).optional(),
    /** We offer identity theft prevention and mitigation services (Cal. Civ. Code 1798.82(d)(2)(G)); the notice says so. */
    identityProtectionOffered: z.boolean('must be true or false').default(false),
    /**
     * Free text per locale, `{ en: {...}, de: {...} }`; each language's notice reads only its own. The
     * older flat shape (`{ whatHappened, ... }`) is taken as English (FLAT_NARRATIVE_LOCALE).
     */
    narrative: z
      .preprocess(
        (v) =>
          v && typeof v === 'object' && !Array.isArray(v) && isFlatNarrativeBody(v as Record<string, unknown>)
            ? { [FLAT_NARRATIVE_LOCALE]: v }
            : v,
        z
          .record(z.string(), narrativeTextSchema)
          .superRefine((byLocale, ctx) => {
            for (const code of Object.keys(byLocale)) {
              if (!isLocale(code))
                ctx.addIssue({
                  code: 'custom',
                  message: `no notice templates in "${code}"; write the text under one of ${LOCALES.join(', ')}`,
                  path: [code],
                });
            }
          })
          .transform((byLocale) => parseNarrativeJson(JSON.stringify(byLocale)))
          .meta({
            description: `Free text per locale (${LOCALES.join(', ')}); the sections alone, without a locale, are taken as English`,
          }),
      )
      .default({}),
  })
  .superRefine((a, ctx) => {
    if (a.role === 'processor' && a.controllers.length === 0)
      ctx.addIssue({ code: 'custom', message: 'a processor must name at least one controller', path: ['controllers'] });
    const en = a.publicHeadlines[FLAT_NARRATIVE_LOCALE];
    if (en !== undefined && a.publicHeadline !== null && en !== a.publicHeadline)
      ctx.addIssue({
        code: 'custom',
        message: 'the English headline is publicHeadline; give it once, or the same in both',
        path: ['publicHeadlines', FLAT_NARRATIVE_LOCALE],
      });
    if (!a.encrypted && a.keyCompromised)
      ctx.addIssue({ code: 'custom', message: 'only meaningful when encrypted is true', path: ['keyCompromised'] });
  });

export const holdSchema = z
  .object({
    source: z.enum(['law_enforcement', 'company']),
    agency: z.string().trim().max(200).default(''),
    caseReference: z.string().trim().max(200).default(''),
    form: z.enum(['written', 'oral']),
    reason: text(5_000),
    reviewEveryDays: z.number().int().min(1).max(365).default(30),
  })
  .superRefine((h, ctx) => {
    if (h.source === 'law_enforcement' && !h.agency)
      ctx.addIssue({ code: 'custom', message: 'required for a law-enforcement hold', path: ['agency'] });
  });

export const releaseSchema = z.object({ reason: text(5_000) });
export const approvalSchema = z.object({
  noticeVersion: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-character notice version'),
  note: z.string().trim().max(5_000).default(''),
  /** Send the approved notice to people imported after the approval (v2 incidents). */
  notifyLaterImports: z.boolean('must be true or false').default(true),
  /** Also send this version, marked as a correction, to people told an earlier version (v2 incidents). */
  correction: z.boolean('must be true or false').default(false),
  /** Send the version's link-free variants: no message links to the public notice page. */
  noPublicLink: z.boolean('must be true or false').default(false),
  /**
   * Locales whose notices may use the built-in texts of their own language although free text was
   * written in another: the approver's explicit choice, recorded with the approval.
   */
  builtInTextLocales: z
    .array(z.string().refine(isLocale, { error: (iss) => `no notice templates in "${String(iss.input)}"` }))
    .max(LOCALES.length)
    .default([])
    .meta({
      description: 'Locales whose notices take their own built-in texts where free text was written in another',
    }),
});
export const filingSchema = z.object({
  obligationId: text(200),
  reference: text(500),
  delayReason: z.string().trim().max(5_000).optional(),
});
export const supplementSchema = z.object({ obligationId: text(200), information: text(20_000) });
export const closeSchema = z.object({ summary: text(20_000) });
export const legalHoldSchema = z.object({ reason: text(2_000) });
/** The purge asks for the incident id typed again: it cannot be undone. */
export const purgeSchema = z.object({ confirm: z.string().trim().min(1, 'type the incident id to confirm') });
export const recomputeSchema = z.object({ reason: text(2_000) });
/** Letters for the people whose legal notice is not met (issue 14); the paper defaults from the organisation. */
export const lettersSchema = z.object({
  paper: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['letter', 'a4']).optional()),
});
export const lettersMailedSchema = z.object({
  batchId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not a letter batch of this incident'),
  mailedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'),
});

export const subjectRowSchema = z.object({
  name: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : null)),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || z.string().email().safeParse(v).success, 'invalid email address'),
  phone: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[\s()-]/g, '') : null))
    .refine((v) => v === null || E164_PATTERN.test(v), 'phone must be E.164, e.g. +14155550100'),
  jurisdiction: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine((v) => v === null || isKnownJurisdiction(v), 'unknown jurisdiction'),
  locale: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || 'en')
    .pipe(localeCode),
  /** For a letter (issue 14): lines separated by newlines or `\n`; see server/postal-address.ts. */
  postalAddress: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const checked = checkPostalAddress(v);
      if (checked.ok) return checked.value;
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }),
});
export type SubjectRow = z.infer<typeof subjectRowSchema>;

/** An opaque position in the notifications listing: base64url of the last row's unique key. */
export function encodeOutboxCursor(c: OutboxCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const outboxCursor = z.string().transform((v, ctx): OutboxCursor => {
  try {
    const c: unknown = JSON.parse(Buffer.from(v, 'base64url').toString('utf8'));
    if (Array.isArray(c) && c.length === 4 && c.every((x) => typeof x === 'string')) return c as OutboxCursor;
  } catch {
    /* reported below */
  }
  ctx.addIssue({ code: 'custom', message: 'not a cursor this listing gave out (use the `next` of the previous page)' });
  return z.NEVER;
});

const queryInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? String(fallback) : v))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a whole number')
        .transform(Number)
        .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
    );

export const notificationsQuerySchema = z
  .object({
    limit: queryInt(1, 5000, 500),
    offset: queryInt(0, Number.MAX_SAFE_INTEGER, 0),
    after: outboxCursor.optional(),
    status: z.enum(OUTBOX_STATUSES).optional(),
  })
  .refine((q) => !(q.after && q.offset > 0), { message: 'give either after or offset, not both', path: ['offset'] });

/** Parses or throws 400 naming the first field at fault, as a dotted path. */
export function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'body';
  throw badRequest(field, issue.message);
}
