// Samples from Sentry's integration-platform webhook documentation
// (getsentry/sentry-docs docs/organization/integrations/integration-platform/webhooks/):
// sentry-event-alert.json  https://docs.sentry.io/organization/integrations/integration-platform/webhooks/issue-alerts/
// sentry-issue-created.json https://docs.sentry.io/organization/integrations/integration-platform/webhooks/issues/
// sentry-metric-alert-resolved.json https://docs.sentry.io/organization/integrations/integration-platform/webhooks/metric-alerts/
import { describe, expect, it } from 'vitest';
import { adaptSentry } from '../../../server/webhooks/adapters/sentry';
import { loadSample } from './load-sample';

describe('Sentry webhooks', () => {
  it('maps the documented issue alert (event_alert) to a trigger keyed by its issue', () => {
    expect(adaptSentry(loadSample('sentry-event-alert.json'), { hookResource: 'event_alert' })).toEqual({
      ok: true,
      alerts: [
        {
          format: 'sentry',
          dedupKey: 'issue:1117540176',
          action: 'trigger',
          summary: 'ReferenceError: heck is not defined',
          severity: 'high',
          eventId: 'e4874d664c3540c1a32eab185f12c5ab',
          link: 'https://sentry.io/organizations/test-org/issues/1117540176/events/e4874d664c3540c1a32eab185f12c5ab/',
          occurredAt: '2019-08-19T21:06:17.677Z',
        },
      ],
    });
  });

  it('maps the documented issue webhook to a trigger on the issue key, with the delivery id as its identity', () => {
    const r = adaptSentry(loadSample('sentry-issue-created.json'), { hookResource: 'issue', requestId: 'req-1' });
    expect(r).toEqual({
      ok: true,
      alerts: [
        {
          format: 'sentry',
          dedupKey: 'issue:1170820242',
          action: 'trigger',
          summary: 'ReferenceError: blooopy is not defined',
          severity: 'high',
          eventId: 'req-1',
          link: undefined,
          occurredAt: '2019-08-19T20:58:37.391Z',
        },
      ],
    });
  });

  it('an issue resolved in Sentry resolves the key its issue alert opened', () => {
    const alertKey = adaptSentry(loadSample('sentry-event-alert.json'));
    const body = loadSample('sentry-issue-created.json');
    body.action = 'resolved';
    (body.data as { issue: Record<string, unknown> }).issue.id = '1117540176';
    const r = adaptSentry(body, { hookResource: 'issue' });
    expect(r.ok && alertKey.ok && r.alerts[0]!.dedupKey === alertKey.alerts[0]!.dedupKey).toBe(true);
    expect(r.ok && r.alerts[0]!.action).toBe('resolve');
  });

  it('an issue assigned or archived is an acknowledgement, not a resolve', () => {
    for (const action of ['assigned', 'archived', 'ignored']) {
      const body = loadSample('sentry-issue-created.json');
      body.action = action;
      const r = adaptSentry(body, { hookResource: 'issue' });
      expect(r.ok && r.alerts[0]!.action).toBe('acknowledge');
    }
  });

  it('maps the documented metric alert resolve, keyed by the metric incident', () => {
    const r = adaptSentry(loadSample('sentry-metric-alert-resolved.json'), { hookResource: 'metric_alert' });
    expect(r).toMatchObject({
      ok: true,
      alerts: [
        {
          dedupKey: 'metric_alert:4',
          action: 'resolve',
          summary: 'Resolved: Too many errors',
          link: 'https://sentry.io/organizations/baz/alerts/1/',
        },
      ],
    });
  });

  it('a critical metric alert is a critical trigger, a warning a medium one', () => {
    const severities = ['critical', 'warning'].map((action) => {
      const body = loadSample('sentry-metric-alert-resolved.json');
      body.action = action;
      const r = adaptSentry(body, { hookResource: 'metric_alert' });
      return r.ok ? [r.alerts[0]!.action, r.alerts[0]!.severity] : r;
    });
    expect(severities).toEqual([
      ['trigger', 'critical'],
      ['trigger', 'medium'],
    ]);
  });

  it('without the Sentry-Hook-Resource header, the body shape tells the resource', () => {
    for (const name of ['sentry-event-alert.json', 'sentry-issue-created.json', 'sentry-metric-alert-resolved.json']) {
      expect(adaptSentry(loadSample(name)).ok).toBe(true);
    }
  });

  it('reads the event level onto our severity', () => {
    const body = loadSample('sentry-event-alert.json');
    (body.data as { event: Record<string, unknown> }).event.level = 'fatal';
    const r = adaptSentry(body);
    expect(r.ok && r.alerts[0]!.severity).toBe('critical');
  });

  describe('refuses malformed input and names the field', () => {
    it('an unknown resource header', () => {
      expect(adaptSentry(loadSample('sentry-event-alert.json'), { hookResource: 'installation' })).toMatchObject({
        ok: false,
        field: 'Sentry-Hook-Resource',
      });
    });
    it('a body of no known resource', () => {
      expect(adaptSentry({ action: 'created', data: {} })).toMatchObject({ ok: false, field: 'data' });
    });
    it('an issue alert without its issue id', () => {
      const body = loadSample('sentry-event-alert.json');
      delete (body.data as { event: Record<string, unknown> }).event.issue_id;
      expect(adaptSentry(body)).toMatchObject({ ok: false, field: 'data.event.issue_id' });
    });
    it('an issue action Sentry does not send', () => {
      const body = loadSample('sentry-issue-created.json');
      body.action = 'deleted';
      expect(adaptSentry(body, { hookResource: 'issue' })).toMatchObject({ ok: false, field: 'action' });
    });
  });
});
