// A webhook delivery carrying one generic alert, as the intake receives it after authentication.
import type { Delivery } from '../../server/use-cases/ingest-alert';

export function oneAlertDelivery(d: {
  source: string;
  dedupKey: string;
  deliveryKey: string;
  action?: 'trigger' | 'resolve';
  summary?: string;
}): Delivery {
  return {
    source: d.source,
    alerts: [
      {
        alert: {
          format: 'generic',
          dedupKey: d.dedupKey,
          action: d.action ?? 'trigger',
          summary: d.summary ?? 'Disk full',
          severity: 'high',
        },
        key: d.deliveryKey,
      },
    ],
    rawBody: '{}',
    deliveryKey: d.deliveryKey,
  };
}
