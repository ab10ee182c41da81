import type { Facts } from './facts';
import type { Obligation, RegimeInfo } from './types';
import { EU_GDPR, UK_GDPR, evaluateEuGdpr, evaluateUkGdpr } from './regimes/gdpr';
import { CN_PIPL, CN_CAC, evaluatePipl, evaluateCac } from './regimes/china';
import { STATE_EVALUATORS } from './regimes/us-states';
import { US_HIPAA, evaluateHipaa } from './regimes/us-hipaa';
import { US_SEC, evaluateSec } from './regimes/us-sec';
import { US_NYDFS, evaluateNydfs } from './regimes/us-nydfs';
import { EU_NIS2, evaluateNis2 } from './regimes/eu-nis2';
import { CA_PIPEDA, CA_QC, evaluatePipeda, evaluateQuebec } from './regimes/canada';
import { AU_NDB, evaluateNdb } from './regimes/au-ndb';
import { BR_LGPD, evaluateLgpd } from './regimes/br-lgpd';
import { SG_PDPA, evaluatePdpa } from './regimes/sg-pdpa';
import { JP_APPI, evaluateAppi } from './regimes/jp-appi';
import { KR_PIPA, evaluatePipa } from './regimes/kr-pipa';
import { IN_DPDP, IN_CERTIN, evaluateDpdp, evaluateCertIn } from './regimes/india';
import { US_GLBA_FTC, US_FTC_HBNR, evaluateGlbaFtc, evaluateHbnr } from './regimes/us-ftc';
import { US_SEC_REG_SP, evaluateRegSp } from './regimes/us-sec-regsp';
import { US_FCC_CPNI, evaluateCpni } from './regimes/us-fcc-cpni';
import { EU_EPRIVACY, evaluateEprivacy } from './regimes/eu-eprivacy';
import { EU_DORA, evaluateDora } from './regimes/eu-dora';
import { INSURANCE_EVALUATORS } from './regimes/us-insurance';
import { WORLD_EVALUATORS } from './regimes/world';

// The list of regimes the engine runs, in output order.

export type RegimeModule = { info: RegimeInfo; evaluate: (f: Facts) => Obligation[] };

export const CATALOG: readonly RegimeModule[] = [
  { info: EU_GDPR, evaluate: evaluateEuGdpr },
  { info: UK_GDPR, evaluate: evaluateUkGdpr },
  { info: CN_PIPL, evaluate: evaluatePipl },
  { info: CN_CAC, evaluate: evaluateCac },
  { info: EU_NIS2, evaluate: evaluateNis2 },
  { info: EU_DORA, evaluate: evaluateDora },
  { info: EU_EPRIVACY, evaluate: evaluateEprivacy },
  { info: US_HIPAA, evaluate: evaluateHipaa },
  { info: US_SEC, evaluate: evaluateSec },
  { info: US_NYDFS, evaluate: evaluateNydfs },
  { info: US_GLBA_FTC, evaluate: evaluateGlbaFtc },
  { info: US_FTC_HBNR, evaluate: evaluateHbnr },
  { info: US_SEC_REG_SP, evaluate: evaluateRegSp },
  { info: US_FCC_CPNI, evaluate: evaluateCpni },
  { info: CA_PIPEDA, evaluate: evaluatePipeda },
  { info: CA_QC, evaluate: evaluateQuebec },
  { info: AU_NDB, evaluate: evaluateNdb },
  { info: BR_LGPD, evaluate: evaluateLgpd },
  { info: SG_PDPA, evaluate: evaluatePdpa },
  { info: JP_APPI, evaluate: evaluateAppi },
  { info: KR_PIPA, evaluate: evaluatePipa },
  { info: IN_DPDP, evaluate: evaluateDpdp },
  { info: IN_CERTIN, evaluate: evaluateCertIn },
  ...STATE_EVALUATORS,
  ...INSURANCE_EVALUATORS,
  ...WORLD_EVALUATORS,
];
