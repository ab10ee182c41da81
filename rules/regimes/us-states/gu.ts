import type { StateLaw } from './types';

export const GU: StateLaw = {
  code: 'GU',
  citation: '9 Guam Code Ann. §§ 48.10-48.80',
  url: 'https://proteuscyber.com/privacy-database/news/4558-guam-code-title-9-chapter-48-notificationof-breaches-of-personal-information-2019-9-gca-4810',
  zone: 'Pacific/Guam',
  // § 48.20 per the Lewis Brisbois, CLI and Constangy summaries (the copy read stops inside the definitions): name with
  // SSN, driver's licence or Guam ID card issued in lieu of one, or a financial account or card number with any
  // required code. Nothing beyond the baseline.
  extra: [],
  harm: true,
  harmTest: 'that the breach has not caused and will not cause identity theft or other fraud to any resident of Guam',
  individuals: {},
  regulators: [],
  enactments: [
    {
      act: 'P.L. 30-004:1 (Mar. 13, 2009), adding 9 GCA ch. 48 (in force per § 48.70; date per CLI)',
      effective: '2009-08-10',
    },
  ],
  notes: [
    'Guam: a financial account or card number counts only with any required security code, access code or password.',
    'Guam: unconfirmed against the text (summaries only): the definition of personal information, the identity theft or fraud test, the encryption safe harbour and its key exception, notice without unreasonable delay, the duty of a maintaining entity to tell the owner, and substitute notice.',
  ],
};
