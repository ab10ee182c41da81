import { describe, expect, it } from 'vitest';
import { collapseAlertRuns, type TimelineRunEntry } from '../../server/use-cases/timeline-runs';

let seq = 0;
const entry = (type: string, actor = 'webhook:prom', summary = `${type} happened`): TimelineRunEntry => {
  seq++;
  return { seq, at: new Date(Date.UTC(2026, 11, 8, 10, 0, seq)).toISOString(), type, actor, summary };
};

describe('collapseAlertRuns', () => {
  it('folds a run of alert entries of one type and source into its first, with the count and the last instant', () => {
    const opened = entry('incident.opened', 'webhook:prom', 'Incident opened (high)');
    const storm = Array.from({ length: 412 }, () => entry('alert.trigger', 'webhook:prom', 'Alert trigger received'));
    const hold = entry('hold.placed', 'user:dpo', 'Law-enforcement hold placed');
    const out = collapseAlertRuns([opened, ...storm, hold]);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual(opened);
    expect(out[1]).toMatchObject({
      seq: storm[0]!.seq,
      at: storm[0]!.at,
      type: 'alert.trigger',
      actor: 'webhook:prom',
      summary: '412 alerts received',
      count: 412,
      lastAt: storm[411]!.at,
      lastSeq: storm[411]!.seq,
    });
    expect(out[2]).toEqual(hold);
  });

  it('keeps a lone alert as it was, and starts a new run at another type, another source or anything between', () => {
    const a = entry('alert.trigger', 'webhook:prom', 'Alert trigger received');
    const b1 = entry('alert.trigger', 'webhook:sentry');
    const b2 = entry('alert.trigger', 'webhook:sentry');
    const r1 = entry('alert.resolve');
    const r2 = entry('alert.resolve');
    const note = entry('note.added', 'user:dpo');
    const k1 = entry('alert.acknowledge');
    const k2 = entry('alert.acknowledge');
    const t = entry('alert.trigger');
    const out = collapseAlertRuns([a, b1, b2, r1, r2, note, k1, k2, t]);
    expect(out.map((e) => [e.type, e.actor, e.count ?? 1, e.summary])).toEqual([
      ['alert.trigger', 'webhook:prom', 1, 'Alert trigger received'],
      ['alert.trigger', 'webhook:sentry', 2, '2 alerts received'],
      ['alert.resolve', 'webhook:prom', 2, '2 alert resolves received'],
      ['note.added', 'user:dpo', 1, 'note.added happened'],
      ['alert.acknowledge', 'webhook:prom', 2, '2 alert acknowledgements received'],
      ['alert.trigger', 'webhook:prom', 1, 'alert.trigger happened'],
    ]);
  });

  it('returns an empty timeline as it is', () => {
    expect(collapseAlertRuns([])).toEqual([]);
  });
});
