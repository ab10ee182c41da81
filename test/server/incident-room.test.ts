// The header of the incident room: the one next action for the viewer and the three
// most urgent deadlines, decided from the incident as the page sees it.
import { describe, expect, it } from 'vitest';
import {
  nextAction,
  urgentDeadlines,
  waitingFor,
  type RoomActions,
  type RoomIncident,
  type RoomObligation,
} from '../../server/incident-room';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const none: RoomActions = {
  triage: false,
  assess: false,
  importSubjects: false,
  approve: false,
  file: false,
  close: false,
  releaseHold: false,
};
const ob = (o: Partial<RoomObligation>): RoomObligation => ({
  id: 'x',
  audience: 'regulator',
  recipient: 'Data Protection Commission (Ireland)',
  basis: 'GDPR Art. 33',
  required: true,
  status: 'pending',
  dueAt: null,
  dueNow: false,
  clockStartedAt: null,
  ...o,
});
const incident = (i: Partial<RoomIncident>): RoomIncident => ({
  stage: 'assessment',
  status: 'open',
  assessed: false,
  subjects: 0,
  noticeVersion: null,
  approvedVersion: null,
  held: false,
  obligations: [],
  ...i,
});

describe('the next action', () => {
  it('asks the responder in triage to confirm or dismiss', () => {
    expect(nextAction(incident({ stage: 'triage' }), { ...none, triage: true })).toMatchObject({
      label: 'Confirm or dismiss',
      target: 'triage',
    });
  });

  it('asks for the scope until an assessment is saved, and no more after', () => {
    expect(nextAction(incident({}), { ...none, assess: true })?.label).toBe('Enter the scope');
    expect(nextAction(incident({ assessed: true }), { ...none, assess: true })).toBeNull();
  });

  it('asks an approver to approve the version awaiting approval, never one already approved', () => {
    const awaiting = incident({ stage: 'approval', assessed: true, noticeVersion: 'v2', approvedVersion: 'v1' });
    expect(nextAction(awaiting, { ...none, approve: true })).toMatchObject({
      label: 'Approve these notices',
      target: 'notices',
    });
    expect(nextAction({ ...awaiting, approvedVersion: 'v2' }, { ...none, approve: true })).toBeNull();
  });

  it('names the regulator whose filing is due first', () => {
    const i = incident({
      stage: 'reporting',
      assessed: true,
      noticeVersion: 'v1',
      approvedVersion: 'v1',
      obligations: [
        ob({ id: 'b', recipient: 'Information Commissioner’s Office', dueAt: '2026-03-12T00:00:00Z' }),
        ob({ id: 'a', recipient: 'Data Protection Commission (Ireland)', dueAt: '2026-03-11T00:00:00Z' }),
        ob({ id: 'c', recipient: 'Already filed', status: 'filed', dueAt: '2026-03-10T00:00:00Z' }),
        ob({ id: 'd', recipient: 'Residents', audience: 'individuals', dueAt: '2026-03-10T13:00:00Z' }),
      ],
    });
    expect(nextAction(i, { ...none, file: true })).toMatchObject({
      label: 'Record the filing with Data Protection Commission (Ireland)',
      target: 'filings',
    });
  });

  it('a hold in force comes first for whoever may release it', () => {
    const i = incident({ stage: 'approval', assessed: true, held: true, noticeVersion: 'v1' });
    expect(nextAction(i, { ...none, approve: true, releaseHold: true })?.label).toBe('Review the hold');
  });

  it('says nothing to do for a role that can act on nothing, and nothing once closed', () => {
    expect(nextAction(incident({ stage: 'triage' }), none)).toBeNull();
    expect(nextAction(incident({ stage: 'closed', status: 'closed' }), { ...none, assess: true })).toBeNull();
  });
});

describe('the three most urgent deadlines', () => {
  it('due-now first (oldest clock), then overdue and soonest; met, stopped and unrequired ones drop off', () => {
    const list = urgentDeadlines(
      [
        ob({ id: 'later', dueAt: '2026-03-20T00:00:00Z' }),
        ob({ id: 'soon', dueAt: '2026-03-10T18:00:00Z' }),
        ob({ id: 'overdue', dueAt: '2026-03-09T00:00:00Z' }),
        ob({ id: 'now-young', dueNow: true, clockStartedAt: '2026-03-10T06:00:00Z' }),
        ob({ id: 'now-old', dueNow: true, clockStartedAt: '2026-03-08T06:00:00Z' }),
        ob({ id: 'met', status: 'sent', dueAt: '2026-03-09T00:00:00Z' }),
        ob({ id: 'not-required', required: false, dueAt: '2026-03-09T00:00:00Z' }),
        ob({ id: 'superseded', status: 'superseded', dueAt: '2026-03-09T00:00:00Z' }),
      ],
      NOW,
    );
    expect(list.map((d) => d.id)).toEqual(['now-old', 'now-young', 'overdue']);
    expect(list[0]).toMatchObject({ dueNow: true, overdue: false, elapsed: '2 days 6 hours' });
    expect(list[2]).toMatchObject({ overdue: true, dueAt: '2026-03-09T00:00:00Z' });
  });

  it('marks one due within 24 hours as soon', () => {
    const [d] = urgentDeadlines([ob({ dueAt: '2026-03-10T18:00:00Z' })], NOW);
    expect(d).toMatchObject({ overdue: false, soon: true });
  });
});

describe('what the incident waits on', () => {
  it('names whose turn it is when the viewer has none', () => {
    expect(waitingFor(incident({ stage: 'triage' }))).toMatch(/confirm the breach or dismiss/);
    expect(waitingFor(incident({ assessed: true, noticeVersion: 'v1' }))).toMatch(/approver/);
    expect(waitingFor(incident({ assessed: true, noticeVersion: 'v1', approvedVersion: 'v1', held: true }))).toMatch(
      /hold/,
    );
  });
});
