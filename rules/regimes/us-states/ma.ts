import type { StateLaw } from './types';
import { CHART, ET, ag, WITH } from './shared';

export const MA: StateLaw = {
  code: 'MA',
  citation: 'Mass. Gen. Laws ch. 93H, § 3',
  url: CHART,
  zone: ET,
  extra: [],
  individualContent: ['steps_for_individuals', 'regulator_contacts', 'date_of_notice', 'contact_point'],
  harm: true,
  individuals: {},
  regulators: [
    ag(1, WITH),
    { key: 'ocabr', name: 'Office of Consumer Affairs and Business Regulation', min: 1, when: WITH },
  ],
  creditMonitoring: { months: 18, elements: ['national_id'] },
  notes: ['The notice to residents must not state the nature of the breach or the number of residents affected.'],
};
