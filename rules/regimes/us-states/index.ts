import type { StateLaw } from './types';
import { AL } from './al';
import { AK } from './ak';
import { AZ } from './az';
import { AR } from './ar';
import { CA } from './ca';
import { CO } from './co';
import { CT } from './ct';
import { DE } from './de';
import { DC } from './dc';
import { FL } from './fl';
import { GA } from './ga';
import { HI } from './hi';
import { ID } from './id';
import { IL } from './il';
import { IN } from './in';
import { IA } from './ia';
import { KS } from './ks';
import { KY } from './ky';
import { LA } from './la';
import { ME } from './me';
import { MD } from './md';
import { MA } from './ma';
import { MI } from './mi';
import { MN } from './mn';
import { MS } from './ms';
import { MO } from './mo';
import { MT } from './mt';
import { NE } from './ne';
import { NV } from './nv';
import { NH } from './nh';
import { NJ } from './nj';
import { NM } from './nm';
import { NY } from './ny';
import { NC } from './nc';
import { ND } from './nd';
import { OH } from './oh';
import { OK } from './ok';
import { OR } from './or';
import { PA } from './pa';
import { RI } from './ri';
import { SC } from './sc';
import { SD } from './sd';
import { TN } from './tn';
import { TX } from './tx';
import { UT } from './ut';
import { VT } from './vt';
import { VA } from './va';
import { WA } from './wa';
import { WV } from './wv';
import { WI } from './wi';
import { WY } from './wy';
import { PR } from './pr';
import { GU } from './gu';
import { VI } from './vi';

export type { Enactment, RegulatorWhen, StateLaw, StateRegulator, SubstituteNotice } from './types';

/** The breach notification laws of the 50 states, DC, Puerto Rico, Guam and the US Virgin Islands, one file each. */
export const STATE_LAWS: readonly StateLaw[] = [
  AL,
  AK,
  AZ,
  AR,
  CA,
  CO,
  CT,
  DE,
  DC,
  FL,
  GA,
  HI,
  ID,
  IL,
  IN,
  IA,
  KS,
  KY,
  LA,
  ME,
  MD,
  MA,
  MI,
  MN,
  MS,
  MO,
  MT,
  NE,
  NV,
  NH,
  NJ,
  NM,
  NY,
  NC,
  ND,
  OH,
  OK,
  OR,
  PA,
  RI,
  SC,
  SD,
  TN,
  TX,
  UT,
  VT,
  VA,
  WA,
  WV,
  WI,
  WY,
  PR,
  GU,
  VI,
];
