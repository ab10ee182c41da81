// Datadog's Webhooks integration. Its body is a template the user writes from $VARIABLES;
// we read the field names of the documented default template and the common additions
// ($ALERT_TRANSITION, $ALERT_ID, $AGGREG_KEY, $ALERT_PRIORITY, $ALERT_TYPE, $LINK).
import { z } from 'zod';
import type { Severity } from '../../../workflows/types';
import type { AlertAction } from '../normalized-alert';
import { accepted, firstPresent, rejected, rejectedBySchema, type Adapter } from './adapter';
import { readSeverityWord } from './severity';

// Datadog fills every variable in as text, but a hand-written template may leave numbers bare.
const text = z.union([z.string(), z.number()]).transform(String).optional();

const datadogSchema = z.object({
  id: text,
  title: text,
  alert_title: text,
  body: text,
  last_updated: text,
  date: text,
  event_type: text,
  alert_transition: text,
  alert_id: text,
  aggregate: text,
  aggreg_key: text,
  alert_cycle_key: text,
  alert_priority: text,
  priority: text,
  alert_type: text,
  link: text,
});

/**
 * A transition ending in "Recovered" (Recovered, Warn Recovered) ends the alert; every
 * other (Triggered, Re-Triggered, Warn, No Data, Renotify) raises or repeats it.
 */
function actionOf(transition: string | undefined): AlertAction {
  return transition?.trim().toLowerCase().endsWith('recovered') ? 'resolve' : 'trigger';
}

/** The monitor's priority (P1-P5) says most; then the alert type; then whether it is only a warning. */
function severityOf(d: z.infer<typeof datadogSchema>): Severity {
  return (
    readSeverityWord(d.alert_priority) ??
    readSeverityWord(d.alert_type) ??
    (d.alert_transition?.toLowerCase().startsWith('warn') ? 'medium' : 'high')
  );
}

/** $DATE and $LAST_UPDATED are epoch milliseconds. */
function instantOf(value: string | undefined): string | undefined {
  if (!value || !/^\d{10,16}$/.test(value)) return undefined;
  return new Date(Number(value)).toISOString();
}

export const adaptDatadog: Adapter = (body) => {
  const r = datadogSchema.safeParse(body);
  if (!r.success) return rejectedBySchema(r.error);
  const d = r.data;
  // The aggregation key names one monitor on one group (host, service) across its
  // notifications; the monitor id is the coarser fallback when the template omits it.
  const key = firstPresent(d.aggregate, d.aggreg_key);
  const dedupKey = key ? `aggregate:${key}` : d.alert_id ? `monitor:${d.alert_id}` : undefined;
  if (!dedupKey) return rejected('aggregate', 'required (or alert_id): add "aggregate": "$AGGREG_KEY" to the template');
  const summary = firstPresent(d.title, d.alert_title);
  if (!summary) return rejected('title', 'required: add "title": "$EVENT_TITLE" to the template');
  return accepted([
    {
      format: 'datadog',
      dedupKey: dedupKey.slice(0, 255),
      action: actionOf(d.alert_transition),
      summary: summary.slice(0, 1024),
      severity: severityOf(d),
      eventId: firstPresent(d.id),
      link: firstPresent(d.link),
      occurredAt: instantOf(firstPresent(d.last_updated, d.date)),
    },
  ]);
};
