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
  createdAt: string;
}

export interface MailboxListRow {
  id: string;
  channel: string;
  to_address: string;
  subject: string | null;
  text: string;
  created_at: string;
}

export interface MailboxMessageRow extends MailboxListRow {
  html: string | null;
  custom_args_json: string;
}

export const insertMailboxMessage = (db: Db, m: NewMailboxMessage) =>
  db.run(
    'INSERT INTO dev_mailbox (id, channel, to_address, subject, html, text, custom_args_json, created_at) VALUES (?,?,?,?,?,?,?,?)',
    [m.id, m.channel, m.toAddress, m.subject, m.html, m.text, m.customArgsJson, m.createdAt],
  );

export const listMailboxMessages = (db: Db) =>
  db.all<MailboxListRow>(
    'SELECT id, channel, to_address, subject, text, created_at FROM dev_mailbox ORDER BY created_at DESC, id DESC LIMIT 500',
  );

export const findMailboxMessage = (db: Db, id: string) =>
  db.get<MailboxMessageRow>('SELECT * FROM dev_mailbox WHERE id = ?', [id]);
