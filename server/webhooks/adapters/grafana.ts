// Grafana unified alerting's webhook contact point: Alertmanager's shape plus the org,
// a rendered title and message, and links to the dashboard and panel.
import { z } from 'zod';
import { firstPresent, rejectedBySchema, type Adapter } from './adapter';
import { alertGroupFields, groupedAlertFields, normalizeAlertGroup, type AlertGroupOptions } from './alert-group';

const grafanaSchema = z.object({
  version: z.string().optional(),
  orgId: z.number().int().optional(),
  title: z.string().optional(),
  state: z.string().optional(),
  message: z.string().optional(),
  ...alertGroupFields,
  alerts: z
    .array(
      z.object({
        ...groupedAlertFields,
        silenceURL: z.string().optional(),
        dashboardURL: z.string().optional(),
        panelURL: z.string().optional(),
        valueString: z.string().optional(),
        values: z.record(z.string(), z.unknown()).nullish(),
      }),
    )
    .min(1),
});

export const adaptGrafana: Adapter<AlertGroupOptions> = (body, options) => {
  const r = grafanaSchema.safeParse(body);
  if (!r.success) return rejectedBySchema(r.error);
  const group = r.data;
  // One Grafana can post several organisations to one URL, and each org's group keys
  // start from the same "{}:{}"; the org keeps their incidents apart.
  const groupKey = group.orgId === undefined ? group.groupKey : `org ${group.orgId}:${group.groupKey}`;
  return normalizeAlertGroup(group, {
    format: 'grafana',
    groupBy: options?.groupBy ?? 'group',
    groupKey,
    fallbackTitle: group.title,
    linkOf: (alert) => firstPresent(alert.panelURL, alert.dashboardURL, alert.generatorURL, group.externalURL),
  });
};
