import { z } from 'zod';
import { DATA_ELEMENTS, SECTORS, AUDIENCES, HOLD_SOURCES, HOLD_FORMS, isKnownJurisdiction } from './vocabulary';

// The schema is the type: parse() applies the defaults the issue gives, so the
// engine only ever sees complete facts. Unknown keys are stripped, so callers
// may pass a wider object (the workflow's assessment) unchanged.

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with a zone (Z or +hh:mm)' });

const holdSchema = z.object({
  requestedAt: instant,
  releasedAt: instant.nullable().default(null),
  source: z.enum(HOLD_SOURCES).default('law_enforcement'),
  form: z.enum(HOLD_FORMS).default('written'),
});

const noticeSentSchema = z.object({
  regime: z.string().min(1),
  audience: z.enum(AUDIENCES),
  at: instant,
  /** The obligation id this notice fulfils, where a regime has several for one audience. */
  id: z.string().optional(),
});

export const factsSchema = z
  .object({
    awarenessAt: instant,
    role: z.enum(['controller', 'processor']),
    dataElements: z.array(z.enum(DATA_ELEMENTS)),
    encrypted: z.boolean(),
    keyCompromised: z.boolean(),
    affected: z.record(z.string(), z.number().int().nonnegative()).superRefine((rec, ctx) => {
      for (const key of Object.keys(rec)) {
        if (!isKnownJurisdiction(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message:
              'unknown jurisdiction: use an ISO 3166-1 alpha-2 country or a supported ISO 3166-2 subdivision (US-CA, CA-QC, AU-NSW ...)',
          });
        }
      }
    }),
    riskLevel: z.enum(['none', 'risk', 'high_risk']),
    sectors: z.array(z.enum(SECTORS)).default([]),
    lawEnforcementHold: holdSchema.nullable().default(null),
    discoveredAt: instant.optional(),
    /** When an extortion (ransom) payment was made in connection with the incident (NYDFS 23 NYCRR 500.17(c)). */
    extortionPaymentAt: instant.optional(),
    determinations: z.object({ materialityAt: instant.optional(), notifiableAt: instant.optional() }).default({}),
    noticesSent: z.array(noticeSentSchema).default([]),
    establishments: z
      .object({
        main: z.string().refine(isKnownJurisdiction, { error: 'unknown country code' }).nullable().default(null),
        others: z.array(z.string().refine(isKnownJurisdiction, { error: 'unknown country code' })).default([]),
      })
      .default({ main: null, others: [] }),
  })
  .transform((f) => ({ ...f, discoveredAt: f.discoveredAt ?? f.awarenessAt }));

export type Facts = z.output<typeof factsSchema>;
export type FactsInput = z.input<typeof factsSchema>;
export type Hold = NonNullable<Facts['lawEnforcementHold']>;

/** "field.path: message" for each problem, for people reading a CLI or an API error. */
export function describeFactsError(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}
