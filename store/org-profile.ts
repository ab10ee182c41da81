// The organisation profile: who we are, our DPO, our sectors and where each
// regulator takes reports. Templates and the rules read it; admins edit it.
import { z } from 'zod';
import type { Db } from './connection';
import { nowIso } from '../lib/clock';

export const regulatorContactSchema = z.object({
  name: z.string().min(1).max(200),
  /** Email address that takes reports; null means file by hand through the regulator's portal. */
  email: z.string().email().nullable(),
  portalUrl: z.string().url().nullable().default(null),
});

export const orgProfileSchema = z.object({
  legalName: z.string().min(1).max(200),
  mainEstablishment: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code'),
  otherEstablishments: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  dpo: z.object({ name: z.string().min(1), email: z.string().email(), phone: z.string().nullable().default(null) }),
  /** Where reminders and escalations go. */
  incidentOwnerEmail: z.string().email(),
  contactUrl: z.string().url().nullable().default(null),
  /** The postal address notices show, lines separated by newlines. Null until set; approval needs it. */
  postalAddress: z
    .string()
    .trim()
    .max(1_000, 'at most 1000 characters')
    .nullable()
    .default(null)
    .transform((v) => (v ? v.replace(/\r\n?/g, '\n') : null)),
  /** The telephone number notices give people to call, E.164. Null until set; approval needs it. */
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be E.164, e.g. +35315550100')
    .nullable()
    .default(null),
  sectors: z.array(z.string()).default([]),
  /** Keyed by obligation id prefix: "eu-gdpr:regulator:ie", or a whole regime "eu-gdpr". */
  regulators: z.record(z.string(), regulatorContactSchema).default({}),
});

export type OrgProfile = z.infer<typeof orgProfileSchema>;
export type RegulatorContact = z.infer<typeof regulatorContactSchema>;

export const DEFAULT_ORG_PROFILE: OrgProfile = {
  legalName: 'Example Organisation Ltd',
  mainEstablishment: 'IE',
  otherEstablishments: [],
  dpo: { name: 'Data Protection Officer', email: 'dpo@example.org', phone: null },
  incidentOwnerEmail: 'security@example.org',
  contactUrl: null,
  postalAddress: null,
  contactPhone: null,
  sectors: [],
  regulators: {},
};

export async function getOrgProfile(db: Db): Promise<OrgProfile> {
  const row = await db.get<{ value_json: string }>("SELECT value_json FROM settings WHERE key = 'org_profile'");
  return row ? orgProfileSchema.parse(JSON.parse(row.value_json)) : DEFAULT_ORG_PROFILE;
}

export async function saveOrgProfile(db: Db, profile: OrgProfile): Promise<void> {
  await db.run(
    "INSERT INTO settings (key, value_json, updated_at) VALUES ('org_profile', ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at",
    [JSON.stringify(orgProfileSchema.parse(profile)), nowIso()],
  );
}

export function regulatorFor(profile: OrgProfile, obligationId: string, regime: string): RegulatorContact | null {
  return profile.regulators[obligationId] ?? profile.regulators[regime] ?? null;
}
