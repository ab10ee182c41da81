// The one record every alert payload becomes, whatever tool sent it. Fields past
// `severity` are optional so code written for the first two formats compiles unchanged.
import type { Severity } from '../../workflows/types';

export const ALERT_FORMATS = [
  'generic',
  'pagerduty',
  'alertmanager',
  'grafana',
  'sentry',
  'datadog',
  'json-mapping',
] as const;
export type AlertFormat = (typeof ALERT_FORMATS)[number];

export type AlertAction = 'trigger' | 'acknowledge' | 'resolve';

export interface NormalizedAlert {
  format: AlertFormat;
  dedupKey: string;
  action: AlertAction;
  summary: string;
  severity: Severity;
  /** The sender's identity for this one event; the same event sent again carries the same id. */
  eventId?: string;
  /** Where a responder can see the alert in the tool that raised it. */
  link?: string;
  /** When the tool says the condition began (or, for a resolve, ended); ISO 8601 in UTC. */
  occurredAt?: string;
}

export type AdapterOutcome = { ok: true; alerts: NormalizedAlert[] } | { ok: false; field: string; error: string };
