// Samples: the Trigger and Resolve example request payloads of PagerDuty's "Send an Alert Event",
// https://developer.pagerduty.com/docs/send-alert-event (PagerDuty/developer-docs docs/events-API-v2/02-Trigger-Events.md)
import { describe, expect, it } from 'vitest';
import { adaptPagerDuty } from '../../../server/webhooks/adapters/pagerduty';
import { parseAlert } from '../../../server/webhooks/alert-payload';
import { loadSample } from './load-sample';

describe('PagerDuty Events v2', () => {
  it('maps the documented trigger as it always has', () => {
    expect(adaptPagerDuty(loadSample('pagerduty-trigger.json'))).toEqual({
      ok: true,
      alerts: [
        {
          format: 'pagerduty',
          dedupKey: 'samplekeyhere',
          action: 'trigger',
          summary: 'Example alert on host1.example.com',
          severity: 'low',
        },
      ],
    });
  });

  it('maps the documented resolve, which has no payload, to a resolve of its key', () => {
    expect(adaptPagerDuty(loadSample('pagerduty-resolve.json'))).toEqual({
      ok: true,
      alerts: [
        {
          format: 'pagerduty',
          dedupKey: 'dedupkeyhere',
          action: 'resolve',
          summary: 'resolve dedupkeyhere',
          severity: 'high',
        },
      ],
    });
  });

  it('parseAlert still recognises PagerDuty by event_action and answers with one alert', () => {
    expect(parseAlert(loadSample('pagerduty-trigger.json'))).toEqual({
      ok: true,
      alert: {
        format: 'pagerduty',
        dedupKey: 'samplekeyhere',
        action: 'trigger',
        summary: 'Example alert on host1.example.com',
        severity: 'low',
      },
    });
  });

  describe('refuses malformed input and names the field', () => {
    it('a trigger without a dedup_key (PagerDuty would invent one; we could not match its resolve)', () => {
      const body = loadSample('pagerduty-trigger.json');
      delete body.dedup_key;
      expect(adaptPagerDuty(body)).toEqual({ ok: false, field: 'dedup_key', error: 'required' });
    });
    it('a trigger without a payload', () => {
      const body = loadSample('pagerduty-resolve.json');
      body.event_action = 'trigger';
      expect(adaptPagerDuty(body)).toEqual({ ok: false, field: 'payload', error: 'required for trigger' });
    });
    it('a severity PagerDuty does not have', () => {
      const body = loadSample('pagerduty-trigger.json');
      (body.payload as Record<string, unknown>).severity = 'high';
      expect(adaptPagerDuty(body)).toMatchObject({ ok: false, field: 'payload.severity' });
    });
  });
});
