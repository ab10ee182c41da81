// A complete organisation profile: approval refuses the built-in example one
// (issue 14), so every harness that approves saves this first.
import type { Db } from '../../store/connection';
import { saveOrgProfile, type OrgProfile } from '../../store/org-profile';

export const COMPLETE_ORG_PROFILE: OrgProfile = {
  legalName: 'Breachline Test Ltd',
  mainEstablishment: 'IE',
  otherEstablishments: [],
  dpo: { name: 'Dana Protection', email: 'dpo@breachline-test.example', phone: null },
  incidentOwnerEmail: 'security@breachline-test.example',
  contactUrl: null,
  postalAddress: '1 Test Street\nDublin 2\nD02 XY00\nIreland',
  contactPhone: '+35315550100',
  sectors: [],
  regulators: {},
};

/** The headline tests give their assessments, so approval finds one. */
export const TEST_PUBLIC_HEADLINE = 'A security incident involving your personal data';

export async function saveCompleteOrgProfile(db: Db, over: Partial<OrgProfile> = {}): Promise<void> {
  await saveOrgProfile(db, { ...COMPLETE_ORG_PROFILE, ...over });
}
