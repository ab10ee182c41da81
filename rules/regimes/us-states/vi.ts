import type { StateLaw } from './types';

export const VI: StateLaw = {
  code: 'VI',
  citation: 'V.I. Code tit. 14, §§ 2208-2212',
  url: 'https://cliclaw.com/library/us-state-laws/data-breach/virgin-islands-notices-security-breach-14-vic-%C2%A7-2201-%C2%A7-2208-%C2%A7-2209',
  zone: 'America/St_Thomas',
  // §§ 2208(e), 2209 per the AICPA, CLI and Constangy summaries (the statute copy read stops in § 2201): name with SSN,
  // driver's licence number, or an account or card number with any required code, when not encrypted. § 2208 applies to
  // agencies and § 2209 to persons and businesses in the same terms.
  extra: [],
  harm: false,
  individuals: {},
  regulators: [],
  enactments: [{ act: 'Act No. 6789, § 2 (Sess. L. 2005, p. 336)', effective: '2005-10-17' }],
  notes: [
    'Virgin Islands: an account or card number counts only with any required security code, access code or password.',
    'Virgin Islands: unconfirmed against the text (summaries only): the definition, notice in the most expedient time possible and without unreasonable delay, no risk-of-harm exemption, the encryption safe harbour, the law enforcement delay, the duty of a maintaining person to tell the owner and substitute notice.',
  ],
};
