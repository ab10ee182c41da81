import type { DataElement } from '../../vocabulary';
import type { RegulatorWhen, StateRegulator, SubstituteNotice } from './types';

// Shorthands the state entries share.

export const CHART = 'https://cyber.carltonfields.com/incident-response/data-security-privacy-laws-by-state/';
export const MED: DataElement[] = ['health', 'health_insurance'];
export const CRED: DataElement[] = ['account_credentials'];
export const ET = 'America/New_York';
export const CT_ = 'America/Chicago';
export const MT_ = 'America/Denver';
export const PT = 'America/Los_Angeles';
export const ag = (min: number, when: RegulatorWhen, name = 'Attorney General'): StateRegulator => ({
  key: 'attorney-general',
  name,
  min,
  when,
});
export const WITH: RegulatorWhen = { kind: 'withIndividuals' };

/** Elements every state counts with a name unless its entry lists them in notBaseline. */
export const BASELINE: readonly DataElement[] = ['national_id', 'drivers_license', 'financial_account', 'payment_card'];

/** The substitute-notice conditions in words: "cost more than $250,000, reach more than 500,000 residents, ...". */
export const substituteConditions = (sub: SubstituteNotice): string =>
  `individual notice would cost more than $${sub.costOver.toLocaleString('en-US')}, reach more than ${sub.peopleOver.toLocaleString('en-US')} residents${sub.noContact ? ', or contact information is insufficient' : ''}`;
