// What the signed alert webhook accepts today: our generic JSON alert, or PagerDuty
// Events v2 recognised by its `event_action`. Both are adapters now; this keeps the
// one-alert answer the route and use case were written against.
import { adaptGeneric } from './adapters/generic';
import { adaptPagerDuty } from './adapters/pagerduty';
import type { NormalizedAlert } from './normalized-alert';

export type { NormalizedAlert } from './normalized-alert';

export type ParseOutcome = { ok: true; alert: NormalizedAlert } | { ok: false; field: string; error: string };

export function parseAlert(body: unknown): ParseOutcome {
  const isPagerDuty = !!body && typeof body === 'object' && 'event_action' in body;
  const r = isPagerDuty ? adaptPagerDuty(body) : adaptGeneric(body);
  // Both adapters give exactly one alert for a body they accept.
  return r.ok ? { ok: true, alert: r.alerts[0]! } : r;
}
