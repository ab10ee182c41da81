// Alert webhooks: signatures on the raw bytes, replay protection, and dedup of
// many alerts into one incident, including alerts that arrive after close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory } from '../support/histories';
import { signPayload } from '../../server/webhooks/signature';
import { assessmentBody, eventually, startHarness, WEBHOOK_SECRET, type Harness } from '../support/app-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const now = () => Math.floor(Date.now() / 1000);

async function post(body: string, signature: string | null, source = 'monitor') {
  const res = await fetch(`${h.baseUrl}/webhooks/alerts/${source}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-breachline-signature': signature } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const signed = (payload: unknown, t = now(), secret = WEBHOOK_SECRET) => {
  const body = JSON.stringify(payload);
  return { body, signature: signPayload(secret, body, t) };
};

const alertCount = async (id: string) => (await h.api('GET', `/api/incidents/${id}`)).body.counts.alerts as number;

describe('alert webhook', () => {
  it('folds ten alerts with one dedup key into one incident with an alert count of ten', async () => {
    const key = `dup-${Date.now()}`;
    const ids = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const { body, signature } = signed(
        { dedupKey: key, summary: `Unusual export volume #${i}`, severity: 'critical' },
        now() + i,
      );
      const r = await post(body, signature);
      expect(r.status).toBe(202);
      ids.add(r.body.incidentId as string);
    }
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    await eventually(
      () => alertCount(id!),
      (n) => n === 10,
    );
    await recordHistory(h.client, `incident-${id}`, 'v2-alert-dedup');
    const bodies = await h.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ?', [id!]);
    expect(bodies!.n).toBe(10);
    const history = JSON.stringify(await h.client.workflow.getHandle(`incident-${id}`).fetchHistory());
    expect(history).not.toContain('Unusual export volume');
  });

  it('accepts the PagerDuty Events v2 shape and ignores acknowledge/resolve with no open incident', async () => {
    const key = `pd-${Date.now()}`;
    const ack = signed({ routing_key: 'r', event_action: 'acknowledge', dedup_key: key });
    expect((await post(ack.body, ack.signature)).body).toMatchObject({ ignored: true });
    const trigger = signed({
      routing_key: 'r',
      event_action: 'trigger',
      dedup_key: key,
      payload: { summary: 'Disk exfiltration suspected', severity: 'error', source: 'db-7' },
    });
    const r = await post(trigger.body, trigger.signature);
    expect(r.status).toBe(202);
    const row = await h.db.get<{ severity: string; title: string }>(
      'SELECT severity, title FROM incidents WHERE id = ?',
      [r.body.incidentId as string],
    );
    expect(row).toEqual({ severity: 'high', title: 'Disk exfiltration suspected' });
    const resolve = signed({ routing_key: 'r', event_action: 'resolve', dedup_key: key }, now() + 1);
    expect((await post(resolve.body, resolve.signature)).body).toEqual({
      incidentId: r.body.incidentId,
      alertId: expect.stringMatching(/^alr_/),
    });
  });

  it('refuses bad, missing and stale signatures, oversized and malformed bodies, and stores nothing', async () => {
    const before = (await h.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM alerts'))!.n;
    const good = signed({ dedupKey: 'x-1', summary: 's' });
    expect((await post(good.body, null)).status).toBe(401);
    expect((await post(good.body, signPayload('wrong-secret-0123456789', good.body, now()))).status).toBe(401);
    const stale = signed({ dedupKey: 'x-1', summary: 's' }, now() - 301);
    expect((await post(stale.body, stale.signature)).status).toBe(401);
    const future = signed({ dedupKey: 'x-1', summary: 's' }, now() + 301);
    expect((await post(future.body, future.signature)).status).toBe(401);
    expect((await post(good.body, good.signature, 'unknown-source')).status).toBe(401);
    const tampered = good.body.replace('"s"', '"t"');
    expect((await post(tampered, good.signature)).status).toBe(401);
    const big = JSON.stringify({ dedupKey: 'x-2', summary: 'x'.repeat(300_000) });
    expect((await post(big, signPayload(WEBHOOK_SECRET, big, now()))).status).toBe(413);
    const malformed = '{"dedupKey": ';
    expect((await post(malformed, signPayload(WEBHOOK_SECRET, malformed, now()))).status).toBe(400);
    const noKey = JSON.stringify({ summary: 'no key' });
    const r = await post(noKey, signPayload(WEBHOOK_SECRET, noKey, now()));
    expect(r).toMatchObject({ status: 400, body: { field: 'dedupKey' } });
    expect((await h.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM alerts'))!.n).toBe(before);
  });

  it('answers a replayed signature with the first result and does not count it again', async () => {
    const key = `replay-${Date.now()}`;
    const a = signed({ dedupKey: key, summary: 'first' });
    const first = await post(a.body, a.signature);
    const again = await post(a.body, a.signature);
    expect(again.body.incidentId).toBe(first.body.incidentId);
    expect(again.body.replayed).toBe(true);
    // A second, distinct alert for the same key is signalled after the replay would have been:
    // once it is counted, a counted replay would show as three.
    const b = signed({ dedupKey: key, summary: 'second' });
    expect((await post(b.body, b.signature)).body.incidentId).toBe(first.body.incidentId);
    const id = first.body.incidentId as string;
    await eventually(
      () => alertCount(id),
      (n) => n >= 2,
    );
    expect(await alertCount(id)).toBe(2);
  });

  it('accepts any of several secrets for one source (rotation)', async () => {
    const body = JSON.stringify({ dedupKey: `rot-${Date.now()}`, summary: 'rotation' });
    const t = now();
    const header = `${signPayload('old-secret-not-configured-000', body, t)},v1=${signPayload(WEBHOOK_SECRET, body, t).split('v1=')[1]}`;
    expect((await post(body, header)).status).toBe(202);
  });

  it('opens a new incident, linked to the last one, when a trigger arrives after close; acknowledge after close is ignored', async () => {
    const key = `after-close-${Date.now()}`;
    const a = signed({ dedupKey: key, summary: 'Credential stuffing' });
    const opened = await post(a.body, a.signature);
    const first = opened.body.incidentId as string;
    // The workflow starts when the forwarder delivers the alert; the triage needs it running.
    await eventually(
      () =>
        h.db.get<{ at: string | null }>('SELECT signalled_at AS at FROM alerts WHERE id = ?', [
          opened.body.alertId as string,
        ]),
      (r) => r?.at != null,
    );
    expect(
      (await h.api('POST', `/api/incidents/${first}/triage`, { decision: 'confirm', reason: 'real' })).status,
    ).toBe(200);
    expect(
      (
        await h.api(
          'POST',
          `/api/incidents/${first}/assessment`,
          assessmentBody({ riskLevel: 'none', affected: { DE: 5 } }),
        )
      ).status,
    ).toBe(200);
    const closed = await h.api('POST', `/api/incidents/${first}/close`, { summary: 'Contained; no risk to people.' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);

    const ack = signed({ dedupKey: key, action: 'acknowledge', summary: 'ack' }, now() + 1);
    expect((await post(ack.body, ack.signature)).body).toMatchObject({ ignored: true });

    const b = signed({ dedupKey: key, summary: 'Credential stuffing again' }, now() + 2);
    const second = (await post(b.body, b.signature)).body.incidentId as string;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const row = await h.db.get<{ linked_incident_id: string }>(
      'SELECT linked_incident_id FROM incidents WHERE id = ?',
      [second],
    );
    expect(row!.linked_incident_id).toBe(first);
    await eventually(
      () => alertCount(second),
      (n) => n === 1,
    );
  });
});
