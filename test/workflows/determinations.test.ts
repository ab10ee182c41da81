// Determination clocks in the app (issue 13): confirming at triage records the
// determination, a later one (with its reason) moves the deadlines that run from
// it, and the timeline says who recorded it. Driven through the real API and form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBody,
  createTestUser,
  eventually,
  logInForm,
  openAndConfirm,
  startHarness,
  type Harness,
} from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';
import { recordHistory } from '../support/histories';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TX_AG = 'us-tx:regulator:attorney-general';
const HOUR = 3600_000;

interface ObligationOut {
  id: string;
  dueAt: string | null;
}
const incident = async (id: string) => (await h.api('GET', `/api/incidents/${id}`)).body;
const texasDue = async (id: string) =>
  ((await incident(id)).obligations as ObligationOut[]).find((o) => o.id === TX_AG)?.dueAt ?? null;

describe('determinations', () => {
  it('confirming at triage records the determination; a later one moves Texas and shows in the timeline with who', async () => {
    const awareness = new Date(Date.now() - 72 * HOUR).toISOString();
    const id = await openAndConfirm(h, awareness);
    expect((await incident(id)).determinations).toMatchObject({ notifiableAt: awareness });

    const assessed = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ dataElements: ['name', 'national_id'], affected: { 'US-TX': 300 } }),
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    const before = await texasDue(id);
    expect(before).not.toBeNull();

    const later = new Date(Date.parse(awareness) + 48 * HOUR).toISOString();
    const reason = 'Forensics confirmed exfiltration of the SSN table only on this day';
    const recorded = await h.api('POST', `/api/incidents/${id}/determinations`, { notifiableAt: later, reason });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);

    const after = await texasDue(id);
    expect(after).not.toBeNull();
    // 30 days from the determination, to the end of a local day: two days later moves it by two days.
    expect(Math.abs(Date.parse(after!) - Date.parse(before!) - 48 * HOUR)).toBeLessThanOrEqual(HOUR);

    const view = await incident(id);
    expect(view.determinations).toMatchObject({ notifiableAt: later });
    const entry = (view.timeline as { type: string; actor: string; summary: string }[]).find(
      (e) => e.type === 'determination.recorded',
    );
    expect(entry).toBeDefined();
    expect(entry!.actor).not.toBe('');
    expect(entry!.summary).toContain('determined notifiable');

    // The reason is kept in SQLite; only its note id reaches workflow history.
    const note = await h.db.get<{ body: string }>('SELECT body FROM notes WHERE incident_id = ? AND kind = ?', [
      id,
      'determination.recorded',
    ]);
    expect(note?.body).toBe(reason);
    const history = JSON.stringify(await h.client.workflow.getHandle(`incident-${id}`).fetchHistory());
    expect(history).not.toContain('Forensics confirmed');
    // The replay test checks later workflow changes against this run (triage patch and the new update).
    await recordHistory(h.client, `incident-${id}`, 'v2-determination');
  });

  it('Texas, Florida and Colorado show their dates on the incident page once an assessment naming their residents is saved', async () => {
    // Confirmed at triage with awareness 1 Dec 15:00Z, which records the determination at that instant.
    const awareness = '2026-12-01T15:00:00.000Z';
    const id = await openAndConfirm(h, awareness);
    const assessed = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ dataElements: ['name', 'national_id'], affected: { 'US-TX': 300, 'US-FL': 600, 'US-CO': 700 } }),
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    const expected: Record<string, string> = {
      // Texas (Central, 09:00 CST on 1 Dec): +60 days = 30 Jan, +30 days = 31 Dec, end of day CST (UTC-6).
      'us-tx:individuals:residents': '2027-01-31T05:59:59.999Z',
      'us-tx:regulator:attorney-general': '2027-01-01T05:59:59.999Z',
      // Florida (Eastern, 10:00 EST): +30 days = 31 Dec, end of day EST (UTC-5).
      'us-fl:individuals:residents': '2027-01-01T04:59:59.999Z',
      'us-fl:regulator:attorney-general': '2027-01-01T04:59:59.999Z',
      // Colorado (Mountain, 08:00 MST): +30 days = 31 Dec, end of day MST (UTC-7).
      'us-co:individuals:residents': '2027-01-01T06:59:59.999Z',
      'us-co:regulator:attorney-general': '2027-01-01T06:59:59.999Z',
    };
    const view = await eventually(
      () => incident(id),
      (v) => Object.keys(expected).every((k) => (v.obligations as ObligationOut[]).some((o) => o.id === k)),
    );
    const due = Object.fromEntries((view.obligations as ObligationOut[]).map((o) => [o.id, o.dueAt]));
    for (const [k, at] of Object.entries(expected)) expect(due[k], k).toBe(at);

    const viewer = await createTestUser(h, { email: 'tx.fl.co@example.org', role: 'viewer' });
    const web = await logInForm(h, viewer.email, viewer.password);
    const page = await web.get(`/incidents/${id}`);
    for (const at of new Set(Object.values(expected))) expect(page.html).toContain(`datetime="${at}"`);
    // The deadline chart draws each of them as a bar.
    expect(page.html).toContain('class="deadline-chart"');
    for (const k of Object.keys(expected)) expect(page.html).toContain(`data-obligation="${k}"`);
  });

  it('refuses a determination in the future, before detection, without a time or without a reason, naming the field', async () => {
    const id = await openAndConfirm(h);
    const future = await h.api('POST', `/api/incidents/${id}/determinations`, {
      notifiableAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      reason: 'typo',
    });
    expect(future.status).toBe(409);
    expect(future.body.field).toBe('notifiableAt');

    // incidentBody() is detected at 2026-11-25T08:00Z.
    const early = await h.api('POST', `/api/incidents/${id}/determinations`, {
      discoveredAt: '2026-11-24T08:00:00Z',
      reason: 'typo',
    });
    expect(early.status).toBe(409);
    expect(early.body.field).toBe('discoveredAt');

    const none = await h.api('POST', `/api/incidents/${id}/determinations`, { reason: 'nothing to record' });
    expect(none.status).toBe(400);
    const noReason = await h.api('POST', `/api/incidents/${id}/determinations`, {
      materialityAt: new Date().toISOString(),
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('reason');
    const bad = await h.api('POST', `/api/incidents/${id}/determinations`, {
      notifiableAt: 'yesterday',
      reason: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('notifiableAt');

    // A refused request leaves no note behind.
    const notes = await h.db.all('SELECT id FROM notes WHERE incident_id = ? AND kind = ?', [
      id,
      'determination.recorded',
    ]);
    expect(notes).toHaveLength(0);
  });

  it('is recorded from the incident page form with CSRF and an idempotency key', async () => {
    const id = await openAndConfirm(h, new Date(Date.now() - 24 * HOUR).toISOString());
    const approver = await createTestUser(h, { email: 'det.approver@example.org', role: 'approver' });
    const web = await logInForm(h, approver.email, approver.password);
    const page = await web.get(`/incidents/${id}`);
    expect(page.html).toContain('Record a determination');
    const at = new Date(Date.now() - 2 * HOUR).toISOString().slice(0, 16);
    const fields = {
      _csrf: hiddenField(page.html, '_csrf'),
      idempotencyKey: hiddenField(page.html, 'idempotencyKey'),
      notifiableAt: at,
      discoveredAt: '',
      materialityAt: '',
      reason: 'Counsel concluded the breach is notifiable',
    };
    const posted = await web.post(`/incidents/${id}/determinations`, fields);
    expect(posted.status).toBe(303);
    // The same key again is the same request: one timeline entry.
    expect((await web.post(`/incidents/${id}/determinations`, fields)).status).toBe(303);
    const view = await eventually(
      () => incident(id),
      (v) => v.determinations?.notifiableAt === `${at}:00.000Z`,
    );
    const entries = (view.timeline as { type: string; actor: string }[]).filter(
      (e) => e.type === 'determination.recorded',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toBe('det.approver');

    const withoutToken = await web.post(`/incidents/${id}/determinations`, { ...fields, _csrf: 'forged' });
    expect(withoutToken.status).toBe(403);
  });
});
