// A signed webhook request seen in the last ten minutes gets its first answer
// again and is not counted twice; older answers are forgotten, so the table
// stays small and a signature's own timestamp check covers anything older.
import type { Db, Tx } from '../../store/connection';
import {
  deleteWebhookDeliveriesBefore,
  saveWebhookDelivery,
  type WebhookDeliveryRow,
} from '../../store/webhook-deliveries';
import { nowIso } from '../../lib/clock';

export const REPLAY_WINDOW_MS = 10 * 60_000;

export interface EarlierAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The remembered answer, if it is still within the replay window at `now`. */
export function recentAnswer(seen: WebhookDeliveryRow, now: number): EarlierAnswer | null {
  if (now - Date.parse(seen.received_at) >= REPLAY_WINDOW_MS) return null;
  return { status: seen.status_code, body: JSON.parse(seen.response_json) as Record<string, unknown> };
}

/** Answers older than two windows go; once per committed group of deliveries is enough. */
export async function forgetOldAnswersTx(tx: Tx): Promise<void> {
  await deleteWebhookDeliveriesBefore(tx, new Date(Date.now() - 2 * REPLAY_WINDOW_MS).toISOString());
}

export async function rememberAnswer(
  db: Db,
  d: { signature: string; source: string; status: number; body: unknown },
): Promise<void> {
  await saveWebhookDelivery(db, {
    signature: d.signature,
    source: d.source,
    receivedAt: nowIso(),
    statusCode: d.status,
    responseJson: JSON.stringify(d.body),
  });
  await deleteWebhookDeliveriesBefore(db, new Date(Date.now() - 2 * REPLAY_WINDOW_MS).toISOString());
}
