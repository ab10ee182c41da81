// A signed webhook request seen in the last ten minutes gets its first answer
// again and is not counted twice; older answers are forgotten, so the table
// stays small and a signature's own timestamp check covers anything older.
import type { Db, Tx } from '../../store/connection';
import {
  deleteWebhookDeliveriesBefore,
  findWebhookDelivery,
  saveWebhookDelivery,
} from '../../store/webhook-deliveries';
import { nowIso } from '../../lib/clock';

export const REPLAY_WINDOW_MS = 10 * 60_000;

export interface EarlierAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function earlierAnswer(db: Db, signature: string, now = Date.now()): Promise<EarlierAnswer | null> {
  const seen = await findWebhookDelivery(db, signature);
  if (!seen || now - Date.parse(seen.received_at) >= REPLAY_WINDOW_MS) return null;
  return { status: seen.status_code, body: JSON.parse(seen.response_json) as Record<string, unknown> };
}

/** In the transaction that committed the alerts, so an answer is remembered exactly when its effects are. */
export async function rememberAnswerTx(
  tx: Tx,
  d: { signature: string; source: string; status: number; body: unknown },
): Promise<void> {
  await saveWebhookDelivery(tx, {
    signature: d.signature,
    source: d.source,
    receivedAt: nowIso(),
    statusCode: d.status,
    responseJson: JSON.stringify(d.body),
  });
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
