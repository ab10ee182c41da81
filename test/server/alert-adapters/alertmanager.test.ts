// Samples: alertmanager-v4-firing.json is the v4 payload captured from Alertmanager in
// https://docs.rs/crate/alertmanager-webhook-types/latest/source/assets/sample-v4-payload.json
// (shape per prometheus/alertmanager notify/webhook/webhook.go, Message{Data, Version "4", GroupKey, TruncatedAlerts});
// alertmanager-v4-no-fingerprint.json is the older payload without `fingerprint` from
// https://gist.github.com/mobeigi/5a96f326bc06c7d6f283ecb7cb083f2b
import { describe, expect, it } from 'vitest';
import { adaptAlertmanager } from '../../../server/webhooks/adapters/alertmanager';
import type { NormalizedAlert } from '../../../server/webhooks/normalized-alert';
import { loadSample } from './load-sample';

function alertsOf(body: unknown, groupBy?: 'group' | 'alert'): NormalizedAlert[] {
  const r = adaptAlertmanager(body, { groupBy });
  if (!r.ok) throw new Error(`${r.field}: ${r.error}`);
  return r.alerts;
}

/** The documented sample's group after its alert resolves, as Alertmanager sends it. */
function resolvedSample(endsAt = '2023-02-06T13:20:45.828Z') {
  const body = loadSample('alertmanager-v4-firing.json');
  body.status = 'resolved';
  body.alerts![0]!.status = 'resolved';
  body.alerts![0]!.endsAt = endsAt;
  return body;
}

describe('Alertmanager webhook v4', () => {
  it('maps the documented firing group to one trigger keyed by its groupKey', () => {
    expect(alertsOf(loadSample('alertmanager-v4-firing.json'))).toEqual([
      {
        format: 'alertmanager',
        dedupKey: '{}/{severity="critical"}:{alertname="ProbeFailure"}',
        action: 'trigger',
        summary: 'BlackBox Probe Failure: https://server.example.org',
        severity: 'critical',
        eventId: '1a30ba71cca2921f:firing:2023-02-06T13:08:45.828Z',
        link: 'http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1',
        occurredAt: '2023-02-06T13:08:45.828Z',
      },
    ]);
  });

  it('keys each alert by its fingerprint when the source groups by alert', () => {
    const [alert] = alertsOf(loadSample('alertmanager-v4-firing.json'), 'alert');
    expect(alert!.dedupKey).toBe('1a30ba71cca2921f');
    expect(alert!.eventId).toBe('1a30ba71cca2921f:firing:2023-02-06T13:08:45.828Z');
  });

  it('when the group is re-sent every group_interval, the firing alert keeps one identity', () => {
    const first = alertsOf(loadSample('alertmanager-v4-firing.json'));
    const again = alertsOf(loadSample('alertmanager-v4-firing.json'));
    expect(again[0]!.eventId).toBe(first[0]!.eventId);
  });

  it('when the same fingerprint fires again after a resolve, it is a new event (new startsAt)', () => {
    const refire = loadSample('alertmanager-v4-firing.json');
    refire.alerts![0]!.startsAt = '2023-02-07T08:00:00Z';
    const [first] = alertsOf(loadSample('alertmanager-v4-firing.json'));
    const [second] = alertsOf(refire);
    expect(second!.eventId).not.toBe(first!.eventId);
    expect(second!.dedupKey).toBe(first!.dedupKey);
  });

  it('a resolve counts once per (fingerprint, endsAt) and joins the same key', () => {
    const [resolved] = alertsOf(resolvedSample());
    const [resent] = alertsOf(resolvedSample());
    const [firing] = alertsOf(loadSample('alertmanager-v4-firing.json'));
    expect(resolved).toMatchObject({
      action: 'resolve',
      dedupKey: firing!.dedupKey,
      eventId: '1a30ba71cca2921f:resolved:2023-02-06T13:20:45.828Z',
      occurredAt: '2023-02-06T13:20:45.828Z',
    });
    expect(resent!.eventId).toBe(resolved!.eventId);
    expect(resolved!.eventId).not.toBe(firing!.eventId);
  });

  it('gives one alert per entry of a group, each with its own identity and the group key', () => {
    const body = loadSample('alertmanager-v4-firing.json');
    const second = { ...body.alerts![0]!, fingerprint: 'ffff000011112222', labels: { alertname: 'ProbeFailure' } };
    body.alerts!.push(second);
    const alerts = alertsOf(body);
    expect(alerts.map((a) => a.dedupKey)).toEqual([body.groupKey, body.groupKey]);
    expect(new Set(alerts.map((a) => a.eventId)).size).toBe(2);
    // No severity label on the alert: the group's common label speaks for it.
    expect(alerts[1]!.severity).toBe('critical');
  });

  it('reads an older payload without fingerprints by hashing the label set, stably', () => {
    const [a] = alertsOf(loadSample('alertmanager-v4-no-fingerprint.json'), 'alert');
    const [b] = alertsOf(loadSample('alertmanager-v4-no-fingerprint.json'), 'alert');
    expect(a!.dedupKey).toMatch(/^labels-[0-9a-f]{16}$/);
    expect(b!.dedupKey).toBe(a!.dedupKey);
    expect(a).toMatchObject({
      summary: 'some description',
      severity: 'high',
      occurredAt: '2018-08-03T07:52:26.739Z',
      link: 'http://example.com:9090/graph?g0.expr=go_memstats_alloc_bytes+%3E+0&g0.tab=1',
    });
  });

  it('falls back to the alert name for a title and to externalURL for a link', () => {
    const body = loadSample('alertmanager-v4-firing.json');
    body.alerts![0]!.annotations = {};
    body.alerts![0]!.generatorURL = '';
    const [alert] = alertsOf(body);
    expect(alert!.summary).toBe('ProbeFailure');
    expect(alert!.link).toBe('http://prometheus.example.org:9093');
  });

  it('reads the severity label words onto our levels', () => {
    const levels = ['critical', 'error', 'warning', 'info', 'page', 'something-else'].map((severity) => {
      const body = loadSample('alertmanager-v4-firing.json');
      body.alerts![0]!.labels = { alertname: 'X', severity };
      body.commonLabels = {};
      return alertsOf(body)[0]!.severity;
    });
    expect(levels).toEqual(['critical', 'high', 'medium', 'low', 'critical', 'high']);
  });

  it('hashes a group key too long for the store', () => {
    const body = loadSample('alertmanager-v4-firing.json');
    body.groupKey = `{}:{alertname="${'x'.repeat(300)}"}`;
    expect(alertsOf(body)[0]!.dedupKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  describe('refuses malformed input and names the field', () => {
    const cases: [string, (b: ReturnType<typeof loadSample>) => void, string][] = [
      ['version', (b) => (b.version = '3'), 'version'],
      ['groupKey', (b) => delete b.groupKey, 'groupKey'],
      ['alerts', (b) => (b.alerts = []), 'alerts'],
      ['an alert status', (b) => (b.alerts![0]!.status = 'pending'), 'alerts.0.status'],
      ['a label value', (b) => (b.alerts![0]!.labels = { severity: 3 }), 'alerts.0.labels.severity'],
      ['startsAt', (b) => (b.alerts![0]!.startsAt = 'yesterday'), 'alerts.0.startsAt'],
    ];
    for (const [what, spoil, field] of cases) {
      it(`a bad ${what}`, () => {
        const body = loadSample('alertmanager-v4-firing.json');
        spoil(body);
        const r = adaptAlertmanager(body);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.field).toBe(field);
      });
    }

    it('a resolve whose endsAt is missing', () => {
      const body = resolvedSample();
      delete body.alerts![0]!.endsAt;
      expect(adaptAlertmanager(body)).toEqual({
        ok: false,
        field: 'alerts.0.endsAt',
        error: 'required when status is resolved',
      });
    });

    it('a body that is not an object', () => {
      expect(adaptAlertmanager('nope')).toMatchObject({ ok: false, field: 'body' });
    });
  });
});
