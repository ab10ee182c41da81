// An Idempotency-Key belongs to one request on one incident: the same key on
// another incident is another request, and the same key with another body on
// the same incident is a client's mistake, refused before anything is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentBody, incidentBody, startHarness, type Harness } from '../support/app-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const uniqueKey = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

async function openIncident(title: string): Promise<string> {
  const created = await h.api('POST', '/api/incidents', incidentBody({ title }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

async function notesOf(incidentId: string, kind: string): Promise<string[]> {
  const rows = await h.db.all<{ body: string }>(
    'SELECT body FROM notes WHERE incident_id = ? AND kind = ? ORDER BY created_at, id',
    [incidentId, kind],
  );
  return rows.map((row) => row.body);
}

async function closeWithReport(incidentId: string, summary: string, key: string): Promise<string> {
  const assessed = await h.api(
    'POST',
    `/api/incidents/${incidentId}/assessment`,
    assessmentBody({ riskLevel: 'none', affected: { DE: 5 } }),
  );
  expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
  const closed = await h.api('POST', `/api/incidents/${incidentId}/close`, { summary }, { 'idempotency-key': key });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  const report = await h.api('GET', `/api/incidents/${incidentId}/report`);
  expect(report.status).toBe(200);
  return report.body as string;
}

describe('an idempotency key', () => {
  it('used on two incidents keeps both reasons, and each report shows only its own', async () => {
    const first = await openIncident('Key shared across incidents (first)');
    const second = await openIncident('Key shared across incidents (second)');
    const triageKey = uniqueKey('triage');
    const closeKey = uniqueKey('close');
    const triagedFirst = await h.api(
      'POST',
      `/api/incidents/${first}/triage`,
      { decision: 'confirm', reason: 'Confidential reason of the first incident' },
      { 'idempotency-key': triageKey },
    );
    const triagedSecond = await h.api(
      'POST',
      `/api/incidents/${second}/triage`,
      { decision: 'confirm', reason: 'Reason of the second incident' },
      { 'idempotency-key': triageKey },
    );
    expect(triagedFirst.status, JSON.stringify(triagedFirst.body)).toBe(200);
    expect(triagedSecond.status, JSON.stringify(triagedSecond.body)).toBe(200);
    expect(await notesOf(first, 'triage.confirm')).toEqual(['Confidential reason of the first incident']);
    expect(await notesOf(second, 'triage.confirm')).toEqual(['Reason of the second incident']);

    const firstReport = await closeWithReport(first, 'Summary of the first incident', closeKey);
    const secondReport = await closeWithReport(second, 'Summary of the second incident', closeKey);
    expect(firstReport).toContain('Confidential reason of the first incident');
    expect(firstReport).toContain('Summary of the first incident');
    expect(firstReport).not.toContain('second incident');
    expect(secondReport).toContain('Reason of the second incident');
    expect(secondReport).toContain('Summary of the second incident');
    expect(secondReport).not.toContain('first incident');
  });

  it('refused on another incident leaves the note the key stored for the first one', async () => {
    const first = await openIncident('Key refused elsewhere (first)');
    const second = await openIncident('Key refused elsewhere (second)');
    const key = uniqueKey('triage');
    const triaged = await h.api(
      'POST',
      `/api/incidents/${first}/triage`,
      { decision: 'confirm', reason: 'Reason kept for the first incident' },
      { 'idempotency-key': key },
    );
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect((await h.api('POST', `/api/incidents/${second}/triage`, { decision: 'confirm', reason: 'x' })).status).toBe(
      200,
    );
    // The second incident is past triage, so its workflow refuses this one and the request's rows are undone.
    const refused = await h.api(
      'POST',
      `/api/incidents/${second}/triage`,
      { decision: 'confirm', reason: 'Reason kept for the first incident' },
      { 'idempotency-key': key },
    );
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(await notesOf(first, 'triage.confirm')).toEqual(['Reason kept for the first incident']);
  });

  it('sent again with another body on the same incident and action is refused with 409, the first note intact', async () => {
    const id = await openIncident('Key reused for another body');
    const key = uniqueKey('triage');
    const first = await h.api(
      'POST',
      `/api/incidents/${id}/triage`,
      { decision: 'confirm', reason: 'The reason first given' },
      { 'idempotency-key': key },
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const reused = await h.api(
      'POST',
      `/api/incidents/${id}/triage`,
      { decision: 'confirm', reason: 'A different reason' },
      { 'idempotency-key': key },
    );
    expect(reused).toMatchObject({
      status: 409,
      body: { error: 'this key was used for another request', field: 'Idempotency-Key' },
    });
    expect(await notesOf(id, 'triage.confirm')).toEqual(['The reason first given']);
  });

  it('sent again with the same body gets the same answer and stores one note', async () => {
    const id = await openIncident('Key retried with the same body');
    const key = uniqueKey('triage');
    const body = { decision: 'confirm', reason: 'The same reason twice' };
    const first = await h.api('POST', `/api/incidents/${id}/triage`, body, { 'idempotency-key': key });
    // The same fields in another order are the same request.
    const again = await h.api(
      'POST',
      `/api/incidents/${id}/triage`,
      { reason: body.reason, decision: body.decision },
      { 'idempotency-key': key },
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(again).toEqual(first);
    expect(await notesOf(id, 'triage.confirm')).toEqual(['The same reason twice']);
  });

  it('sent again after the request ended the workflow (a close) gets the first answer, and the summary stays', async () => {
    const id = await openIncident('Key retried after the close');
    expect((await h.api('POST', `/api/incidents/${id}/triage`, { decision: 'confirm', reason: 'real' })).status).toBe(
      200,
    );
    const key = uniqueKey('close');
    await closeWithReport(id, 'Contained within the hour', key);
    // The answer was lost: the client sends the close again with its key.
    const again = await h.api(
      'POST',
      `/api/incidents/${id}/close`,
      { summary: 'Contained within the hour' },
      {
        'idempotency-key': key,
      },
    );
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ incidentId: id, stage: 'closed' });
    expect(await notesOf(id, 'close.summary')).toEqual(['Contained within the hour']);
    // Under a new key it is a new request, which the closed incident refuses, leaving the summary as it was.
    const fresh = await h.api(
      'POST',
      `/api/incidents/${id}/close`,
      { summary: 'Another summary' },
      {
        'idempotency-key': uniqueKey('close'),
      },
    );
    expect(fresh.status).toBe(409);
    expect(await notesOf(id, 'close.summary')).toEqual(['Contained within the hour']);
  });
});
