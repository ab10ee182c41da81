// The words the incident page uses for data-subject notice waves and the send gate,
// so a DPO reads why notices to people are stopped without knowing the codes.
import type { SendGateView, WaveView } from './use-cases/incident-queries';

/** Why notices to people are stopped, by the send gate's reason code. */
const STOPPED_BECAUSE: Record<string, string> = {
  hold: 'a law-enforcement hold is in force; they resume when the hold is released',
  withdrawn:
    'the approval was withdrawn because the notice changed after it was approved; approve the current version to send it',
  not_approved: 'no notice has been approved yet',
  closed: 'the incident is closed',
  ordering: 'waiting for a report the law requires first (see the obligations above); they go out once it is filed',
};

/** A paused wave's status, by why it paused. */
const PAUSED_FOR: Record<string, string> = {
  hold: 'paused: law-enforcement hold',
  withdrawn: 'paused: approval withdrawn',
  not_approved: 'paused: not approved',
  closed: 'paused: incident closed',
  ordering: 'paused: waiting for a report the law requires first',
};

export interface GateLine {
  open: boolean;
  text: string;
}

export function gateLine(gate: SendGateView | null): GateLine | null {
  if (!gate) return null;
  if (gate.open && gate.allowedVersion)
    return { open: true, text: `Notices to people may go out now (version ${gate.allowedVersion.slice(0, 12)})` };
  const why = (gate.reason && STOPPED_BECAUSE[gate.reason]) ?? gate.reason ?? 'no version may be sent';
  return { open: false, text: `Notices to people are stopped: ${why}` };
}

export function waveStatusText(w: Pick<WaveView, 'status' | 'pausedFor'>): string {
  if (w.status === 'running') return 'sending';
  if (w.status === 'finished') return 'finished';
  return (w.pausedFor && PAUSED_FOR[w.pausedFor]) ?? 'paused';
}

export interface WaveRow extends WaveView {
  statusText: string;
}

export const waveRows = (waves: WaveView[]): WaveRow[] => waves.map((w) => ({ ...w, statusText: waveStatusText(w) }));

/** "N people received version …", one line per version, in the order the versions were first sent. */
export function sentByVersionLines(sentByVersion: Record<string, number>): { version: string; people: number }[] {
  return Object.entries(sentByVersion).map(([version, people]) => ({ version, people }));
}
