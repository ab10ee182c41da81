import type { StateLaw } from './types';
import { MED, CRED, PT, ag } from './shared';

export const CA: StateLaw = {
  code: 'CA',
  citation: 'Cal. Civ. Code § 1798.82',
  url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82',
  zone: PT,
  extra: ['tax_id', 'passport', ...MED, 'biometric', 'genetic'],
  alone: CRED,
  harm: false,
  individuals: {},
  regulators: [ag(501, { kind: 'expedient' })],
  individualContent: [
    'notice_title',
    'contact_point',
    'categories_of_data',
    'occurred_at',
    'date_of_notice',
    'law_enforcement_delay',
    'nature',
    'measures_taken',
    'steps_for_individuals',
    'toll_free_numbers',
  ],
  contentSection: 'Cal. Civ. Code § 1798.82(d)',
  creditMonitoring: { months: 12, elements: ['national_id', 'drivers_license'] },
  amendments: [
    {
      from: '2026-01-01',
      citation: 'Cal. Civ. Code § 1798.82 as amended by SB 446 (2025)',
      change: {
        individuals: { days: 30, from: 'discovery' },
        regulators: [ag(501, { kind: 'afterIndividuals', days: 15 })],
      },
    },
  ],
  checked: [
    {
      fact: 'from 2026-01-01 individuals within 30 calendar days of discovery (SB 446)',
      url: 'https://www.dataprotectionreport.com/2025/11/california-tightens-data-breach-notification-timelines-imposes-30-day-notice-requirement/',
    },
    {
      fact: 'sample notice to the Attorney General when more than 500 residents are notified, within 15 calendar days of notifying them (SB 446)',
      url: 'https://dailyjournal.com/articles/388637-california-data-breach-law-tightens-with-30-day-deadline-raises-stakes-for-companies',
    },
    {
      fact: 'delay allowed when a law enforcement agency determines notice would impede a criminal investigation',
      url: 'https://dailyjournal.com/articles/388637-california-data-breach-law-tightens-with-30-day-deadline-raises-stakes-for-companies',
    },
  ],
  notes: [
    'Notice must be titled "Notice of Data Breach" with the statute\'s headings.',
    'Delay is also allowed as necessary to determine the scope of the breach and restore the system (not modelled as a hold).',
  ],
};
