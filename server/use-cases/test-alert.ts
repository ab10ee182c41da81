// "Send a test alert" on Settings → Alert sources: one alert committed to the intake buffer under
// the source's name, as if the tool had sent it, so the forwarder delivers it and an incident opens
// (or the open test incident receives it). It proves the path from the buffer to an incident; the
// tool's own credentials are proven by the source's "last alert" time, which only a real delivery sets.
import { randomUUID } from 'node:crypto';
import type { AlertFormat } from '../webhooks/normalized-alert';
import { ingestDelivery, type AlertOutcome, type Intake } from './ingest-alert';

/** The key every test alert of a source shares, so repeated tests join one incident while it is open. */
export const TEST_ALERT_KEY = 'breachline-settings-test';

export async function sendTestAlert(
  intake: Intake,
  source: { name: string; format: AlertFormat },
  by: { id: string },
  now = new Date(),
): Promise<AlertOutcome> {
  const delivery = `settings-test:${randomUUID()}`;
  const summary = `Test alert for source ${source.name} (sent from Settings)`;
  // No personal data: what the page shows as this source's last payload.
  const rawBody = JSON.stringify({ test: true, source: source.name, sentBy: by.id, sentAt: now.toISOString() });
  const answer = await ingestDelivery(intake, {
    source: source.name,
    alerts: [
      {
        alert: { format: source.format, dedupKey: TEST_ALERT_KEY, action: 'trigger', summary, severity: 'low' },
        key: delivery,
      },
    ],
    rawBody,
    deliveryKey: delivery,
  });
  if (!('alertId' in answer)) throw new Error('one test alert makes one outcome');
  return answer;
}
