// Sample: generic-alert.json is the body of "Sign a test alert from a shell" in this
// repository's README.md (Alert webhooks).
import { describe, expect, it } from 'vitest';
import { adaptGeneric } from '../../../server/webhooks/adapters/generic';
import { parseAlert } from '../../../server/webhooks/alert-payload';
import { loadSample } from './load-sample';

describe('generic JSON alert', () => {
  it('maps the README sample to a trigger with its own key', () => {
    expect(adaptGeneric(loadSample('generic-alert.json'))).toEqual({
      ok: true,
      alerts: [
        {
          format: 'generic',
          dedupKey: 'db-exfil-1',
          action: 'trigger',
          summary: 'Unusual export from db-7',
          severity: 'critical',
        },
      ],
    });
  });

  it('reads the PagerDuty-style severity words onto our levels and defaults to high', () => {
    const levels = ['info', 'warning', 'error', undefined].map((severity) => {
      const r = adaptGeneric({ ...loadSample('generic-alert.json'), severity });
      return r.ok ? r.alerts[0]!.severity : r;
    });
    expect(levels).toEqual(['low', 'medium', 'high', 'high']);
  });

  it('parseAlert answers with the one alert, as the signed route expects', () => {
    expect(parseAlert({ dedupKey: ' k ', summary: 's', action: 'resolve' })).toEqual({
      ok: true,
      alert: { format: 'generic', dedupKey: 'k', action: 'resolve', summary: 's', severity: 'high' },
    });
  });

  describe('refuses malformed input and names the field', () => {
    it('a missing dedupKey', () => {
      expect(adaptGeneric({ summary: 's' })).toMatchObject({ ok: false, field: 'dedupKey' });
      expect(parseAlert({ summary: 's' })).toMatchObject({ ok: false, field: 'dedupKey' });
    });
    it('an occurredAt without a zone', () => {
      expect(adaptGeneric({ ...loadSample('generic-alert.json'), occurredAt: '2026-01-01T10:00' })).toMatchObject({
        ok: false,
        field: 'occurredAt',
      });
    });
    it('a body that is not an object', () => {
      expect(parseAlert(null)).toMatchObject({ ok: false, field: 'body' });
    });
  });
});
