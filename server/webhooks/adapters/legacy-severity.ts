// The severity words our own generic alert and PagerDuty Events v2 accept, as they
// have always mapped; kept exact so existing senders see no change.
import type { Severity } from '../../../workflows/types';

export const LEGACY_SEVERITY: Record<string, Severity> = {
  info: 'low',
  warning: 'medium',
  error: 'high',
  critical: 'critical',
  low: 'low',
  medium: 'medium',
  high: 'high',
};
