// A stock Prometheus Alertmanager (Debian's prometheus-alertmanager, installed by .ci/run)
// configured as the README shows: a webhook receiver with a bearer token. Alerts posted to
// its API reach Breachline as one incident per alert group, a second alert of the group
// joins it, and the resolve Alertmanager sends is recorded on the same incident.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/app-harness';
import { freePort } from '../support/free-port';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
const TOKEN = 'alertmanager-bearer-token-0123456789';
let h: Harness;
let am: ChildProcess;
let amUrl: string;
let dir: string;

beforeAll(async () => {
  if (!fs.existsSync(ALERTMANAGER))
    throw new Error(`${ALERTMANAGER} is missing: apt-get install prometheus-alertmanager (.ci/run does)`);
  h = await startHarness({
    env: {
      BREACHLINE_ALERT_SOURCES: JSON.stringify([
        { name: 'prom', format: 'alertmanager', auth: { type: 'bearer', token: TOKEN } },
      ]),
    },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-alertmanager-'));
  const config = `
route:
  receiver: breachline
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: breachline
    webhook_configs:
      - url: ${h.baseUrl}/webhooks/alerts/prom
        send_resolved: true
        http_config:
          authorization: { type: Bearer, credentials: "${TOKEN}" }
`;
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), config);
  const port = await freePort();
  amUrl = `http://127.0.0.1:${port}`;
  am = spawn(
    ALERTMANAGER,
    [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  await eventually(
    () =>
      fetch(`${amUrl}/-/ready`)
        .then((r) => r.status)
        .catch(() => 0),
    (s) => s === 200,
  );
});
afterAll(async () => {
  am?.kill('SIGKILL');
  await h?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const postAlerts = async (alerts: object[]) => {
  const res = await fetch(`${amUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alerts),
  });
  expect(res.status).toBe(200);
};
const rows = () =>
  h.db.all<{ action: string; incident_id: string | null; dedup_key: string }>(
    "SELECT action, incident_id, dedup_key FROM alerts WHERE source = 'prom' ORDER BY received_at",
  );

describe('a stock Prometheus Alertmanager', () => {
  it('opens one incident per group, joins a second alert to it, and records the resolve', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const alert = (instance: string, extra: object = {}) => ({
      labels: { alertname: 'BulkExportFromDb', severity: 'critical', instance },
      annotations: { summary: `Unusual bulk export from ${instance}` },
      startsAt,
      generatorURL: 'http://prometheus.example/graph',
      ...extra,
    });
    await postAlerts([alert('db-7')]);
    const first = await eventually(rows, (r) => r.length >= 1);
    const incidentId = first[0]!.incident_id!;
    expect(first[0]).toMatchObject({ action: 'trigger' });
    expect(incidentId).toMatch(/^[0-9A-Z]{26}$/);

    await postAlerts([alert('db-7'), alert('db-8')]);
    const two = await eventually(rows, (r) => r.length >= 2);
    expect(two.map((r) => r.incident_id)).toEqual([incidentId, incidentId]);

    // Resolved: an end time in the past; Alertmanager sends the group again with it resolved.
    await postAlerts([alert('db-7', { endsAt: new Date(Date.now() - 1000).toISOString() })]);
    const three = await eventually(rows, (r) => r.some((x) => x.action === 'resolve'), 30_000);
    expect(three.filter((r) => r.action === 'resolve')).toEqual([
      { action: 'resolve', incident_id: incidentId, dedup_key: first[0]!.dedup_key },
    ]);
    // Every re-send of the still-firing db-8 counted once, however many group intervals passed.
    expect(three.filter((r) => r.action === 'trigger')).toHaveLength(2);
    const incident = (await h.api('GET', `/api/incidents/${incidentId}`)).body;
    expect(incident.title).toContain('Unusual bulk export');
  }, 60_000);
});
