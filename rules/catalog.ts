import type { Facts } from './facts';
import type { Obligation, RegimeInfo } from './types';
import { EU_GDPR, UK_GDPR, evaluateEuGdpr, evaluateUkGdpr } from './regimes/gdpr';
import { CN_PIPL, CN_CAC, evaluatePipl, evaluateCac } from './regimes/china';
import { STATE_EVALUATORS } from './regimes/us-states';

// The list of regimes the engine runs, in output order.

export type RegimeModule = { info: RegimeInfo; evaluate: (f: Facts) => Obligation[] };

export const CATALOG: readonly RegimeModule[] = [
  { info: EU_GDPR, evaluate: evaluateEuGdpr },
  { info: UK_GDPR, evaluate: evaluateUkGdpr },
  { info: CN_PIPL, evaluate: evaluatePipl },
  { info: CN_CAC, evaluate: evaluateCac },
  ...STATE_EVALUATORS,
];
