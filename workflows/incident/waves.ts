// When a v2 incident may send its data-subject notice, and what a wave's start and
// end do to its state. Pure (state in, state out) so the rules of the send gate are
// unit-tested without Temporal; the workflow writes the gate to SQLite with every
// state change, and every claim of a person re-reads it there.
import type { IncidentState, NoticeWaveSummary, SendGate, TrackedObligation, WaveRef } from '../types';

const individualsOf = (state: IncidentState): TrackedObligation[] =>
  state.obligations.filter((o) => o.audience === 'individuals' && o.required);

export function approvedVersion(state: IncidentState): string | null {
  const { approval, notices } = state;
  return approval && notices && approval.noticeVersion === notices.noticeVersion ? approval.noticeVersion : null;
}

/**
 * The data-subject send gate: open for the approved version while the incident is open, no hold the
 * law lets delay it is in force, and every report the law wants before the residents' notice went out.
 */
export function sendGateOf(state: IncidentState): SendGate {
  if (state.status !== 'open') return { allowedVersion: null, reason: 'closed' };
  const version = approvedVersion(state);
  if (!version) return { allowedVersion: null, reason: state.notices && state.approval ? 'withdrawn' : 'not_approved' };
  const individuals = individualsOf(state);
  if (individuals.some((o) => o.status === 'held')) return { allowedVersion: null, reason: 'hold' };
  const before = state.obligations.some(
    (o) =>
      o.required &&
      o.order === 'beforeIndividuals' &&
      (o.status === 'pending' || o.status === 'held' || o.status === 'manual'),
  );
  if (before) return { allowedVersion: null, reason: 'ordering' };
  return { allowedVersion: version, reason: null };
}

export function runningWave(state: IncidentState): WaveRef | undefined {
  return (state.waves ?? []).find((w) => w.status === 'running');
}

/**
 * Whether a new wave should start now: the gate is open, someone is owed the notice, and no wave
 * covers them (none ran for this version, the last one paused, or people were imported after it and
 * the approver lets later imports be told).
 */
export function waveWanted(state: IncidentState): boolean {
  const gate = sendGateOf(state);
  if (!gate.allowedVersion || runningWave(state)) return false;
  const individuals = individualsOf(state).filter((o) => o.status === 'pending' || o.status === 'sent');
  if (individuals.length === 0) return false;
  const last = [...(state.waves ?? [])].reverse().find((w) => w.noticeVersion === gate.allowedVersion);
  if (!last) return true;
  if (last.status === 'paused') return true;
  const importsSince = (state.importSeq ?? 0) > last.importSeq;
  return importsSince && state.approval?.notifyLaterImports !== false;
}

export function waveIdOf(incidentId: string, noticeVersion: string, seq: number): string {
  return `notify-${incidentId}-${noticeVersion.slice(0, 16)}-${seq}`;
}

export function startWave(state: IncidentState, at: string): { state: IncidentState; wave: WaveRef } {
  const version = approvedVersion(state)!;
  const seq = (state.waveSeq ?? 0) + 1;
  const wave: WaveRef = {
    waveId: waveIdOf(state.incidentId, version, seq),
    noticeVersion: version,
    startedAt: at,
    importSeq: state.importSeq ?? 0,
    status: 'running',
    correction: state.approval?.correction === true,
  };
  return { state: { ...state, waveSeq: seq, waves: [...(state.waves ?? []), wave].slice(-WAVES_KEPT) }, wave };
}

/** Waves kept in state; older ones live in the timeline. */
const WAVES_KEPT = 20;

/**
 * A wave ended. One that reached the end of its people for the approved version fulfils the
 * individuals' obligations; a stopped one leaves them due, and the next wave picks up the rest.
 */
export function endWave(
  state: IncidentState,
  ended: { waveId: string; summary: NoticeWaveSummary | null; stopped: boolean; failed: boolean },
  at: string,
): { state: IncidentState; wave: WaveRef | undefined; fulfilled: boolean } {
  const wave = (state.waves ?? []).find((w) => w.waveId === ended.waveId);
  if (!wave || wave.status !== 'running') return { state, wave: undefined, fulfilled: false };
  const paused = ended.failed || ended.stopped || ended.summary?.gated === true;
  const done: WaveRef = {
    ...wave,
    status: paused ? 'paused' : 'finished',
    endedAt: at,
    ...(ended.summary ? { summary: ended.summary } : {}),
    ...(paused ? { pausedFor: sendGateOf(state).reason ?? 'withdrawn' } : {}),
  };
  const waves = (state.waves ?? []).map((w) => (w.waveId === wave.waveId ? done : w));
  const sentByVersion = { ...(state.sentByVersion ?? {}) };
  if (ended.summary) sentByVersion[wave.noticeVersion] = ended.summary.sent;
  const fulfilled = !paused && approvedVersion(state) === wave.noticeVersion;
  let obligations = state.obligations;
  if (fulfilled) {
    obligations = obligations.map((o) =>
      o.audience === 'individuals' && o.required && o.status === 'pending'
        ? { ...o, status: 'sent' as const, fulfilledAt: at }
        : o,
    );
  }
  return {
    state: {
      ...state,
      waves,
      sentByVersion,
      obligations,
      ...(fulfilled && !state.subjectsNotifiedAt ? { subjectsNotifiedAt: at } : {}),
    },
    wave: done,
    fulfilled,
  };
}

/** A regulator (or other) report may go once the content is approved and the law's order allows it. */
export function reportAllowed(state: IncidentState, o: TrackedObligation): boolean {
  if (!o.required || o.status !== 'pending' || !approvedVersion(state)) return false;
  const individuals = individualsOf(state);
  if (o.order === 'afterIndividuals' && individuals.some((i) => i.status !== 'sent')) return false;
  if (o.order === 'withIndividuals' && individuals.length > 0 && !(state.waves ?? []).length) return false;
  return true;
}
