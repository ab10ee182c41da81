// An Alertmanager-shaped notification (Alertmanager itself, and Grafana, which copied
// it): a group of alerts sharing routing labels, re-sent whole on every group_interval.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseInstant } from '../../../lib/instant';
import type { AdapterOutcome, AlertFormat, NormalizedAlert } from '../normalized-alert';
import { accepted, firstPresent, rejected } from './adapter';
import { severityFromWord } from './severity';

export interface AlertGroupOptions {
  /** `group` (the default): one incident per notification group; `alert`: one per alert fingerprint. */
  groupBy?: 'group' | 'alert';
}

const labelMap = z.record(z.string(), z.string());

export const groupedAlertFields = {
  status: z.enum(['firing', 'resolved']),
  labels: labelMap,
  annotations: labelMap.default({}),
  startsAt: z.string().min(1),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).optional(),
};

export const alertGroupFields = {
  receiver: z.string().optional(),
  status: z.enum(['firing', 'resolved']),
  groupKey: z.string().min(1),
  groupLabels: labelMap.default({}),
  commonLabels: labelMap.default({}),
  commonAnnotations: labelMap.default({}),
  externalURL: z.string().optional(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
};

export interface GroupedAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string | undefined;
  fingerprint?: string | undefined;
}

export interface AlertGroup<A extends GroupedAlert> {
  groupKey: string;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  alerts: A[];
}

const MAX_KEY = 255;
const MAX_SUMMARY = 1024;

/**
 * Alertmanager's fingerprint is a hash of the label set; payloads from before it was
 * sent carry none, so we hash the sorted labels ourselves to keep one alert one identity.
 */
function fingerprintOf(alert: GroupedAlert): string {
  if (alert.fingerprint) return alert.fingerprint;
  const sorted = Object.keys(alert.labels)
    .sort()
    .map((k) => [k, alert.labels[k]]);
  return `labels-${createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16)}`;
}

/** Group keys embed whole label sets and can outgrow the store's key column; a long one is hashed. */
function boundedKey(key: string): string {
  if (key.length <= MAX_KEY) return key;
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

export function normalizeAlertGroup<A extends GroupedAlert>(
  group: AlertGroup<A>,
  how: {
    format: AlertFormat;
    groupBy: 'group' | 'alert';
    groupKey: string;
    fallbackTitle: string | undefined;
    linkOf: (alert: A) => string | undefined;
  },
): AdapterOutcome {
  const alerts: NormalizedAlert[] = [];
  for (const [i, alert] of group.alerts.entries()) {
    // A firing alert is one event per start, a resolve one per end: the re-sends of
    // a group every group_interval repeat both instants and so count once.
    const field = alert.status === 'firing' ? 'startsAt' : 'endsAt';
    const instant = alert[field];
    if (!instant) return rejected(`alerts.${i}.${field}`, `required when status is ${alert.status}`);
    const parsed = parseInstant(instant);
    if (!parsed.ok) return rejected(`alerts.${i}.${field}`, parsed.reason);
    const fingerprint = fingerprintOf(alert);
    const summary =
      firstPresent(
        alert.annotations.summary,
        alert.annotations.description,
        alert.labels.alertname,
        group.commonAnnotations.summary,
        how.fallbackTitle,
      ) ?? how.groupKey;
    alerts.push({
      format: how.format,
      dedupKey: boundedKey(how.groupBy === 'alert' ? fingerprint : how.groupKey),
      action: alert.status === 'firing' ? 'trigger' : 'resolve',
      summary: summary.trim().slice(0, MAX_SUMMARY),
      severity: severityFromWord(alert.labels.severity ?? group.commonLabels.severity),
      eventId: `${fingerprint}:${alert.status}:${parsed.iso}`,
      link: how.linkOf(alert),
      occurredAt: parsed.iso,
    });
  }
  return accepted(alerts);
}
