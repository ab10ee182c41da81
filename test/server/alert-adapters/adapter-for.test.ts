// Samples: the documented payloads of the other files here, each read by the adapter its format names.
import { describe, expect, it } from 'vitest';
import { ALERT_FORMATS, adapterFor, isAlertFormat, parseJsonMapping } from '../../../server/webhooks/adapters';
import { loadSample } from './load-sample';

describe('adapterFor', () => {
  it('has an adapter for every format a source can name', () => {
    for (const format of ALERT_FORMATS) expect(typeof adapterFor(format)).toBe('function');
    expect(isAlertFormat('alertmanager')).toBe(true);
    expect(isAlertFormat('nagios')).toBe(false);
  });

  it('reads each documented sample with the adapter of its format', () => {
    const mapping = parseJsonMapping({ title: '$.title', dedupKey: '$.id' });
    const samples: [(typeof ALERT_FORMATS)[number], string][] = [
      ['generic', 'generic-alert.json'],
      ['pagerduty', 'pagerduty-trigger.json'],
      ['alertmanager', 'alertmanager-v4-firing.json'],
      ['grafana', 'grafana-firing.json'],
      ['sentry', 'sentry-event-alert.json'],
      ['datadog', 'datadog-triggered.json'],
      ['json-mapping', 'datadog-triggered.json'],
    ];
    for (const [format, name] of samples) {
      const r = adapterFor(format)(loadSample(name), { mapping: mapping.ok ? mapping.mapping : undefined });
      expect(r.ok && r.alerts.every((a) => a.format === format)).toBe(true);
    }
  });

  it('one tool’s payload is refused by another tool’s adapter, naming a field', () => {
    expect(adapterFor('alertmanager')(loadSample('grafana-firing.json'))).toMatchObject({
      ok: false,
      field: 'version',
    });
    expect(adapterFor('datadog')(loadSample('sentry-event-alert.json'))).toMatchObject({ ok: false });
  });
});
