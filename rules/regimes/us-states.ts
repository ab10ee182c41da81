import type { Facts } from '../facts';
import type { NoticeChannels, Obligation, RegimeInfo, Source } from '../types';
import { US_STATE_NAMES, type Audience, type DataElement } from '../vocabulary';
import { buildObligation, localAwarenessDate, unconfirmedFactsOf, type Unconfirmed } from '../obligation';
import { keepKey, LAW_ENFORCEMENT, type DeadlineSpec, type HoldRule } from '../deadline';
import { STATE_LAWS, type StateLaw, type StateRegulator } from './us-states/index';
import { BASELINE, substituteConditions } from './us-states/shared';

// One small evaluator over the state table: coverage of the data, the
// encryption safe harbour, the risk-of-harm exemption, and each audience with
// its threshold and clock.

/** All base statutes were in force by mid-2018 (Alabama and South Dakota last); amendments carry their own dates. */
const BASE_COMMENCEMENT = '2018-07-01';

const IND_CONTENT = [
  'nature',
  'categories_of_data',
  'occurred_at',
  'date_of_notice',
  'measures_taken',
  'contact_point',
  'steps_for_individuals',
  'toll_free_numbers',
  'regulator_contacts',
];
/** The means of notice to residents Breachline counts where a state's entry does not narrow them. */
const RESIDENT_CHANNELS: NoticeChannels = { email: 'counts', sms: 'counts', letter: 'counts' };
const REG_CONTENT = [
  'sample_notice',
  'nature',
  'approximate_people',
  'occurred_at',
  'discovered_at',
  'measures_taken',
  'date_of_notice',
  'contact_point',
];
const CRA_CONTENT = ['date_of_notice', 'approximate_people'];
const CONTROLLER_CONTENT = ['nature', 'categories_of_data', 'approximate_people', 'occurred_at', 'discovered_at'];

export function stateRegimeInfo(law: StateLaw): RegimeInfo {
  return {
    id: `us-${law.code.toLowerCase()}`,
    name: `${US_STATE_NAMES[law.code]} security breach notification law`,
    citation: law.citation,
    sourceUrl: law.url,
    commencement: BASE_COMMENCEMENT,
  };
}

export const STATE_REGIMES: readonly RegimeInfo[] = STATE_LAWS.map(stateRegimeInfo);

/** The entry as amended at the incident's awareness date (local to the state). */
const VERSIONS = new Map<StateLaw, { from: string; law: StateLaw }[]>();
function effectiveLaw(law: StateLaw, day: string): StateLaw {
  // Each version is built once, so caches keyed by the version object hold across evaluations.
  let versions = VERSIONS.get(law);
  if (!versions) {
    versions = [{ from: '', law }];
    for (const a of [...(law.amendments ?? [])].sort((x, y) => x.from.localeCompare(y.from)))
      versions.push({ from: a.from, law: { ...versions.at(-1)!.law, ...a.change, citation: a.citation } });
    VERSIONS.set(law, versions);
  }
  let out = law;
  for (const v of versions) if (day >= v.from) out = v.law;
  return out;
}

const COVERAGE = new Map<StateLaw, { withName: ReadonlySet<string>; alone: ReadonlySet<string> }>();
/** The elements a law version covers with a name and alone, as sets built once. */
function coverageOf(law: StateLaw): { withName: ReadonlySet<string>; alone: ReadonlySet<string> } {
  let out = COVERAGE.get(law);
  if (!out) {
    const withName = new Set<string>(law.extra);
    for (const e of BASELINE) if (!law.notBaseline?.includes(e)) withName.add(e);
    out = { withName, alone: new Set(law.alone ?? []) };
    COVERAGE.set(law, out);
  }
  return out;
}

/** The incident's elements the law covers: those it covers with a name (when a name is among them), then alone. */
function coveredElements(law: StateLaw, f: Facts): DataElement[] {
  const { withName, alone } = coverageOf(law);
  const out: DataElement[] = [];
  if (f.dataElements.includes('name'))
    for (const e of f.dataElements) if (withName.has(e) && !out.includes(e)) out.push(e);
  for (const e of f.dataElements) if (alone.has(e) && !out.includes(e)) out.push(e);
  return out;
}

/** One fact an obligation rests on, and the words a checked fact must contain to confirm it. */
type Part = { fact: string; covered: RegExp[] };

/** A number as statutes write it: 1000, 1,000. */
const num = (n: number): string => `\\b${n.toLocaleString('en-US').replace(/,/g, ',?')}\\b`;
/** A threshold stated either way ("500 or more" is 500, "more than 500" is 501). */
const threshold = (min: number): RegExp => new RegExp(`${num(min)}|${num(min - 1)}`);
const days = (n: number): RegExp => new RegExp(`${num(n)}[- ](calendar |business )?(days?|hours?)`, 'i');
const NO_LIMIT = /expedi|unreasonable delay|as soon as|immediately|without delay/i;

/**
 * The sources of one obligation: every checked fact about its audience (confirmed), then each part of the entry
 * that no checked fact names (unconfirmed, so the obligation says "check before relying on it"), then the list
 * of covered elements unless a checked definition confirms it. A part is confirmed only when one checked fact
 * contains all of its words: a checked deadline does not vouch for the threshold beside it.
 */
type Sourced = { sources: Source[]; unconfirmed: Unconfirmed };
const SOURCES = new Map<StateLaw, Map<unknown, Sourced>>();
/**
 * sourcesFor, built once per law version and slot (a regulator entry, or a short name for the other notices), so
 * the parts' regexes are compiled once and no key string is built per evaluation.
 */
function sourcesOnce(law: StateLaw, audience: Audience, slot: unknown, parts: () => readonly Part[]): Sourced {
  let bySlot = SOURCES.get(law);
  if (!bySlot) SOURCES.set(law, (bySlot = new Map()));
  let out = bySlot.get(slot);
  if (!out) {
    const sources = sourcesFor(law, audience, parts());
    bySlot.set(slot, (out = { sources, unconfirmed: unconfirmedFactsOf(sources) }));
  }
  return out;
}

function sourcesFor(law: StateLaw, audience: Audience, parts: readonly Part[]): Source[] {
  const checked = (law.checked ?? []).filter((c) => {
    const about = c.audience ?? audienceOfFact(c.fact);
    return about === audience || about === 'all';
  });
  const out: Source[] = checked.map((c) => ({ fact: c.fact, url: c.url, confirmed: true }));
  for (const part of parts)
    if (!checked.some((c) => part.covered.every((re) => re.test(c.fact))))
      out.push({ fact: `${law.code}: ${part.fact}`, url: law.url, confirmed: false });
  const definition = (law.checked ?? []).filter((c) => c.audience === 'definition');
  if (definition.length) out.push(...definition.map((c) => ({ fact: c.fact, url: c.url, confirmed: true })));
  else out.push({ fact: `${law.code}: the list of covered data elements`, url: law.url, confirmed: false });
  return out;
}

function audienceOfFact(fact: string): Audience | 'all' {
  if (/vendor|third-party agent|notifies the owner/i.test(fact)) return 'controller';
  if (/attorney general/i.test(fact) && /individual/i.test(fact)) return 'all';
  if (/attorney general/i.test(fact)) return 'regulator';
  if (/law enforcement/i.test(fact)) return 'all';
  return 'individuals';
}

const LINES = new Map<StateLaw, { content: string | null; substitute: string | null }>();
/** The why's sentences that depend only on the law version, built once (number formatting is slow). */
function lawLines(law: StateLaw): { content: string | null; substitute: string | null } {
  let out = LINES.get(law);
  if (out) return out;
  const sub = law.substitute;
  out = {
    content:
      law.individualContent && law.contentSection
        ? `${law.contentSection} prescribes what the notice must say: ${law.individualContent.join(', ')}.`
        : null,
    substitute: sub
      ? `Substitute notice (${sub.means}) is allowed when ${substituteConditions(sub)} (${sub.section}).`
      : null,
  };
  LINES.set(law, out);
  return out;
}

// Per-law constants, built once rather than on every evaluation (the catalog's laws are immutable data).
const INFO = new Map<StateLaw, RegimeInfo>();
const HOLDS = new Map<StateLaw, HoldRule>();

export function evaluateState(law0: StateLaw, f: Facts): Obligation[] {
  const residents = f.affected[`US-${law0.code}`] ?? 0;
  if (residents === 0) return [];
  let info = INFO.get(law0);
  if (!info) INFO.set(law0, (info = stateRegimeInfo(law0)));
  const day = localAwarenessDate(f, law0.zone);
  if (day < BASE_COMMENCEMENT) return [];
  const law = effectiveLaw(law0, day);
  const state = US_STATE_NAMES[law.code];
  const zone = law.zone;
  const covered = coveredElements(law, f);
  const harbour = f.encrypted && !f.keyCompromised;
  let hold = HOLDS.get(law);
  if (!hold) {
    hold = {
      sources: LAW_ENFORCEMENT,
      forms: law.holdWritten ? ['written'] : undefined,
      note: `${law.citation} lets notice be delayed when a law enforcement agency ${law.holdWritten ? 'asks in writing, having determined' : 'determines'} that it would impede a criminal investigation (Breachline applies the delay to every notice under the section)`,
    };
    HOLDS.set(law, hold);
  }
  const scope = `${residents} ${state} resident${residents === 1 ? '' : 's'} affected.`;
  const coverageWhy =
    covered.length > 0
      ? `Covered personal information: ${covered.join(', ')}${f.dataElements.includes('name') ? ' (with name)' : ''}.`
      : `None of the data elements (${f.dataElements.join(', ') || 'none'}) is personal information under ${law.citation}${f.dataElements.includes('name') ? '' : ' (most elements count only together with a name)'}.`;
  const harbourWhy = harbour
    ? 'The data was encrypted and the key was not compromised: the encryption safe harbour applies.'
    : f.encrypted
      ? law.encryption?.keyException === false
        ? `The data was encrypted but the key was compromised. ${law.citation} does not mention the key; Breachline treats the data as unencrypted (the conservative reading), so the safe harbour does not apply.`
        : 'The data was encrypted but the key was compromised, so the encryption safe harbour does not apply.'
      : '';

  if (f.role === 'processor') {
    const deadline: DeadlineSpec = law.processorDays
      ? {
          period: { unit: 'days', n: law.processorDays },
          from: { kind: 'notifiable' },
          zone,
          text: `within ${law.processorDays} days of determining the breach`,
        }
      : law.processorHours
        ? {
            period: { unit: 'hours', n: law.processorHours },
            from: { kind: 'discovery' },
            zone,
            text: `within ${law.processorHours} hours of discovery`,
          }
        : { period: { unit: 'none' }, from: { kind: 'discovery' }, zone, text: 'immediately following discovery' };
    const required = covered.length > 0 && !harbour;
    return [
      buildObligation(f, {
        regime: info,
        audience: 'controller',
        recipientKey: 'owner',
        recipient: 'The owner or licensee of the data',
        required,
        deadline,
        basis: law.citation,
        why: [
          scope,
          coverageWhy,
          harbourWhy,
          required
            ? 'We maintain the data for its owner: we must tell the owner, who notifies residents and regulators.'
            : 'No notice to the owner is required.',
        ].filter(Boolean),
        content: CONTROLLER_CONTENT,
        hold,
        ...sourcesOnce(law, 'controller', 'controller', () => [
          {
            fact: `a person maintaining data for its owner notifies the owner ${deadline.text}`,
            covered: [
              law.processorDays ? days(law.processorDays) : law.processorHours ? days(law.processorHours) : NO_LIMIT,
            ],
          },
        ]),
      }),
    ];
  }

  const harmExempt = law.harm && f.riskLevel === 'none';
  const individualsRequired = covered.length > 0 && !harbour && !harmExempt;
  const out: Obligation[] = [];
  const indDeadline = individualsDeadline(law);

  const indWhy = [scope, coverageWhy];
  if (harbourWhy) indWhy.push(harbourWhy);
  if (covered.length > 0 && !harbour) {
    if (harmExempt)
      indWhy.push(
        `Risk assessed as 'none': ${state} excuses notice when an investigation finds ${law.harmTest ?? 'misuse or harm not reasonably likely'}; document the determination and keep it.`,
      );
    else if (f.riskLevel === 'none')
      indWhy.push(`${state} has no risk-of-harm exemption, so a 'none' risk assessment does not excuse notice.`);
  }
  let content = law.individualContent ?? IND_CONTENT;
  const lines = lawLines(law);
  if (lines.content) indWhy.push(lines.content);
  if (law.creditMonitoring && covered.some((e) => law.creditMonitoring!.elements.includes(e))) {
    content = [...content, 'credit_monitoring_offer'];
    indWhy.push(
      `The breach involves ${law.creditMonitoring.elements.filter((e) => covered.includes(e)).join(', ')}: offer ${law.creditMonitoring.months} months of free credit monitoring or identity theft protection${law.code === 'CA' ? ' (when we were the source of the breach)' : ''}.`,
    );
  }
  for (const n of law.notes ?? []) indWhy.push(n);
  const sub = law.substitute;
  if (sub && individualsRequired && lines.substitute) indWhy.push(lines.substitute);
  const individuals = buildObligation(f, {
    regime: info,
    audience: 'individuals',
    recipientKey: 'residents',
    recipient: `Affected ${state} residents`,
    required: individualsRequired,
    deadline: indDeadline,
    basis: law.citation,
    why: indWhy,
    content,
    hold,
    ...sourcesOnce(law, 'individuals', sub && individualsRequired ? 'individuals+substitute' : 'individuals', () =>
      individualParts(law, indDeadline.text, !!(sub && individualsRequired)),
    ),
  });
  if (law.prohibitedContent?.length) individuals.contentProhibited = law.prohibitedContent;
  individuals.channels = law.channels ?? RESIDENT_CHANNELS;
  if (content.includes('credit_monitoring_offer')) individuals.creditMonitoringMonths = law.creditMonitoring!.months;
  if (sub && individualsRequired)
    individuals.substituteNotice = {
      costOver: sub.costOver,
      peopleOver: sub.peopleOver,
      noContact: sub.noContact,
      means: sub.means,
      basis: sub.section,
    };
  out.push(individuals);

  for (const reg of law.regulators)
    out.push(
      regulatorObligation(
        f,
        law,
        info,
        reg,
        residents,
        individualsRequired,
        harmExempt && covered.length > 0 && !harbour,
        indDeadline,
        hold,
        scope,
      ),
    );

  if (law.cra) {
    const craMin = law.cra.min;
    const met = residents >= craMin;
    out.push(
      buildObligation(f, {
        regime: info,
        audience: 'credit_agencies',
        recipientKey: 'nationwide-cras',
        recipient: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)',
        required: individualsRequired && met,
        deadline: craDeadline(law),
        basis: law.citation,
        why: [
          scope,
          `${state} requires notice to the consumer reporting agencies of the timing, distribution and content of the notices when ${law.cra.min === 1 ? 'any resident is' : `${law.cra.min} or more residents are`} notified; ${met ? 'threshold met' : 'threshold not met'}.`,
          ...(individualsRequired ? [] : ['No notice to residents is required, so none to the agencies either.']),
        ],
        content: CRA_CONTENT,
        hold,
        ...sourcesOnce(law, 'credit_agencies', 'credit_agencies', () => [
          {
            fact: `consumer reporting agencies when ${craMin} or more residents are notified`,
            covered: [
              /consumer reporting|credit (reporting )?(agenc|bureau)/i,
              ...(craMin > 1 ? [threshold(craMin)] : []),
            ],
          },
        ]),
      }),
    );
  }
  return out;
}

const IND_DEADLINES = new Map<StateLaw, DeadlineSpec>();
/** The residents' deadline of a law version, built once so that its arithmetic key is computed once too. */
function individualsDeadline(law: StateLaw): DeadlineSpec {
  let d = IND_DEADLINES.get(law);
  if (d) return d;
  const zone = law.zone;
  d = law.individuals.days
    ? {
        period: { unit: 'days', n: law.individuals.days },
        from: law.individuals.from === 'determination' ? { kind: 'notifiable' } : { kind: 'discovery' },
        zone,
        text: `within ${law.individuals.days} calendar days of ${law.individuals.from === 'determination' ? 'determining the breach' : 'discovery'}, and without unreasonable delay`,
      }
    : {
        period: { unit: 'none' },
        from: { kind: 'discovery' },
        zone,
        text: 'in the most expedient time possible and without unreasonable delay',
      };
  IND_DEADLINES.set(law, keepKey(d));
  return d;
}

const CRA_DEADLINES = new Map<StateLaw, DeadlineSpec>();
function craDeadline(law: StateLaw): DeadlineSpec {
  let d = CRA_DEADLINES.get(law);
  if (!d) {
    d = { period: { unit: 'none' }, from: { kind: 'discovery' }, zone: law.zone, text: 'without unreasonable delay' };
    CRA_DEADLINES.set(law, keepKey(d));
  }
  return d;
}

const REG_DEADLINES = new Map<StateLaw, Map<StateRegulator, DeadlineSpec>>();
function regulatorDeadline(
  law: StateLaw,
  info: RegimeInfo,
  reg: StateRegulator,
  indDeadline: DeadlineSpec,
): DeadlineSpec {
  let byReg = REG_DEADLINES.get(law);
  if (!byReg) REG_DEADLINES.set(law, (byReg = new Map()));
  const cached = byReg.get(reg);
  if (cached) return cached;
  const zone = law.zone;
  let deadline: DeadlineSpec;
  switch (reg.when.kind) {
    case 'withIndividuals':
      deadline = { ...indDeadline, text: `no later than the notice to residents (${indDeadline.text})` };
      break;
    case 'beforeIndividuals':
      deadline = { ...indDeadline, text: `before the notice to residents (${indDeadline.text})` };
      break;
    case 'afterIndividuals':
      deadline = {
        period: reg.when.businessDays
          ? { unit: 'businessDays', n: reg.when.days, calendar: 'weekends-only' }
          : { unit: 'days', n: reg.when.days },
        from: { kind: 'notice', regime: info.id, audience: 'individuals', label: 'the notice to residents' },
        zone,
        text: `within ${reg.when.days} ${reg.when.businessDays ? 'business' : 'calendar'} days of notifying residents`,
      };
      break;
    case 'fromDiscovery':
      deadline = {
        period: reg.when.businessDays
          ? { unit: 'businessDays', n: reg.when.days, calendar: 'weekends-only' }
          : { unit: 'days', n: reg.when.days },
        from: { kind: 'discovery' },
        zone,
        text: `within ${reg.when.days} ${reg.when.businessDays ? 'business' : 'calendar'} days of discovery`,
      };
      break;
    case 'fromDetermination':
      deadline = {
        period: { unit: 'days', n: reg.when.days },
        from: { kind: 'notifiable' },
        zone,
        text: `within ${reg.when.days} calendar days of determining the breach`,
      };
      break;
    case 'expedient':
      deadline = { period: { unit: 'none' }, from: { kind: 'discovery' }, zone, text: 'without unreasonable delay' };
      break;
  }
  byReg.set(reg, keepKey(deadline));
  return deadline;
}

function regulatorObligation(
  f: Facts,
  law: StateLaw,
  info: RegimeInfo,
  reg: StateRegulator,
  residents: number,
  individualsRequired: boolean,
  noHarmUsed: boolean,
  indDeadline: DeadlineSpec,
  hold: HoldRule,
  scope: string,
): Obligation {
  const met = residents >= reg.min;
  const noHarmNotice = !!reg.onNoHarm && noHarmUsed;
  const required = (individualsRequired && met) || noHarmNotice;
  const deadline = regulatorDeadline(law, info, reg, indDeadline);
  const thresholdText = Number.isFinite(reg.min)
    ? reg.min <= 1
      ? 'for any breach requiring notice to residents'
      : `when ${reg.min} or more residents are affected`
    : 'only to record a no-harm determination';
  const why = [
    scope,
    `${reg.name}: notice ${thresholdText}; ${Number.isFinite(reg.min) ? (met ? 'threshold met' : `threshold not met (${residents} < ${reg.min})`) : 'no threshold'}.`,
  ];
  if (noHarmNotice)
    why.push(
      `Notice to residents is skipped on the risk-of-harm exemption, so ${law.code} requires the written no-harm determination to be given to the ${reg.name}.`,
    );
  else if (!individualsRequired) why.push('No notice to residents is required, so none to the regulator either.');
  const out = buildObligation(f, {
    regime: info,
    audience: 'regulator',
    recipientKey: reg.key,
    recipient: `${reg.name} (${US_STATE_NAMES[law.code]})`,
    required,
    deadline,
    basis: law.citation,
    why,
    content: noHarmNotice ? ['nature', 'approximate_people', 'measures_taken', 'discovered_at'] : REG_CONTENT,
    hold,
    ...sourcesOnce(law, 'regulator', reg, () => [
      {
        fact: `${reg.name} ${thresholdText}, ${deadline.text}`,
        covered: [
          ...(Number.isFinite(reg.min) && reg.min > 1 ? [threshold(reg.min)] : []),
          ...('days' in reg.when ? [days(reg.when.days)] : []),
        ],
      },
    ]),
  });
  // The workflow keeps the law's order against the residents' notice (New Jersey's State Police first).
  if (
    required &&
    (reg.when.kind === 'beforeIndividuals' ||
      reg.when.kind === 'withIndividuals' ||
      reg.when.kind === 'afterIndividuals')
  )
    out.order = reg.when.kind;
  return out;
}

function individualParts(law: StateLaw, deadlineText: string, substitute: boolean): Part[] {
  const parts: Part[] = [
    {
      fact: `individuals ${deadlineText}`,
      covered: [law.individuals.days ? days(law.individuals.days) : NO_LIMIT],
    },
    {
      fact: `risk-of-harm exemption: ${law.harm ? `yes${law.harmTest ? ` (${law.harmTest})` : ''}` : 'no'}`,
      covered: [/harm|misuse|identity theft|fraud|injury|risk/i],
    },
    {
      fact: `encryption safe harbour${law.encryption?.keyException === false ? ' (the statute does not mention the key)' : ' unless the key is compromised'}`,
      covered: [/encrypt|key/i],
    },
  ];
  if (substitute && law.substitute)
    parts.push({
      fact: `substitute notice when ${substituteConditions(law.substitute)} (${law.substitute.section})`,
      covered: [/substitute/i],
    });
  if (law.individualContent)
    parts.push({
      fact: `what the notice must contain${law.contentSection ? ` (${law.contentSection})` : ''}`,
      covered: [/content|must include|shall include|shall contain|must contain/i],
    });
  return parts;
}

export const STATE_EVALUATORS: readonly { info: RegimeInfo; evaluate: (f: Facts) => Obligation[] }[] = STATE_LAWS.map(
  (law) => ({
    info: stateRegimeInfo(law),
    evaluate: (f: Facts) => evaluateState(law, f),
  }),
);
