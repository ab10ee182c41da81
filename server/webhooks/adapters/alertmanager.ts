// Prometheus Alertmanager's webhook receiver, payload version 4.
import { z } from 'zod';
import { firstPresent, rejectedBySchema, type Adapter } from './adapter';
import { alertGroupFields, groupedAlertFields, normalizeAlertGroup, type AlertGroupOptions } from './alert-group';

const alertmanagerSchema = z.object({
  version: z.literal('4'),
  ...alertGroupFields,
  alerts: z.array(z.object(groupedAlertFields)).min(1),
});

export const adaptAlertmanager: Adapter<AlertGroupOptions> = (body, options) => {
  const r = alertmanagerSchema.safeParse(body);
  if (!r.success) return rejectedBySchema(r.error);
  const group = r.data;
  return normalizeAlertGroup(group, {
    format: 'alertmanager',
    groupBy: options?.groupBy ?? 'group',
    groupKey: group.groupKey,
    fallbackTitle: group.commonLabels.alertname,
    linkOf: (alert) => firstPresent(alert.generatorURL, group.externalURL),
  });
};
