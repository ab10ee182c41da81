// PagerDuty Events API v2, so a tool already wired to PagerDuty can point here instead.
import { z } from 'zod';
import { accepted, rejected, rejectedBySchema, type Adapter } from './adapter';
import { LEGACY_SEVERITY } from './legacy-severity';

const pagerDutySchema = z.object({
  routing_key: z.string().optional(),
  event_action: z.enum(['trigger', 'acknowledge', 'resolve']),
  dedup_key: z.string().trim().min(1).max(255).optional(),
  payload: z
    .object({
      summary: z.string().trim().min(1).max(1024),
      severity: z.enum(['critical', 'error', 'warning', 'info']),
      source: z.string().trim().min(1).max(255),
      timestamp: z.string().optional(),
      custom_details: z.unknown().optional(),
    })
    .optional(),
});

export const adaptPagerDuty: Adapter = (body) => {
  const r = pagerDutySchema.safeParse(body);
  if (!r.success) return rejectedBySchema(r.error);
  const pd = r.data;
  // PagerDuty would invent a key for a keyless trigger; we could not then match its resolve.
  if (!pd.dedup_key) return rejected('dedup_key', 'required');
  if (pd.event_action === 'trigger' && !pd.payload) return rejected('payload', 'required for trigger');
  return accepted([
    {
      format: 'pagerduty',
      dedupKey: pd.dedup_key,
      action: pd.event_action,
      summary: pd.payload?.summary ?? `${pd.event_action} ${pd.dedup_key}`,
      severity: LEGACY_SEVERITY[pd.payload?.severity ?? 'error']!,
    },
  ]);
};
