// Every outbox row of an incident as CSV: evidence of who was notified, how and
// when, for the DPO's file or a regulator's question. It holds contact data, so
// the route needs contacts.read and each export goes on the audit chain. Rows
// are read a keyset page at a time and streamed, so a million rows never sit in
// memory.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { appendAudit } from '../../store/audit';
import type { Db } from '../../store/connection';
import { countOutboxRows, listOutbox, type OutboxCursor } from '../../store/outbox';
import type { Actor } from '../../workflows/types';
import { nowIso } from '../../lib/clock';
import { csvStream } from '../../lib/csv';

const PAGE = 5_000;
const COLUMNS = [
  'kind',
  'recipient',
  'channel',
  'locale',
  'notice_version',
  'status',
  'attempts',
  'possible_duplicate',
  'provider',
  'provider_id',
  'sent_at',
  'delivered_at',
  'error',
  'updated_at',
  // After the retention period the recipient is gone: the row keeps a keyed fingerprint of the address
  // (`npm run purge -- <incident> --proof <address>` finds its rows) and says when the contact data was deleted.
  'address_hmac',
  'contact_purged_at',
];

async function* csvRecords(
  db: Db,
  incidentId: string,
  counted: { rows: number },
  pageSize: number,
): AsyncIterable<unknown[]> {
  let after: OutboxCursor | undefined;
  for (;;) {
    const rows = await listOutbox(db, incidentId, { limit: pageSize, after });
    for (const row of rows) {
      counted.rows++;
      yield [
        row.kind,
        row.recipient,
        row.channel,
        row.locale,
        row.notice_version,
        row.status,
        row.attempts,
        row.possible_duplicate ? 'yes' : 'no',
        row.provider,
        row.provider_id,
        row.sent_at,
        row.delivered_at,
        row.error,
        row.updated_at,
        row.address_hmac,
        row.contact_purged_at,
      ];
    }
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    after = [last.kind, last.recipient_ref, last.channel, last.notice_version];
  }
}

/**
 * Records who exported how many rows, then streams the CSV into `out`. Recorded first, so an export
 * the client breaks off halfway is on the audit chain too.
 */
export async function exportNotificationsCsv(
  db: Db,
  incidentId: string,
  out: Writable,
  by: Actor,
  pageSize = PAGE,
): Promise<number> {
  const total = await countOutboxRows(db, incidentId);
  await appendAudit(db, {
    incidentId,
    type: 'notifications.exported',
    at: nowIso(),
    actor: by,
    summary: `Delivery records exported as CSV (${total} rows)`,
    details: { rows: total },
  });
  const counted = { rows: 0 };
  await pipeline(csvRecords(db, incidentId, counted, pageSize), csvStream(COLUMNS), out);
  return counted.rows;
}
