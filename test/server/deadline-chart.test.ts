import { describe, expect, it } from 'vitest';
import {
  CHART_COLOURS,
  chartInputOf,
  deadlineChartSvg,
  type ChartInput,
  type ChartObligation,
} from '../../lib/deadline-chart';

// The incident's deadline chart (issue 15): what a DPO reads at a glance must match the obligations.

const ob = (over: Partial<ChartObligation> & { id: string }): ChartObligation => ({
  recipient: over.id,
  audience: 'regulator',
  required: true,
  status: 'pending',
  dueAt: null,
  dueNow: false,
  clockStartedAt: '2026-03-01T09:00:00.000Z',
  met: false,
  fulfilledAt: null,
  metAt: null,
  ...over,
});

const input = (over: Partial<ChartInput> = {}): ChartInput => ({
  awarenessAt: '2026-03-01T09:00:00.000Z',
  now: '2026-03-05T09:00:00.000Z',
  obligations: [],
  holds: [],
  waves: [],
  filings: [],
  ...over,
});

/** The <g> of one obligation, by id. */
const groupOf = (svg: string, id: string): string => {
  const m = new RegExp(`<g class="obligation ([a-z-]+)" data-obligation="${id}">([\\s\\S]*?)</g>`).exec(svg);
  if (!m) throw new Error(`no bar for ${id}`);
  return `${m[1]} ${m[2]}`;
};
const xOf = (fragment: string, tag: string): number =>
  Number(new RegExp(`<${tag}[^>]* x1?="([0-9.]+)"`).exec(fragment)![1]);

describe('deadline chart', () => {
  it('colours an overdue obligation red, a met one grey, a counting one by its audience', () => {
    const svg = deadlineChartSvg(
      input({
        obligations: [
          ob({ id: 'late', dueAt: '2026-03-04T09:00:00.000Z' }),
          ob({
            id: 'done',
            dueAt: '2026-03-04T09:00:00.000Z',
            status: 'filed',
            met: true,
            fulfilledAt: '2026-03-03T09:00:00.000Z',
          }),
          ob({ id: 'people', audience: 'individuals', dueAt: '2026-03-20T09:00:00.000Z' }),
        ],
      }),
    );
    expect(groupOf(svg, 'late')).toMatch(new RegExp(`^overdue [\\s\\S]*fill="${CHART_COLOURS.overdue}"`));
    expect(groupOf(svg, 'done')).toMatch(new RegExp(`^met [\\s\\S]*fill="${CHART_COLOURS.met}"`));
    expect(groupOf(svg, 'people')).toMatch(new RegExp(`^counting [\\s\\S]*fill="${CHART_COLOURS.individuals}"`));
    expect(svg).toContain('3 obligations: 1 overdue, 0 due now, 1 met');
  });

  it('draws an obligation due now (no fixed date) up to the now line, dashed, and lists it first', () => {
    const svg = deadlineChartSvg(
      input({
        obligations: [ob({ id: 'dated', dueAt: '2026-03-20T09:00:00.000Z' }), ob({ id: 'pipl', dueNow: true })],
      }),
    );
    expect(svg.indexOf('data-obligation="pipl"')).toBeLessThan(svg.indexOf('data-obligation="dated"'));
    const g = groupOf(svg, 'pipl');
    expect(g).toMatch(/^due-now/);
    expect(g).toContain('stroke-dasharray');
    const bar = /<rect class="bar" x="([0-9.]+)"[^>]* width="([0-9.]+)"/.exec(g)!;
    const nowX = xOf(svg, 'line class="now"');
    expect(Number(bar[1]) + Number(bar[2])).toBeCloseTo(nowX, 0);
  });

  it('leaves out obligations that are not required or were superseded', () => {
    const svg = deadlineChartSvg(
      input({
        obligations: [
          ob({ id: 'kept', dueAt: '2026-03-20T09:00:00.000Z' }),
          ob({ id: 'optional', required: false }),
          ob({ id: 'old', status: 'superseded', dueAt: '2026-03-20T09:00:00.000Z' }),
        ],
      }),
    );
    expect(svg).toContain('data-obligation="kept"');
    expect(svg).not.toContain('data-obligation="optional"');
    expect(svg).not.toContain('data-obligation="old"');
  });

  it('shades a hold from its placing to its release, and to now while it is in force', () => {
    const view = {
      awarenessAt: '2026-03-01T09:00:00.000Z',
      obligations: [ob({ id: 'a', dueAt: '2026-03-20T09:00:00.000Z' })],
      waves: [],
      timeline: [
        { at: '2026-03-02T09:00:00.000Z', type: 'hold.placed', summary: 'Hold placed' },
        { at: '2026-03-03T09:00:00.000Z', type: 'hold.released', summary: 'Hold released' },
        { at: '2026-03-04T09:00:00.000Z', type: 'hold.placed', summary: 'Hold placed' },
        { at: '2026-03-04T12:00:00.000Z', type: 'filing.recorded', summary: 'Filed with the DPC' },
      ],
    };
    const chartIn = chartInputOf(view, '2026-03-05T09:00:00.000Z')!;
    expect(chartIn.holds).toEqual([
      { from: '2026-03-02T09:00:00.000Z', to: '2026-03-03T09:00:00.000Z' },
      { from: '2026-03-04T09:00:00.000Z', to: null },
    ]);
    expect(chartIn.filings).toEqual([{ at: '2026-03-04T12:00:00.000Z', label: 'Filed with the DPC' }]);
    const svg = deadlineChartSvg(chartIn);
    const holds = [...svg.matchAll(/<rect class="hold" x="([0-9.]+)"[^>]* width="([0-9.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(holds).toHaveLength(2);
    expect(holds[1]![0]! + holds[1]![1]!).toBeCloseTo(xOf(svg, 'line class="now"'), 0);
    expect(svg).toContain('a hold is in force');
    expect(svg.match(/class="filing"/g)).toHaveLength(1);
  });

  it('escapes recipients and filing labels', () => {
    const svg = deadlineChartSvg(
      input({
        obligations: [ob({ id: 'x', recipient: '<script>alert(1)</script> & co', dueAt: '2026-03-20T09:00:00.000Z' })],
        filings: [{ at: '2026-03-02T09:00:00.000Z', label: '"><img src=x onerror=alert(1)>' }],
      }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('is absent before any required obligation exists', () => {
    expect(
      chartInputOf(
        { awarenessAt: '2026-03-01T09:00:00.000Z', obligations: [], waves: [], timeline: [] },
        '2026-03-05T09:00:00.000Z',
      ),
    ).toBeNull();
  });
});
