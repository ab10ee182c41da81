import { STATE_LAWS, type RegulatorWhen, type StateLaw } from './regimes/us-states/index';
import { BASELINE } from './regimes/us-states/shared';

// The US states table of rules/README.md, generated from the entries so that the
// README cannot drift from the data (test/rules/readme-coverage.test.ts compares them).

export const STATE_TABLE_BEGIN = '<!-- us-states-table:begin (npm run rules:readme) -->';
export const STATE_TABLE_END = '<!-- us-states-table:end -->';

function when(w: RegulatorWhen): string {
  switch (w.kind) {
    case 'withIndividuals':
      return 'with residents';
    case 'beforeIndividuals':
      return 'before residents';
    case 'afterIndividuals':
      return `${w.days} ${w.businessDays ? 'business ' : ''}days after residents`;
    case 'fromDiscovery':
      return `${w.days} ${w.businessDays ? 'business ' : ''}days from discovery`;
    case 'fromDetermination':
      return `${w.days} days from determination`;
    case 'expedient':
      return 'without unreasonable delay';
  }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function elements(law: StateLaw): string {
  const withName = [...BASELINE.filter((e) => !(law.notBaseline ?? []).includes(e)), ...law.extra];
  const alone = law.alone?.length ? `; alone: ${law.alone.join(', ')}` : '';
  return `${withName.join(', ')}${alone}`;
}

function row(code: string, law: StateLaw, citation: string): string {
  const individuals = law.individuals.days
    ? `${law.individuals.days} days from ${law.individuals.from ?? 'discovery'}`
    : 'most expedient';
  const regulators =
    law.regulators
      .map((r) =>
        Number.isFinite(r.min)
          ? `${r.name} ${r.min <= 1 ? 'any' : `≥${r.min}`}, ${when(r.when)}${r.onNoHarm ? '; also no-harm determination' : ''}`
          : `${r.name} (no-harm determination only)`,
      )
      .join('; ') || '—';
  const processor = law.processorDays
    ? `${law.processorDays} days`
    : law.processorHours
      ? `${law.processorHours} hours`
      : 'immediately';
  const sub = law.substitute
    ? `cost > $${law.substitute.costOver.toLocaleString('en-US')}, > ${law.substitute.peopleOver.toLocaleString('en-US')} people${law.substitute.noContact ? ', no contact data' : ''}`
    : '—';
  const enacted = (law.enactments ?? []).map((e) => `${e.act} (${e.effective})`).join('; ') || '—';
  const checked = (law.checked ?? []).map((c) => c.fact).join('; ');
  const confirmed = checked ? `${checked}; the rest unconfirmed` : 'no (breach-chart shape)';
  return `| ${[
    code,
    citation,
    elements(law),
    individuals,
    regulators,
    law.cra ? `≥${law.cra.min}` : '—',
    law.harm ? 'yes' : 'no',
    processor,
    sub,
    enacted,
    confirmed,
  ]
    .map(cell)
    .join(' | ')} |`;
}

/** The markdown table (with its begin and end markers) of every state entry and its amendments. */
export function stateCoverageTable(): string {
  const lines = [
    STATE_TABLE_BEGIN,
    '',
    '| Regime | Citation | Covered with a name; alone | Individuals | Regulator (threshold, deadline) | CRAs | Harm exemption | Processor to owner | Substitute notice | Enactments relied on | Confirmed against the statute text |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const law of STATE_LAWS) {
    const id = `us-${law.code.toLowerCase()}`;
    lines.push(row(id, law, law.citation));
    for (const a of law.amendments ?? []) lines.push(row(`${id} from ${a.from}`, { ...law, ...a.change }, a.citation));
  }
  lines.push('', STATE_TABLE_END);
  return lines.join('\n');
}

/** The README with its state table replaced by the generated one. */
export function withStateTable(readme: string): string {
  const begin = readme.indexOf(STATE_TABLE_BEGIN);
  const end = readme.indexOf(STATE_TABLE_END);
  if (begin < 0 || end < begin) throw new Error('rules/README.md has no state table markers');
  return readme.slice(0, begin) + stateCoverageTable() + readme.slice(end + STATE_TABLE_END.length);
}
