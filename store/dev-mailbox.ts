// The dev mailbox: messages the local outbox provider kept instead of sending.
import type { Db } from './connection';

export interface NewMailboxMessage {
  id: string;
  channel: 'email' | 'sms';
  toAddress: string;
  subject: string | null;
  html: string | null;
  text: string;
  customArgsJson: string;
  /** When the sender named it; otherwise taken from the outbox row. */
  incidentId: string | null;
  outboxId: string | null;
  createdAt: string;
}

export interface MailboxListRow {
  id: string;
  channel: string;
  to_address: string;
  subject: string | null;
  text: string;
  created_at: string;
  incident_id: string | null;
  incident_title: string | null;
}

export interface MailboxMessageRow extends MailboxListRow {
  html: string | null;
  custom_args_json: string;
  outbox_id: string | null;
}

export const insertMailboxMessage = (db: Db, m: NewMailboxMessage) =>
  db.run(
    `INSERT INTO dev_mailbox (id, channel, to_address, subject, html, text, custom_args_json, created_at, incident_id, outbox_id)
     VALUES (?,?,?,?,?,?,?,?, COALESCE(?, (SELECT incident_id FROM outbox WHERE id = ?)), ?)`,
    [
      m.id,
      m.channel,
      m.toAddress,
      m.subject,
      m.html,
      m.text,
      m.customArgsJson,
      m.createdAt,
      m.incidentId,
      m.outboxId,
      m.outboxId,
    ],
  );

/** The incidents that have messages in the mailbox. */
export const listMailboxIncidentIds = async (db: Db) =>
  (
    await db.all<{ incident_id: string }>('SELECT DISTINCT incident_id FROM dev_mailbox WHERE incident_id IS NOT NULL')
  ).map((r) => r.incident_id);

/** The newest messages of the given incidents ('all': of every one), and of none (`unlinked`) when asked. */
export async function listMailboxMessages(
  db: Db,
  filter: { incidentIds: string[] | 'all'; unlinked: boolean },
): Promise<MailboxListRow[]> {
  const ids = filter.incidentIds;
  const linked = ids === 'all' ? 'd.incident_id IS NOT NULL' : `d.incident_id IN (${ids.map(() => '?').join(',')})`;
  return db.all<MailboxListRow>(
    `SELECT d.id, d.channel, d.to_address, d.subject, d.text, d.created_at, d.incident_id, i.title AS incident_title
     FROM dev_mailbox d LEFT JOIN incidents i ON i.id = d.incident_id
     WHERE ${linked} OR (? = 1 AND d.incident_id IS NULL)
     ORDER BY d.created_at DESC, d.id DESC LIMIT 500`,
    [...(ids === 'all' ? [] : ids), filter.unlinked ? 1 : 0],
  );
}

export const findMailboxMessage = (db: Db, id: string) =>
  db.get<MailboxMessageRow>(
    `SELECT d.*, i.title AS incident_title FROM dev_mailbox d LEFT JOIN incidents i ON i.id = d.incident_id
     WHERE d.id = ?`,
    [id],
  );
