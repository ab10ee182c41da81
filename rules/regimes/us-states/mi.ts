import type { StateLaw } from './types';
import { CHART } from './shared';

// No copy of the text of Mich. Comp. Laws §§ 445.63 and 445.72 could be read for this review: every fact below comes
// from breach charts and summaries (DWT, Klinedinst) and stays unconfirmed.
export const MI: StateLaw = {
  code: 'MI',
  citation: 'Mich. Comp. Laws §§ 445.63, 445.72',
  url: CHART,
  zone: 'America/Detroit',
  extra: [],
  harm: true,
  harmTest:
    'the security breach has not or is not likely to cause substantial loss or injury to, or result in identity theft with respect to, 1 or more residents',
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
  individualContent: ['nature', 'categories_of_data', 'measures_taken', 'contact_point', 'steps_for_individuals'],
  contentSection: 'Mich. Comp. Laws § 445.72(6)',
  notes: [
    'Unconfirmed (summaries of § 445.72(6)): the notice is clear and conspicuous, describes the breach in general terms and the type of personal information, says what was done to protect the data from further breaches, gives a telephone number for assistance, and reminds residents to remain vigilant for fraud and identity theft.',
    'Unconfirmed (summaries): an account or card number counts only with any required security code, access code or password; encrypted data counts when the key was also accessed; substitute notice when cost exceeds $250,000 or more than 500,000 residents; consumer reporting agencies when more than 1,000 residents are notified.',
  ],
};
