// Request bodies for accounts, tokens and admin settings.
import { z } from 'zod';
import { MAX_SNOOZE_HOURS } from './use-cases/alert-snoozes';
import { UI_AUTH_TYPES, UI_FORMATS } from './use-cases/webhook-sources';
import { MAX_PASSWORD_LENGTH, passwordProblem } from './passwords';
import { ROLES } from './permissions';

const password = z
  .string()
  .max(MAX_PASSWORD_LENGTH)
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address').max(320),
  displayName: z.string().trim().min(1, 'required').max(200),
  role: z.enum(ROLES),
  password,
});
export type NewUser = z.infer<typeof newUserSchema>;

export const roleChangeSchema = z.object({ role: z.enum(ROLES) });
export const passwordResetSchema = z.object({ password });
export const passwordChangeSchema = z.object({
  current: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH),
  next: password,
});
export const tokenSchema = z.object({ name: z.string().trim().min(1, 'required').max(100) });
export const accessSchema = z.object({
  restricted: z.boolean(),
  memberIds: z.array(z.string().max(100)).max(500).default([]),
});
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const webhookSourceSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'letters, digits, - or _ (up to 64)'),
  format: z
    .enum(UI_FORMATS, `one of ${UI_FORMATS.join(', ')} (a JSON mapping is set in BREACHLINE_ALERT_SOURCES)`)
    .default('generic'),
  authType: z.enum(UI_AUTH_TYPES, `one of ${UI_AUTH_TYPES.join(', ')}`).default('hmac'),
  username: z.preprocess(blankToNull, z.string().trim().max(200, 'at most 200 characters').nullable().default(null)),
  secret: z.preprocess(
    blankToNull,
    z.string().min(16, 'at least 16 characters').max(500, 'at most 500 characters').nullable().default(null),
  ),
  groupBy: z.preprocess(blankToNull, z.enum(['group', 'alert'], 'group or alert').nullable().default(null)),
});
export const regulatorAddressSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'required')
    .max(200)
    .regex(/^[a-z0-9:._-]+$/i, 'a regime such as eu-gdpr or an obligation id prefix'),
  name: z.string().trim().min(1, 'required').max(200),
  email: z.string().trim().email('must be an email address').nullable(),
  portalUrl: z.string().trim().url('must be a URL').nullable(),
});

export const alertSnoozeSchema = z.object({
  source: z.string().trim().min(1, 'required'),
  dedupKey: z.string().trim().min(1, 'required').max(500, 'at most 500 characters'),
  hours: z
    .number('must be a number of hours')
    .int('must be whole hours')
    .min(1, 'at least 1 hour')
    .max(MAX_SNOOZE_HOURS, `at most ${MAX_SNOOZE_HOURS} hours (30 days)`),
  reason: z.string().trim().min(3, 'say why, for the audit trail').max(1_000, 'at most 1,000 characters'),
});
