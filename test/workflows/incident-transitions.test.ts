// The v2 incident's pure rules: when the data-subject gate is open, when a wave is
// wanted, what a wave's end does, and how the engine's hold verdict becomes a status.
import { describe, expect, it } from 'vitest';
import { initialState } from '../../workflows/incident/workflow';
import { endWave, reportAllowed, sendGateOf, startWave, waveWanted } from '../../workflows/incident/waves';
import { expireHeld, mergeObligations, nextHoldExpiry, updateObligations } from '../../workflows/incident/obligations';
import type { IncidentState, RuleObligation, TrackedObligation } from '../../workflows/types';

const rule = (
  over: Partial<RuleObligation> & { id: string; audience: RuleObligation['audience'] },
): RuleObligation => ({
  regime: over.id.split(':')[0]!,
  recipient: 'someone',
  required: true,
  dueAt: '2026-12-10T00:00:00.000Z',
  deadline: 'within 72 hours',
  basis: 'a law',
  why: 'because',
  content: [],
  holdMayDelay: true,
  ...over,
});
const tracked = (o: RuleObligation, status: TrackedObligation['status'] = 'pending'): TrackedObligation => ({
  ...o,
  status,
});

const individuals = tracked(rule({ id: 'gdpr:individuals:subjects', audience: 'individuals' }));
const regulator = tracked(rule({ id: 'gdpr:regulator:dpa', audience: 'regulator' }));

function approved(over: Partial<IncidentState> = {}): IncidentState {
  const s = initialState({
    incidentId: 'inc-1',
    title: 't',
    severity: 'high',
    detectedAt: '2026-12-01T00:00:00.000Z',
    detectionMethod: 'monitoring',
    openedBy: { kind: 'user', id: 'u1' },
  } as never);
  return {
    ...s,
    stage: 'notifying',
    notices: { noticeVersion: 'v-one', recipients: 3, renderedAt: '2026-12-01T00:00:00.000Z' },
    approval: {
      noticeVersion: 'v-one',
      approvedBy: { kind: 'user', id: 'dpo' },
      approvedAt: '2026-12-01T01:00:00.000Z',
    },
    obligations: [individuals, regulator],
    ...over,
  };
}

describe('the data-subject send gate', () => {
  it('opens for the approved version only', () => {
    expect(sendGateOf(approved())).toEqual({ allowedVersion: 'v-one', reason: null });
    const changed = approved({ notices: { noticeVersion: 'v-two', recipients: 3, renderedAt: 'x' } });
    expect(sendGateOf(changed)).toEqual({ allowedVersion: null, reason: 'withdrawn' });
    expect(sendGateOf(approved({ approval: null }))).toEqual({ allowedVersion: null, reason: 'not_approved' });
  });

  it('closes for a hold that delays the individuals, for the close, and for a report the law wants first', () => {
    expect(sendGateOf(approved({ obligations: [tracked(individuals, 'held'), regulator] })).reason).toBe('hold');
    expect(sendGateOf(approved({ status: 'closed' })).reason).toBe('closed');
    const police = tracked(
      rule({ id: 'us-nj:regulator:state-police', audience: 'regulator', order: 'beforeIndividuals' }),
    );
    expect(sendGateOf(approved({ obligations: [individuals, police] })).reason).toBe('ordering');
    expect(sendGateOf(approved({ obligations: [individuals, { ...police, status: 'sent' }] })).allowedVersion).toBe(
      'v-one',
    );
  });
});

describe('waves', () => {
  it('starts one wave per approval, another after a pause, after an import, and none while one runs', () => {
    let s = approved();
    expect(waveWanted(s)).toBe(true);
    const first = startWave(s, '2026-12-01T02:00:00.000Z');
    s = first.state;
    expect(first.wave.waveId).toBe('notify-inc-1-v-one-1');
    expect(waveWanted(s)).toBe(false);

    const summary = { total: 3, sent: 3, failed: 0, uncertain: 0, possibleDuplicates: 0, withoutContact: 0 };
    const ended = endWave(s, { waveId: first.wave.waveId, summary, stopped: false, failed: false }, 'at');
    s = ended.state;
    expect(ended.fulfilled).toBe(true);
    expect(s.obligations.find((o) => o.audience === 'individuals')?.status).toBe('sent');
    expect(s.sentByVersion).toEqual({ 'v-one': 3 });
    expect(waveWanted(s)).toBe(false);

    s = { ...s, importSeq: 1 };
    expect(waveWanted(s)).toBe(true);
    expect(waveWanted({ ...s, approval: { ...s.approval!, notifyLaterImports: false } })).toBe(false);
  });

  it('a stopped wave is paused, fulfils nothing, and a new one starts when the gate opens again', () => {
    let s = startWave(approved(), 'at').state;
    const waveId = s.waves![0]!.waveId;
    s = { ...s, obligations: [tracked(individuals, 'held'), regulator] };
    const summary = {
      total: 3,
      sent: 1,
      failed: 0,
      uncertain: 0,
      possibleDuplicates: 0,
      withoutContact: 0,
      gated: true,
    };
    const ended = endWave(s, { waveId, summary, stopped: true, failed: false }, 'at');
    expect(ended.fulfilled).toBe(false);
    expect(ended.wave).toMatchObject({ status: 'paused', pausedFor: 'hold' });
    expect(ended.state.obligations[0]!.status).toBe('held');
    expect(waveWanted(ended.state)).toBe(false);
    const released = { ...ended.state, obligations: [individuals, regulator] };
    expect(waveWanted(released)).toBe(true);
    expect(startWave(released, 'at').wave.waveId).toBe('notify-inc-1-v-one-2');
  });

  it('ignores the end of a wave it does not know or already ended (a signal delivered twice)', () => {
    const s = startWave(approved(), 'at').state;
    const waveId = s.waves![0]!.waveId;
    const once = endWave(s, { waveId, summary: null, stopped: false, failed: true }, 'at').state;
    expect(endWave(once, { waveId, summary: null, stopped: false, failed: false }, 'at').wave).toBeUndefined();
  });
});

describe('reports', () => {
  it('wait for approval and for the order the law sets, never for the wave otherwise', () => {
    expect(reportAllowed(approved(), regulator)).toBe(true);
    expect(reportAllowed(approved({ approval: null }), regulator)).toBe(false);
    const after = tracked(rule({ id: 'us-x:regulator:ag', audience: 'regulator', order: 'afterIndividuals' }));
    expect(reportAllowed(approved({ obligations: [individuals, after] }), after)).toBe(false);
    expect(reportAllowed(approved({ obligations: [{ ...individuals, status: 'sent' }, after] }), after)).toBe(true);
  });
});

describe('obligations under a hold', () => {
  const cap = '2026-12-31T00:00:00.000Z';
  const oral = rule({ id: 'hipaa:individuals:subjects', audience: 'individuals', heldNow: true, heldUntil: cap });

  it('are held by the engine verdict, and due again once an oral hold cap passes', () => {
    const before = mergeObligations([], [oral], Date.parse('2026-12-20T00:00:00.000Z'), 'a hold');
    expect(before[0]!.status).toBe('held');
    expect(nextHoldExpiry(before)).toBe(Date.parse(cap));
    const after = mergeObligations([], [oral], Date.parse('2027-01-01T00:00:00.000Z'), 'a hold');
    expect(after[0]!.status).toBe('pending');
    const expired = expireHeld(before, Date.parse(cap));
    expect(expired.expired).toEqual([oral.id]);
    expect(expired.obligations[0]!.status).toBe('pending');
  });

  it('a hold the law does not let delay an obligation leaves it pending', () => {
    const notHeld = rule({ id: 'gdpr:regulator:dpa', audience: 'regulator', holdMayDelay: true });
    expect(mergeObligations([], [notHeld], 0, 'a hold')[0]!.status).toBe('pending');
  });

  it('keep the objects of obligations that did not change, so a write carries only the changed ones', () => {
    const first = mergeObligations([], [individuals, regulator], 0, 'x');
    const again = mergeObligations(first, [individuals, regulator], 0, 'y');
    expect(again[0]).toBe(first[0]);
    const sent = updateObligations(again, [regulator.id], (o) => ({ ...o, status: 'sent' }));
    expect(sent[0]).toBe(first[0]);
    expect(sent[1]).not.toBe(first[1]);
    expect(mergeObligations(sent, [individuals, regulator], 0, 'z')[1]!.status).toBe('sent');
  });
});
