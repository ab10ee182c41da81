// Our own alert shape, for senders that sign with our HMAC and post one alert.
import { z } from 'zod';
import { isoTime } from '../../schemas';
import { accepted, rejectedBySchema, type Adapter } from './adapter';
import { LEGACY_SEVERITY } from './legacy-severity';

const genericSchema = z.object({
  dedupKey: z.string().trim().min(1).max(255),
  action: z.enum(['trigger', 'acknowledge', 'resolve']).default('trigger'),
  summary: z.string().trim().min(1).max(1024),
  severity: z.enum(['low', 'medium', 'high', 'critical', 'info', 'warning', 'error']).default('high'),
  source: z.string().trim().max(255).optional(),
  occurredAt: isoTime.optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const adaptGeneric: Adapter = (body) => {
  const r = genericSchema.safeParse(body);
  if (!r.success) return rejectedBySchema(r.error);
  return accepted([
    {
      format: 'generic',
      dedupKey: r.data.dedupKey,
      action: r.data.action,
      summary: r.data.summary,
      severity: LEGACY_SEVERITY[r.data.severity]!,
    },
  ]);
};
