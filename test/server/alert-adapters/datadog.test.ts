// Sample: datadog-triggered.json is the default payload template of Datadog's Webhooks
// integration (https://docs.datadoghq.com/integrations/webhooks/: body, last_updated, event_type,
// title, date, org, id) plus the $ALERT_ID, $AGGREG_KEY, $ALERT_TRANSITION, $ALERT_TYPE,
// $ALERT_PRIORITY, $ALERT_METRIC, $ALERT_SCOPE, $PRIORITY and $LINK variables, each filled with the
// example value that page gives for it. Datadog publishes no captured delivery: the body is a
// template the user writes.
import { describe, expect, it } from 'vitest';
import { adaptDatadog } from '../../../server/webhooks/adapters/datadog';
import { loadSample } from './load-sample';

describe('Datadog webhooks', () => {
  it('maps the documented template to a trigger keyed by the aggregation key', () => {
    expect(adaptDatadog(loadSample('datadog-triggered.json'))).toEqual({
      ok: true,
      alerts: [
        {
          format: 'datadog',
          dedupKey: 'aggregate:9bd4ac313a4d1e8fae2482df7b77628',
          action: 'trigger',
          summary: '[Triggered] [Memory Alert]',
          severity: 'critical',
          eventId: '1234567',
          link: 'https://app.datadoghq.com/event/jump_to?event_id=1234567',
          occurredAt: '2014-07-29T19:37:52.000Z',
        },
      ],
    });
  });

  it('a Recovered transition resolves the same key', () => {
    for (const transition of ['Recovered', 'Warn Recovered']) {
      const body = loadSample('datadog-triggered.json');
      body.alert_transition = transition;
      body.id = '1234568';
      const r = adaptDatadog(body);
      expect(r).toMatchObject({
        ok: true,
        alerts: [{ action: 'resolve', dedupKey: 'aggregate:9bd4ac313a4d1e8fae2482df7b77628', eventId: '1234568' }],
      });
    }
  });

  it('re-triggers and warnings are triggers', () => {
    for (const transition of ['Re-Triggered', 'Warn', 'No Data', 'Renotify']) {
      const body = loadSample('datadog-triggered.json');
      body.alert_transition = transition;
      const r = adaptDatadog(body);
      expect(r.ok && r.alerts[0]!.action).toBe('trigger');
    }
  });

  it('without an aggregation key the monitor id keys the incident; aggreg_key is read too', () => {
    const body = loadSample('datadog-triggered.json');
    delete body.aggregate;
    let r = adaptDatadog(body);
    expect(r.ok && r.alerts[0]!.dedupKey).toBe('monitor:1234');
    body.aggreg_key = 'abc';
    r = adaptDatadog(body);
    expect(r.ok && r.alerts[0]!.dedupKey).toBe('aggregate:abc');
  });

  it('severity comes from the priority, then the alert type, then a warning transition', () => {
    const read = (edit: (b: ReturnType<typeof loadSample>) => void) => {
      const body = loadSample('datadog-triggered.json');
      edit(body);
      const r = adaptDatadog(body);
      return r.ok ? r.alerts[0]!.severity : r;
    };
    expect(read((b) => (b.alert_priority = 'P3'))).toBe('medium');
    expect(read((b) => delete b.alert_priority)).toBe('high');
    expect(
      read((b) => {
        delete b.alert_priority;
        b.alert_type = 'warning';
      }),
    ).toBe('medium');
    expect(
      read((b) => {
        delete b.alert_priority;
        delete b.alert_type;
        b.alert_transition = 'Warn';
      }),
    ).toBe('medium');
  });

  describe('refuses malformed input and names the field', () => {
    it('no aggregation key and no monitor id', () => {
      const body = loadSample('datadog-triggered.json');
      delete body.aggregate;
      delete body.alert_id;
      expect(adaptDatadog(body)).toMatchObject({ ok: false, field: 'aggregate' });
    });
    it('no title', () => {
      const body = loadSample('datadog-triggered.json');
      delete body.title;
      expect(adaptDatadog(body)).toMatchObject({ ok: false, field: 'title' });
    });
    it('a field that is not text', () => {
      const body = loadSample('datadog-triggered.json');
      body.alert_id = { id: 1 };
      expect(adaptDatadog(body)).toMatchObject({ ok: false, field: 'alert_id' });
    });
  });
});
