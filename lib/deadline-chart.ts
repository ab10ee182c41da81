import Handlebars from 'handlebars';

// The incident's deadlines as a picture (issue 15): each obligation's clock from its
// start to its due date, holds as shaded spans, notice waves as bars, filings as marks
// and "now" as a line. Server-rendered SVG with fills set inline, so it reads the same
// in the browser, in print and pasted into a report, with no script and no chart library.

export interface ChartObligation {
  id: string;
  recipient: string;
  audience: string;
  required: boolean;
  status: string;
  dueAt: string | null;
  dueNow: boolean;
  clockStartedAt: string | null;
  met: boolean;
  fulfilledAt: string | null;
  metAt: string | null;
}

export interface ChartInput {
  awarenessAt: string;
  now: string;
  obligations: readonly ChartObligation[];
  /** Hold spans; `to` null while the hold is in force. */
  holds: readonly { from: string; to: string | null }[];
  waves: readonly { startedAt: string; endedAt: string | null; sent: number | null; status: string }[];
  filings: readonly { at: string; label: string }[];
}

export const CHART_COLOURS = {
  regulator: '#1565c0',
  individuals: '#6a1b9a',
  controller: '#00838f',
  credit_agencies: '#5d4037',
  media: '#ef6c00',
  overdue: '#c62828',
  met: '#9e9e9e',
  hold: '#ffd54f',
  wave: '#2e7d32',
  now: '#d32f2f',
} as const;

const WIDTH = 960;
const LABEL_W = 280;
const RIGHT = 24;
const ROW_H = 22;
const AXIS_H = 28;
const MAX_ROWS = 40;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEPS = [6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY];

const esc = (s: string): string => Handlebars.escapeExpression(s);
const ms = (iso: string): number => Date.parse(iso);
const round = (n: number): string => n.toFixed(1);

/** Obligations the chart shows: required and still part of the incident (not superseded or found not required). */
export function chartedObligations(list: readonly ChartObligation[]): ChartObligation[] {
  const rank = (o: ChartObligation) => (o.met ? 2 : o.dueNow ? 0 : 1);
  return list
    .filter((o) => o.required && o.status !== 'superseded' && o.status !== 'not_required')
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.dueAt ? ms(a.dueAt) : Infinity) - (b.dueAt ? ms(b.dueAt) : Infinity) ||
        a.id.localeCompare(b.id),
    );
}

/** The colour of an obligation's bar and the word for its state. */
export function barState(o: ChartObligation, nowMs: number): { fill: string; state: string } {
  if (o.met) return { fill: CHART_COLOURS.met, state: 'met' };
  if (o.dueAt && ms(o.dueAt) < nowMs) return { fill: CHART_COLOURS.overdue, state: 'overdue' };
  if (o.dueNow) return { fill: CHART_COLOURS.overdue, state: 'due-now' };
  const fill = (CHART_COLOURS as Record<string, string>)[o.audience] ?? CHART_COLOURS.regulator;
  return { fill, state: o.dueAt && ms(o.dueAt) - nowMs < DAY ? 'due-soon' : 'counting' };
}

function tickLabel(t: number, step: number): string {
  const d = new Date(t);
  const day = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return step < DAY ? `${day} ${d.toISOString().slice(11, 16)}` : day;
}

export function deadlineChartSvg(input: ChartInput): string {
  const nowMs = ms(input.now);
  const all = chartedObligations(input.obligations);
  const rows = all.slice(0, MAX_ROWS);
  const startOf = (o: ChartObligation) => ms(o.clockStartedAt ?? input.awarenessAt);
  const endOf = (o: ChartObligation) =>
    o.met ? ms(o.fulfilledAt ?? o.metAt ?? o.dueAt ?? input.now) : o.dueAt ? ms(o.dueAt) : nowMs;
  const times = [
    ms(input.awarenessAt),
    nowMs,
    ...rows.flatMap((o) => [startOf(o), endOf(o), ...(o.dueAt ? [ms(o.dueAt)] : [])]),
    ...input.holds.flatMap((h) => [ms(h.from), h.to ? ms(h.to) : nowMs]),
    ...input.waves.flatMap((w) => [ms(w.startedAt), w.endedAt ? ms(w.endedAt) : nowMs]),
    ...input.filings.map((f) => ms(f.at)),
  ].filter(Number.isFinite);
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const pad = Math.max((hi - lo) * 0.03, HOUR);
  const t0 = lo - pad;
  const t1 = hi + pad;
  const plotW = WIDTH - LABEL_W - RIGHT;
  const x = (t: number) => LABEL_W + ((t - t0) / (t1 - t0)) * plotW;

  const extraRows = input.waves.length + (input.filings.length ? 1 : 0) + (all.length > rows.length ? 1 : 0);
  const height = AXIS_H + (rows.length + extraRows) * ROW_H + 12;
  const out: string[] = [];
  const overdue = rows.filter((o) => barState(o, nowMs).state === 'overdue').length;
  const dueNow = rows.filter((o) => barState(o, nowMs).state === 'due-now').length;
  const met = rows.filter((o) => o.met).length;
  const held = input.holds.some((h) => h.to === null);
  const desc = `${all.length} obligation${all.length === 1 ? '' : 's'}: ${overdue} overdue, ${dueNow} due now, ${met} met${held ? '; a hold is in force' : ''}. Times in UTC.`;
  out.push(
    `<svg class="deadline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="deadline-chart-title deadline-chart-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="deadline-chart-title">Deadlines</title>`,
    `<desc id="deadline-chart-desc">${esc(desc)}</desc>`,
  );

  // Axis: a handful of ticks at a round step.
  const step = STEPS.find((s) => (t1 - t0) / s <= 8) ?? STEPS.at(-1)!;
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    out.push(
      `<line x1="${round(x(t))}" y1="${AXIS_H - 6}" x2="${round(x(t))}" y2="${height - 4}" stroke="#e0e0e0"/>`,
      `<text x="${round(x(t))}" y="${AXIS_H - 10}" text-anchor="middle" fill="#555">${esc(tickLabel(t, step))}</text>`,
    );
  }

  // Holds behind everything else, so bars stay readable over them.
  for (const h of input.holds) {
    const a = x(ms(h.from));
    const b = x(h.to ? ms(h.to) : nowMs);
    out.push(
      `<rect class="hold" x="${round(a)}" y="${AXIS_H - 4}" width="${round(Math.max(b - a, 2))}" height="${height - AXIS_H}" fill="${CHART_COLOURS.hold}" fill-opacity="0.35"><title>${esc(`Notification hold from ${h.from}${h.to ? ` to ${h.to}` : ', in force'}`)}</title></rect>`,
    );
  }

  let y = AXIS_H;
  for (const o of rows) {
    const { fill, state } = barState(o, nowMs);
    const a = x(startOf(o));
    const b = x(endOf(o));
    const label = o.recipient.length > 44 ? `${o.recipient.slice(0, 43)}…` : o.recipient;
    const when = o.met
      ? `met ${o.fulfilledAt ?? o.metAt ?? ''}`
      : o.dueAt
        ? `due ${o.dueAt}`
        : 'due now (no fixed date)';
    out.push(
      `<g class="obligation ${state}" data-obligation="${esc(o.id)}">`,
      `<title>${esc(`${o.recipient}: ${when}`)}</title>`,
      `<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end" fill="#222">${esc(label)}</text>`,
      `<rect class="bar" x="${round(a)}" y="${y + 5}" width="${round(Math.max(b - a, 2))}" height="${ROW_H - 10}" rx="2" fill="${fill}"${o.dueNow && !o.met ? ' stroke="#7f0000" stroke-dasharray="4 2"' : ''}/>`,
    );
    if (o.dueAt && !o.met)
      out.push(
        `<line class="due" x1="${round(x(ms(o.dueAt)))}" y1="${y + 2}" x2="${round(x(ms(o.dueAt)))}" y2="${y + ROW_H - 2}" stroke="#000" stroke-width="2"/>`,
      );
    out.push('</g>');
    y += ROW_H;
  }
  if (all.length > rows.length) {
    out.push(
      `<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end" fill="#555">${all.length - rows.length} more in the list below</text>`,
    );
    y += ROW_H;
  }
  input.waves.forEach((w, i) => {
    const a = x(ms(w.startedAt));
    const b = x(w.endedAt ? ms(w.endedAt) : nowMs);
    const label = `Notice wave ${i + 1}${w.sent !== null ? ` · ${w.sent} sent` : ''} · ${w.status}`;
    out.push(
      `<g class="wave ${esc(w.status)}"><title>${esc(label)}</title>`,
      `<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end" fill="#222">${esc(label)}</text>`,
      `<rect x="${round(a)}" y="${y + 6}" width="${round(Math.max(b - a, 2))}" height="${ROW_H - 12}" fill="${CHART_COLOURS.wave}"${w.endedAt ? '' : ' fill-opacity="0.6"'}/></g>`,
    );
    y += ROW_H;
  });
  if (input.filings.length) {
    out.push(`<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end" fill="#222">Filings and reports</text>`);
    for (const f of input.filings) {
      const cx = x(ms(f.at));
      const cy = y + ROW_H / 2;
      out.push(
        `<path class="filing" d="M${round(cx)} ${cy - 6} l6 6 l-6 6 l-6 -6 z" fill="#37474f"><title>${esc(`${f.label} ${f.at}`)}</title></path>`,
      );
    }
    y += ROW_H;
  }

  const nx = round(x(nowMs));
  out.push(
    `<line class="now" x1="${nx}" y1="${AXIS_H - 6}" x2="${nx}" y2="${height - 4}" stroke="${CHART_COLOURS.now}" stroke-width="1.5"/>`,
    `<text x="${nx}" y="${height - 0}" text-anchor="middle" fill="${CHART_COLOURS.now}" font-size="10">now</text>`,
    '</svg>',
  );
  return out.join('\n');
}

/** What the chart needs from the incident view: its obligations, waves and timeline. */
export interface ChartSource {
  awarenessAt: string | null;
  obligations: readonly ChartObligation[];
  waves: readonly { startedAt: string; endedAt: string | null; sent: number | null; status: string }[];
  timeline: readonly { at: string; type: string; summary: string }[];
}

const FILING_EVENTS = new Set(['filing.recorded', 'regulator.report_sent', 'regulator.manual_filing']);

/** Hold spans and filings from the timeline (placed → released, in order); null before the scope is assessed. */
export function chartInputOf(view: ChartSource, now: string): ChartInput | null {
  if (!view.awarenessAt || !view.obligations.some((o) => o.required)) return null;
  const holds: { from: string; to: string | null }[] = [];
  for (const e of [...view.timeline].sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.type === 'hold.placed') holds.push({ from: e.at, to: null });
    else if (e.type === 'hold.released') {
      const open = holds.find((h) => h.to === null);
      if (open) open.to = e.at;
    }
  }
  return {
    awarenessAt: view.awarenessAt,
    now,
    obligations: view.obligations,
    holds,
    waves: view.waves,
    filings: view.timeline.filter((e) => FILING_EVENTS.has(e.type)).map((e) => ({ at: e.at, label: e.summary })),
  };
}
