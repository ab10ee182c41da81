// The dev mailbox page: what the local outbox provider kept instead of sending.
import type { Db } from '../../store/connection';
import { findMailboxMessage, listMailboxMessages } from '../../store/dev-mailbox';
import { HttpError } from '../errors';

export const mailboxMessages = (db: Db) => listMailboxMessages(db);

export async function mailboxMessage(db: Db, id: string) {
  const message = await findMailboxMessage(db, id);
  if (!message) throw new HttpError(404, 'message not found', null);
  return message;
}
