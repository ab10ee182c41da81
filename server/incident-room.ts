// The incident room's header: the one thing the viewer should do next and the three
// deadlines closest to being missed. Pure, so the page and its tests decide alike.
import { elapsedSince, isCounting, isDueNow } from '../lib/obligation-urgency';

export interface RoomObligation {
  id: string;
  audience: string;
  recipient: string;
  basis: string;
  required: boolean;
  status: string;
  dueAt: string | null;
  dueNow: boolean;
  clockStartedAt: string | null;
}

export interface RoomIncident {
  stage: string;
  status: string;
  /** An assessment (the scope) has been saved. */
  assessed: boolean;
  subjects: number;
  /** The notice version rendered for the current facts, and the one approved last. */
  noticeVersion: string | null;
  approvedVersion: string | null;
  held: boolean;
  obligations: readonly RoomObligation[];
}

/** What the viewer's role may do now (the page's `can`), the parts the next action reads. */
export interface RoomActions {
  triage: boolean;
  assess: boolean;
  importSubjects: boolean;
  approve: boolean;
  file: boolean;
  close: boolean;
  releaseHold: boolean;
}

/** A primary button: its words and the section of the page holding the form. */
export interface NextAction {
  label: string;
  target: string;
}

export interface UrgentDeadline {
  id: string;
  recipient: string;
  basis: string;
  dueAt: string | null;
  dueNow: boolean;
  clockStartedAt: string | null;
  /** "2 days 6 hours" since the clock started, for a due-now obligation. */
  elapsed: string | null;
  overdue: boolean;
  /** Due within the next 24 hours. */
  soon: boolean;
}

const DAY_MS = 24 * 3600_000;

/** Open obligations with a clock to watch, the most urgent first: due now (oldest clock first), then by date. */
function byUrgency(obligations: readonly RoomObligation[]): RoomObligation[] {
  const open = obligations.filter(
    (o) => o.required && isCounting(o.status) && (o.dueAt !== null || isDueNow(o.dueNow, o.status)),
  );
  const rank = (o: RoomObligation) =>
    isDueNow(o.dueNow, o.status) ? [0, Date.parse(o.clockStartedAt ?? '') || 0] : [1, Date.parse(o.dueAt!)];
  return open.sort((a, b) => {
    const [ra, ta] = rank(a);
    const [rb, tb] = rank(b);
    return ra - rb || ta - tb;
  });
}

export function urgentDeadlines(
  obligations: readonly RoomObligation[],
  now: number = Date.now(),
  count = 3,
): UrgentDeadline[] {
  return byUrgency(obligations)
    .slice(0, count)
    .map((o) => {
      const dueNow = isDueNow(o.dueNow, o.status);
      const due = o.dueAt ? Date.parse(o.dueAt) : null;
      return {
        id: o.id,
        recipient: o.recipient,
        basis: o.basis,
        dueAt: o.dueAt,
        dueNow,
        clockStartedAt: o.clockStartedAt,
        elapsed: dueNow && o.clockStartedAt ? elapsedSince(o.clockStartedAt, now) : null,
        overdue: !dueNow && due !== null && due < now,
        soon: !dueNow && due !== null && due >= now && due - now <= DAY_MS,
      };
    });
}

/**
 * The single most pressing step this viewer can take, or null when it is someone else's turn (or nothing is
 * left). A hold comes first because every notice waits on it; then the stage's own step; filings by the
 * earliest deadline; closing once nothing is owed to a regulator.
 */
export function nextAction(incident: RoomIncident, can: RoomActions): NextAction | null {
  if (incident.status !== 'open') return null;
  if (incident.stage === 'triage') return can.triage ? { label: 'Confirm or dismiss', target: 'triage' } : null;
  if (incident.held && can.releaseHold) return { label: 'Review the hold', target: 'release-hold' };
  if (!incident.assessed) return can.assess ? { label: 'Enter the scope', target: 'assess' } : null;
  if (incident.noticeVersion && incident.noticeVersion !== incident.approvedVersion && can.approve)
    return { label: 'Approve these notices', target: 'notices' };
  const filing = byUrgency(incident.obligations.filter((o) => o.audience === 'regulator'))[0];
  if (filing && can.file) return { label: `Record the filing with ${filing.recipient}`, target: 'filings' };
  if (incident.subjects === 0 && can.importSubjects && incident.stage !== 'reporting')
    return { label: 'Import the affected people', target: 'people' };
  if (incident.stage === 'reporting' && !filing && can.close) return { label: 'Close the incident', target: 'close' };
  return null;
}

/** What the incident waits on when the viewer has no next action, so nobody wonders whose turn it is. */
export function waitingFor(incident: RoomIncident): string {
  if (incident.status !== 'open') return 'Closed: nothing left to do.';
  if (incident.stage === 'triage') return 'Waiting for a responder to confirm the breach or dismiss it.';
  if (!incident.assessed) return 'Waiting for the scope assessment.';
  if (incident.noticeVersion && incident.noticeVersion !== incident.approvedVersion)
    return 'Waiting for an approver to approve the notices.';
  if (incident.held) return 'Notices wait until the hold is released.';
  return 'Nothing for you to do now.';
}
