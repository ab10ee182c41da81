// The alert shapes we accept: a generic JSON alert and PagerDuty Events v2.
// Both normalise to one record; the raw body is kept in SQLite only.
import { z } from 'zod';
import type { Severity } from '../../workflows/types';
import { isoTime } from '../schemas';

const genericSchema = z.object({
  dedupKey: z.string().trim().min(1).max(255),
  action: z.enum(['trigger', 'acknowledge', 'resolve']).default('trigger'),
  summary: z.string().trim().min(1).max(1024),
  severity: z.enum(['low', 'medium', 'high', 'critical', 'info', 'warning', 'error']).default('high'),
  source: z.string().trim().max(255).optional(),
  occurredAt: isoTime.optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

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

export interface NormalizedAlert {
  format: 'generic' | 'pagerduty';
  dedupKey: string;
  action: 'trigger' | 'acknowledge' | 'resolve';
  summary: string;
  severity: Severity;
}

const SEVERITY: Record<string, Severity> = {
  info: 'low',
  warning: 'medium',
  error: 'high',
  critical: 'critical',
  low: 'low',
  medium: 'medium',
  high: 'high',
};

export type ParseOutcome = { ok: true; alert: NormalizedAlert } | { ok: false; field: string; error: string };

export function parseAlert(body: unknown): ParseOutcome {
  if (body && typeof body === 'object' && 'event_action' in body) {
    const r = pagerDutySchema.safeParse(body);
    if (!r.success) return fail(r.error);
    const pd = r.data;
    if (!pd.dedup_key) return { ok: false, field: 'dedup_key', error: 'required' };
    if (pd.event_action === 'trigger' && !pd.payload)
      return { ok: false, field: 'payload', error: 'required for trigger' };
    return {
      ok: true,
      alert: {
        format: 'pagerduty',
        dedupKey: pd.dedup_key,
        action: pd.event_action,
        summary: pd.payload?.summary ?? `${pd.event_action} ${pd.dedup_key}`,
        severity: SEVERITY[pd.payload?.severity ?? 'error']!,
      },
    };
  }
  const r = genericSchema.safeParse(body);
  if (!r.success) return fail(r.error);
  return {
    ok: true,
    alert: {
      format: 'generic',
      dedupKey: r.data.dedupKey,
      action: r.data.action,
      summary: r.data.summary,
      severity: SEVERITY[r.data.severity]!,
    },
  };
}

function fail(error: z.ZodError): ParseOutcome {
  const issue = error.issues[0]!;
  return { ok: false, field: issue.path.map(String).join('.') || 'body', error: issue.message };
}
