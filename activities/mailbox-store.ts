// The dev mailbox: what the local outbox provider "sends" lands here so a new
// user can see every message in the app without any provider keys.
import { newId } from '../lib/ids';
import type { Db } from '../store/connection';
import type { StoredEmail, StoredSms } from './providers';
import { nowIso } from '../lib/clock';

export function createMailboxStore(db: Db) {
  return {
    email: async (m: StoredEmail): Promise<string> => {
      const id = newId('dev');
      await db.run(
        'INSERT INTO dev_mailbox (id, channel, to_address, subject, html, text, custom_args_json, created_at) VALUES (?,?,?,?,?,?,?,?)',
        [id, 'email', m.to, m.subject, m.html, m.text, JSON.stringify(m.customArgs ?? {}), nowIso()],
      );
      return id;
    },
    sms: async (m: StoredSms): Promise<string> => {
      const id = newId('dev');
      await db.run(
        'INSERT INTO dev_mailbox (id, channel, to_address, subject, html, text, custom_args_json, created_at) VALUES (?,?,?,?,?,?,?,?)',
        [id, 'sms', m.to, null, null, m.body, '{}', nowIso()],
      );
      return id;
    },
  };
}
