// Sample: grafana-firing.json is the "Webhook JSON payload" of Grafana's documentation,
// https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/
// (grafana/grafana docs/sources/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier.md)
import { describe, expect, it } from 'vitest';
import { adaptGrafana } from '../../../server/webhooks/adapters/grafana';
import type { NormalizedAlert } from '../../../server/webhooks/normalized-alert';
import { loadSample } from './load-sample';

function alertsOf(body: unknown, groupBy?: 'group' | 'alert'): NormalizedAlert[] {
  const r = adaptGrafana(body, { groupBy });
  if (!r.ok) throw new Error(`${r.field}: ${r.error}`);
  return r.alerts;
}

describe('Grafana alerting webhook', () => {
  it('maps the documented two-alert group to two triggers on the org-scoped group key', () => {
    expect(alertsOf(loadSample('grafana-firing.json'))).toEqual([
      {
        format: 'grafana',
        dedupKey: 'org 1:{}:{}',
        action: 'trigger',
        summary: 'This alert was triggered for zone us-1',
        severity: 'high',
        eventId: 'c6eadffa33fcdf37:firing:2021-10-12T07:51:03.157Z',
        link: 'https://play.grafana.org/alerting/1afz29v7z/edit',
        occurredAt: '2021-10-12T07:51:03.157Z',
      },
      {
        format: 'grafana',
        dedupKey: 'org 1:{}:{}',
        action: 'trigger',
        summary: 'This alert was triggered for zone eu-1',
        severity: 'high',
        eventId: 'bc97ff14869b13e3:firing:2021-10-12T07:56:03.157Z',
        link: 'https://play.grafana.org/alerting/d1rdpdv7k/edit',
        occurredAt: '2021-10-12T07:56:03.157Z',
      },
    ]);
  });

  it('keys by fingerprint when the source groups by alert', () => {
    expect(alertsOf(loadSample('grafana-firing.json'), 'alert').map((a) => a.dedupKey)).toEqual([
      'c6eadffa33fcdf37',
      'bc97ff14869b13e3',
    ]);
  });

  it('links to the panel, then the dashboard, before the rule', () => {
    const body = loadSample('grafana-firing.json');
    body.alerts![0]!.dashboardURL = 'https://play.grafana.org/d/abc';
    body.alerts![1]!.dashboardURL = 'https://play.grafana.org/d/abc';
    body.alerts![1]!.panelURL = 'https://play.grafana.org/d/abc?viewPanel=2';
    expect(alertsOf(body).map((a) => a.link)).toEqual([
      'https://play.grafana.org/d/abc',
      'https://play.grafana.org/d/abc?viewPanel=2',
    ]);
  });

  it('a resolve counts once per (fingerprint, endsAt)', () => {
    const body = loadSample('grafana-firing.json');
    body.status = 'resolved';
    body.alerts = [{ ...body.alerts![0]!, status: 'resolved', endsAt: '2021-10-12T10:01:03.157076+02:00' }];
    const [a] = alertsOf(body);
    const [b] = alertsOf(JSON.parse(JSON.stringify(body)));
    expect(a).toMatchObject({ action: 'resolve', eventId: 'c6eadffa33fcdf37:resolved:2021-10-12T08:01:03.157Z' });
    expect(b!.eventId).toBe(a!.eventId);
  });

  it('accepts the older valueString form of the same payload', () => {
    const body = loadSample('grafana-firing.json');
    for (const alert of body.alerts!) {
      delete alert.values;
      alert.valueString = "[ metric='' labels={} value=14151.331895396988 ]";
    }
    expect(alertsOf(body)).toHaveLength(2);
  });

  it('without annotations or an alert name, the title is the notification title', () => {
    const body = loadSample('grafana-firing.json');
    body.alerts![0]!.annotations = {};
    body.alerts![0]!.labels = { team: 'blue' };
    expect(alertsOf(body)[0]!.summary).toBe('[FIRING:2]  (blue)');
  });

  it('refuses malformed input and names the field', () => {
    const body = loadSample('grafana-firing.json');
    body.alerts![1]!.fingerprint = '';
    expect(adaptGrafana(body)).toMatchObject({ ok: false, field: 'alerts.1.fingerprint' });
    const noOrg = loadSample('grafana-firing.json');
    noOrg.orgId = 'one';
    expect(adaptGrafana(noOrg)).toMatchObject({ ok: false, field: 'orgId' });
  });
});
