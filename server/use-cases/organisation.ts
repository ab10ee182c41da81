// The organisation profile and the regulators' addresses in it: read by
// everyone, changed by admins, every change on the audit trail.
import type { Db } from '../../store/connection';
import { appendAudit } from '../../store/audit';
import { getOrgProfile, saveOrgProfile, type OrgProfile, type RegulatorContact } from '../../store/org-profile';
import type { Actor } from '../../workflows/types';
import { nowIso } from '../../lib/clock';

export { orgProfileSchema, type OrgProfile } from '../../store/org-profile';

export const orgProfileOf = (db: Db) => getOrgProfile(db);

/** The one path for the settings page and the API: the same audit event from both. */
export async function changeOrgProfile(db: Db, profile: OrgProfile, by: Actor): Promise<OrgProfile> {
  await saveOrgProfile(db, profile);
  await appendAudit(db, {
    incidentId: null,
    type: 'settings.organisation_changed',
    at: nowIso(),
    actor: by,
    summary: 'organisation profile changed',
  });
  return profile;
}

export async function saveRegulatorAddress(db: Db, key: string, contact: RegulatorContact, by: Actor): Promise<void> {
  const profile = await getOrgProfile(db);
  await saveOrgProfile(db, { ...profile, regulators: { ...profile.regulators, [key]: contact } });
  await appendAudit(db, {
    incidentId: null,
    type: 'settings.regulator_saved',
    at: nowIso(),
    actor: by,
    summary: `regulator address for ${key} saved`,
    details: { key },
  });
}

export async function removeRegulatorAddress(db: Db, key: string, by: Actor): Promise<void> {
  const profile = await getOrgProfile(db);
  const { [key]: _removed, ...rest } = profile.regulators;
  await saveOrgProfile(db, { ...profile, regulators: rest });
  await appendAudit(db, {
    incidentId: null,
    type: 'settings.regulator_removed',
    at: nowIso(),
    actor: by,
    summary: `regulator address for ${key} removed`,
    details: { key },
  });
}
