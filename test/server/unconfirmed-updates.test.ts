// A human step that the worker does not confirm in time is answered 503 "not confirmed", and the
// contract holds: repeated with the same Idempotency-Key it acts once, and the breach register
// shows only what happened, never the reason of a step that was not taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_CONFIRMED } from '../../server/temporal-gateway';
import type { AuthUser } from '../../server/auth';
import { breachRegister, registerCsv } from '../../server/use-cases/breach-register';
import { hiddenField } from '../e2e/helpers';
import {
  createTestUser,
  eventually,
  incidentBody,
  logInForm,
  startHarness,
  type Harness,
} from '../support/app-harness';

let h: Harness;
/** Incidents whose state writes take longer than the update deadline: the worker acts, late. */
const slowIncidents = new Set<string>();
beforeAll(async () => {
  h = await startHarness({
    updateTimeoutMs: 2_000,
    wrapActivities: (real) => ({
      ...real,
      persistStateDelta: async (input) => {
        if (slowIncidents.has(input.state.incidentId)) await new Promise((r) => setTimeout(r, 4_000));
        return real.persistStateDelta(input);
      },
    }),
  });
});
afterAll(async () => {
  await h?.close();
});

const ADMIN: AuthUser = { id: 'test-admin', name: 'Test admin', role: 'admin', via: 'token', userId: null };
const uniqueKey = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

async function openIncident(title: string): Promise<string> {
  const created = await h.api('POST', '/api/incidents', incidentBody({ title }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  // The workflow has run its first task (incident.opened is persisted) before the worker stops.
  await eventually(
    () => h.api('GET', `/api/incidents/${id}`),
    (r) => r.status === 200 && (r.body.timeline as { type: string }[]).some((t) => t.type === 'incident.opened'),
  );
  return id;
}

/** What a client does with 503 {retryable: true}: the same request, same key, until it is answered. */
async function repeatUntilAnswered(path: string, body: unknown, key: string) {
  const until = Date.now() + 60_000;
  for (;;) {
    const r = await h.api('POST', path, body, { 'idempotency-key': key });
    if (r.status !== 503 || Date.now() > until) return r;
    expect(r.body).toEqual({ error: NOT_CONFIRMED, field: null, retryable: true });
  }
}

async function triageEvents(id: string): Promise<string[]> {
  const r = await h.api('GET', `/api/incidents/${id}`);
  return (r.body.timeline as { type: string }[]).map((t) => t.type).filter((t) => t.startsWith('triage.'));
}

async function registerEntry(id: string) {
  const entries = await breachRegister(h.db, ADMIN);
  return { entry: entries.find((e) => e.id === id)!, csv: registerCsv(entries) };
}

describe('a triage not confirmed in time', () => {
  it('answers 503 retryable, and the repeat with the same key confirms once', async () => {
    const id = await openIncident('Unconfirmed triage, repeated');
    const key = uniqueKey('triage');
    const body = { decision: 'confirm', reason: 'CONFIRM-REASON-REPEATED' };
    await h.stopWorker();
    try {
      const first = await h.api('POST', `/api/incidents/${id}/triage`, body, { 'idempotency-key': key });
      expect(first.status).toBe(503);
      expect(first.body).toEqual({ error: NOT_CONFIRMED, field: null, retryable: true });
    } finally {
      await h.startWorker();
    }
    const repeated = await repeatUntilAnswered(`/api/incidents/${id}/triage`, body, key);
    expect(repeated.status, JSON.stringify(repeated.body)).toBe(200);
    expect(repeated.body.stage).toBe('assessment');
    // Once more with the key: the first outcome, nothing new.
    const again = await h.api('POST', `/api/incidents/${id}/triage`, body, { 'idempotency-key': key });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.stateVersion).toBe(repeated.body.stateVersion);

    expect(await triageEvents(id)).toEqual(['triage.confirmed']);
    const notes = await h.db.all<{ id: string }>('SELECT id FROM notes WHERE incident_id = ? AND kind = ?', [
      id,
      'triage.confirm',
    ]);
    expect(notes).toHaveLength(1);
    const { entry } = await registerEntry(id);
    expect(entry.decision).toBe('confirmed breach');
    expect(entry.reasoning).toBe('CONFIRM-REASON-REPEATED');
  }, 120_000);

  it('that the worker carried out after the deadline: the repeat with the same key returns that outcome, once', async () => {
    const id = await openIncident('Triage confirmed after the deadline');
    const key = uniqueKey('late');
    const body = { decision: 'confirm', reason: 'CONFIRMED-LATE-BY-A-SLOW-WORKER' };
    slowIncidents.add(id);
    try {
      const first = await h.api('POST', `/api/incidents/${id}/triage`, body, { 'idempotency-key': key });
      expect(first.status).toBe(503);
      expect(first.body).toEqual({ error: NOT_CONFIRMED, field: null, retryable: true });
      // The worker had taken it and finishes after the caller was answered.
      await eventually(
        () => triageEvents(id),
        (events) => events.length > 0,
      );
    } finally {
      slowIncidents.delete(id);
    }
    const repeated = await h.api('POST', `/api/incidents/${id}/triage`, body, { 'idempotency-key': key });
    expect(repeated.status, JSON.stringify(repeated.body)).toBe(200);
    expect(repeated.body.stage).toBe('assessment');
    expect(await triageEvents(id)).toEqual(['triage.confirmed']);
    const { entry } = await registerEntry(id);
    expect(entry.decision).toBe('confirmed breach');
    expect(entry.reasoning).toBe('CONFIRMED-LATE-BY-A-SLOW-WORKER');
  }, 120_000);

  it('that never happened leaves no trace in the breach register, though its note is kept for a repeat', async () => {
    const id = await openIncident('Unconfirmed dismissal, never repeated');
    await h.stopWorker();
    try {
      const dismissed = await h.api(
        'POST',
        `/api/incidents/${id}/triage`,
        { decision: 'dismiss', reason: 'DISMISS-ATTEMPT-THAT-NEVER-HAPPENED' },
        { 'idempotency-key': uniqueKey('dismiss') },
      );
      expect(dismissed.status).toBe(503);
    } finally {
      await h.startWorker();
    }
    // A later step answered by the worker: the 503'd dismissal reached it first and was refused as expired.
    const later = await repeatUntilAnswered(
      `/api/incidents/${id}/recompute`,
      { reason: 'RECOMPUTE-AFTER-WORKER-RETURNED' },
      uniqueKey('recompute'),
    );
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(later.body.stage).toBe('triage');
    expect(await triageEvents(id)).toEqual([]);

    // The note is kept (a repeat with the key would reuse it) but nothing refers to it.
    const kept = await h.db.all<{ body: string }>('SELECT body FROM notes WHERE incident_id = ? AND kind = ?', [
      id,
      'triage.dismiss',
    ]);
    expect(kept.map((n) => n.body)).toEqual(['DISMISS-ATTEMPT-THAT-NEVER-HAPPENED']);
    const { entry, csv } = await registerEntry(id);
    expect(entry.status).toBe('open');
    expect(entry.decision).toBe('in triage');
    expect(entry.reasoning).toBe('');
    expect(csv).not.toContain('DISMISS-ATTEMPT-THAT-NEVER-HAPPENED');
  }, 120_000);

  it('from the page keeps its key and text, so submitting it again is the same request and confirms once', async () => {
    const id = await openIncident('Unconfirmed triage from the page');
    const approver = await createTestUser(h, { email: 'unconfirmed.approver@example.org', role: 'approver' });
    const web = await logInForm(h, approver.email, approver.password);
    let page = await web.get(`/incidents/${id}`);
    const key = hiddenField(page.html, 'idempotencyKey');
    await h.stopWorker();
    try {
      const posted = await web.post(`/incidents/${id}/triage`, {
        _csrf: hiddenField(page.html, '_csrf'),
        idempotencyKey: key,
        decision: 'confirm',
        reason: 'Confirmed from the page while the worker was away',
      });
      expect(posted.status).toBe(303);
      page = await web.get(`/incidents/${id}`);
    } finally {
      await h.startWorker();
    }
    expect(page.html).toContain('Not confirmed yet');
    expect(hiddenField(page.html, 'idempotencyKey')).toBe(key);
    expect(page.html).toContain('>Confirmed from the page while the worker was away</textarea>');

    // The person submits the re-rendered form as it stands, until it is confirmed.
    page = await eventually(
      async () => {
        const posted = await web.post(`/incidents/${id}/triage`, {
          _csrf: hiddenField(page.html, '_csrf'),
          idempotencyKey: hiddenField(page.html, 'idempotencyKey'),
          decision: 'confirm',
          reason: 'Confirmed from the page while the worker was away',
        });
        expect(posted.status).toBe(303);
        page = await web.get(`/incidents/${id}`);
        return page;
      },
      (p) => !p.html.includes('class="flash error"'),
      60_000,
    );
    expect(await triageEvents(id)).toEqual(['triage.confirmed']);
    // A fresh page after success gets a fresh key.
    expect(hiddenField(page.html, 'idempotencyKey')).not.toBe(key);
  }, 120_000);
});
