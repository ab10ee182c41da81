// After an alert storm over many keys, the security team triages the incidents it opened from the list:
// one decision and reason for the ticked ones, each triaged as its own step, and an incident that left
// triage meanwhile (or that the user may not see) refused on its own without stopping the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, incidentBody, logInForm, startHarness, type Harness } from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { BREACHLINE_MFA_ROLES: 'none' } });
});
afterAll(async () => {
  await h?.close();
});

async function open(title: string): Promise<string> {
  const created = await h.api('POST', '/api/incidents', incidentBody({ title }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}
const stageOf = async (id: string) => (await h.api('GET', `/api/incidents/${id}`)).body.stage as string;
const triageNotes = async (id: string) =>
  (await h.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM notes WHERE incident_id = ? AND kind LIKE 'triage.%'", [
    id,
  ]))!.n;

describe('triage of many incidents at once', () => {
  it('dismisses the ticked incidents each on its own, and a repeat of the request loses nothing', async () => {
    const [a, b, c] = [await open('Storm A'), await open('Storm B'), await open('Storm C')];
    const request = { incidentIds: [a, b], decision: 'dismiss', reason: 'Alertmanager misfire during the upgrade' };
    const key = { 'Idempotency-Key': `bulk-${Date.now()}` };
    const first = await h.api('POST', '/api/incidents/triage', request, key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ done: 2, refused: 0 });
    expect(first.body.outcomes.map((o: { incidentId: string; ok: boolean }) => [o.incidentId, o.ok])).toEqual([
      [a, true],
      [b, true],
    ]);
    expect([await stageOf(a), await stageOf(b), await stageOf(c)]).toEqual(['dismissed', 'dismissed', 'triage']);
    // A retry of the same request (its answer lost) finds the dismissed workflows ended: it gets the
    // first attempt's answer, and the first attempt's reasons stay with the dismissals.
    const again = await h.api('POST', '/api/incidents/triage', request, key);
    expect(again.body, JSON.stringify(again.body)).toMatchObject({ done: 2, refused: 0 });
    expect([await stageOf(a), await stageOf(b)]).toEqual(['dismissed', 'dismissed']);
    // The same body under a new key is a new request: the ended workflows refuse it, each on its own.
    const fresh = await h.api('POST', '/api/incidents/triage', request, { 'Idempotency-Key': `bulk2-${Date.now()}` });
    expect(fresh.body).toMatchObject({ done: 0, refused: 2 });
    expect(fresh.body.outcomes.map((o: { status: number }) => o.status)).toEqual([409, 409]);
    expect([await triageNotes(a), await triageNotes(b), await triageNotes(c)]).toEqual([1, 1, 0]);
  });

  it('refuses, one by one, an incident no longer in triage and one that does not exist, and triages the rest', async () => {
    const [d, e] = [await open('Storm D'), await open('Storm E')];
    expect((await h.api('POST', `/api/incidents/${d}/triage`, { decision: 'confirm', reason: 'real' })).status).toBe(
      200,
    );
    const res = await h.api('POST', '/api/incidents/triage', {
      incidentIds: [d, 'no-such-incident', e],
      decision: 'dismiss',
      reason: 'Noise',
    });
    expect(res.status).toBe(200);
    expect(res.body.done).toBe(1);
    expect(res.body.refused).toBe(2);
    const byId = new Map(
      (res.body.outcomes as { incidentId: string; ok: boolean; status?: number }[]).map((o) => [o.incidentId, o]),
    );
    expect(byId.get(d)).toMatchObject({ ok: false, status: 409 });
    expect(byId.get('no-such-incident')).toMatchObject({ ok: false, status: 404 });
    expect(byId.get(e)).toMatchObject({ ok: true });
    expect([await stageOf(d), await stageOf(e)]).not.toContain('triage');
    expect(await stageOf(d)).not.toBe('dismissed');
    expect(await stageOf(e)).toBe('dismissed');
  });

  it('answers 400 naming the field for no incidents, a repeated one or no reason, and changes nothing', async () => {
    const f = await open('Storm F');
    for (const [body, field] of [
      [{ incidentIds: [], decision: 'dismiss', reason: 'x' }, 'incidentIds'],
      [{ incidentIds: [f, f], decision: 'dismiss', reason: 'x' }, 'incidentIds'],
      [{ incidentIds: [f], decision: 'dismiss' }, 'reason'],
      [{ incidentIds: [f], decision: 'maybe', reason: 'x' }, 'decision'],
    ] as const) {
      const res = await h.api('POST', '/api/incidents/triage', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.field).toBe(field);
    }
    expect(await stageOf(f)).toBe('triage');
    expect(await triageNotes(f)).toBe(0);
  });

  it('works from the list page: a box beside each incident in triage, one form, a notice of what it did', async () => {
    const [g, k] = [await open('Storm G'), await open('Storm K')];
    const admin = await createTestUser(h, { email: `bulk-${Date.now()}@example.org`, role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const list = await web.get('/incidents');
    expect(list.html).toContain(`data-testid="select-${g}"`);
    expect(list.html).toContain(`data-testid="select-${k}"`);
    const posted = await web.post('/incidents/triage', {
      _csrf: hiddenField(list.html, '_csrf'),
      idempotencyKey: hiddenField(list.html, 'idempotencyKey'),
      incidentIds: [g, k],
      decision: 'dismiss',
      reason: 'Storm from a misconfigured probe',
    });
    expect(posted.status).toBe(303);
    const after = await web.get('/incidents');
    expect(after.html).toContain('Dismissed 2 incidents.');
    // Dismissed incidents are no longer offered for triage.
    expect(after.html).not.toContain(`data-testid="select-${g}"`);
    expect([await stageOf(g), await stageOf(k)]).toEqual(['dismissed', 'dismissed']);
    // Without the form's token the post is refused and nothing changes.
    const m = await open('Storm M');
    const forged = await web.post('/incidents/triage', { incidentIds: [m], decision: 'dismiss', reason: 'x' });
    expect(forged.status).toBe(403);
    expect(await stageOf(m)).toBe('triage');
  });
});
