// Sentry's integration-platform webhooks: issue alerts (`event_alert`), issue state
// changes (`issue`) and metric alerts (`metric_alert`), told apart by the
// Sentry-Hook-Resource header, or by the body's shape when the header is not passed.
import { z } from 'zod';
import { parseInstant } from '../../../lib/instant';
import type { AlertAction, NormalizedAlert } from '../normalized-alert';
import { accepted, firstPresent, rejected, rejectedBySchema, type Adapter } from './adapter';
import { severityFromWord } from './severity';

export interface SentryOptions {
  /** The Sentry-Hook-Resource header. */
  hookResource?: string;
  /** The Request-ID header: Sentry's id for one delivery, the same on its retries. */
  requestId?: string;
}

const RESOURCES = ['event_alert', 'issue', 'metric_alert'] as const;
type Resource = (typeof RESOURCES)[number];

const id = z.union([z.string().min(1), z.number().int()]).transform(String);

const eventAlertSchema = z.object({
  action: z.string(),
  data: z.object({
    event: z.object({
      issue_id: id,
      event_id: z.string().optional(),
      title: z.string().min(1),
      level: z.string().optional(),
      datetime: z.string().optional(),
      web_url: z.string().optional(),
      issue_url: z.string().optional(),
    }),
    triggered_rule: z.string().optional(),
  }),
});

// Sentry's issue actions: created and unresolved open, resolved ends, and someone
// taking (assigned) or setting aside (archived, formerly ignored) is acknowledgement.
const ISSUE_ACTIONS: Record<string, AlertAction> = {
  created: 'trigger',
  unresolved: 'trigger',
  resolved: 'resolve',
  assigned: 'acknowledge',
  archived: 'acknowledge',
  ignored: 'acknowledge',
};

const issueSchema = z.object({
  action: z.enum(Object.keys(ISSUE_ACTIONS) as [string, ...string[]]),
  data: z.object({
    issue: z.object({
      id,
      title: z.string().min(1),
      level: z.string().nullish(),
      shortId: z.string().nullish(),
      web_url: z.string().nullish(),
      permalink: z.string().nullish(),
      lastSeen: z.string().nullish(),
    }),
  }),
});

const METRIC_ACTIONS: Record<string, { action: AlertAction; severity: 'critical' | 'medium' | 'high' }> = {
  critical: { action: 'trigger', severity: 'critical' },
  warning: { action: 'trigger', severity: 'medium' },
  resolved: { action: 'resolve', severity: 'high' },
};

const metricAlertSchema = z.object({
  action: z.enum(Object.keys(METRIC_ACTIONS) as [string, ...string[]]),
  data: z.object({
    description_title: z.string().optional(),
    web_url: z.string().optional(),
    metric_alert: z.object({
      id,
      title: z.string().optional(),
      date_started: z.string().optional(),
      date_closed: z.string().nullish(),
      alert_rule: z.object({ name: z.string().optional() }).optional(),
    }),
  }),
});

function resourceOf(body: unknown, header: string | undefined): Resource | { field: string; error: string } {
  if (header !== undefined) {
    return (RESOURCES as readonly string[]).includes(header)
      ? (header as Resource)
      : { field: 'Sentry-Hook-Resource', error: `must be one of ${RESOURCES.join(', ')}` };
  }
  const data = body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : undefined;
  if (data && typeof data === 'object') {
    if ('event' in data) return 'event_alert';
    if ('issue' in data) return 'issue';
    if ('metric_alert' in data) return 'metric_alert';
  }
  return { field: 'data', error: 'expected data.event, data.issue or data.metric_alert' };
}

/** Sentry's instants are ISO with a zone; one we cannot read is left out rather than refusing the alert. */
function instant(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const parsed = parseInstant(text);
  return parsed.ok ? parsed.iso : undefined;
}

export const adaptSentry: Adapter<SentryOptions> = (body, options) => {
  const resource = resourceOf(body, options?.hookResource);
  if (typeof resource !== 'string') return rejected(resource.field, resource.error);
  let alert: NormalizedAlert;
  if (resource === 'event_alert') {
    const r = eventAlertSchema.safeParse(body);
    if (!r.success) return rejectedBySchema(r.error);
    const event = r.data.data.event;
    alert = {
      format: 'sentry',
      // The issue, not the event, is what a later issue webhook resolves.
      dedupKey: `issue:${event.issue_id}`,
      action: 'trigger',
      summary: event.title.slice(0, 1024),
      severity: severityFromWord(event.level ?? undefined),
      eventId: firstPresent(event.event_id) ?? options?.requestId,
      link: firstPresent(event.web_url, event.issue_url),
      occurredAt: instant(event.datetime),
    };
  } else if (resource === 'issue') {
    const r = issueSchema.safeParse(body);
    if (!r.success) return rejectedBySchema(r.error);
    const issue = r.data.data.issue;
    alert = {
      format: 'sentry',
      dedupKey: `issue:${issue.id}`,
      action: ISSUE_ACTIONS[r.data.action]!,
      summary: issue.title.slice(0, 1024),
      severity: severityFromWord(issue.level ?? undefined),
      // An issue webhook carries no id of its own; only the delivery's Request-ID is one.
      eventId: options?.requestId,
      link: firstPresent(issue.web_url, issue.permalink),
      occurredAt: instant(issue.lastSeen),
    };
  } else {
    const r = metricAlertSchema.safeParse(body);
    if (!r.success) return rejectedBySchema(r.error);
    const { data } = r.data;
    const mapped = METRIC_ACTIONS[r.data.action]!;
    const metric = data.metric_alert;
    alert = {
      format: 'sentry',
      dedupKey: `metric_alert:${metric.id}`,
      action: mapped.action,
      summary: (
        firstPresent(data.description_title, metric.alert_rule?.name, metric.title) ?? `metric alert ${metric.id}`
      ).slice(0, 1024),
      severity: mapped.severity,
      eventId: options?.requestId,
      link: firstPresent(data.web_url),
      occurredAt: instant(mapped.action === 'resolve' ? metric.date_closed : metric.date_started),
    };
  }
  return accepted([alert]);
};
