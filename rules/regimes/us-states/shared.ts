import type { DataElement } from '../../vocabulary';
import type { RegulatorWhen, StateRegulator } from './types';

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
