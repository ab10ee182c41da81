// The dev mailbox: what the local outbox provider "sends" lands here so a new
// user can see every message in the app without any provider keys. Each message
// keeps its incident, so the mailbox page follows the incident's restriction.
import { newId } from '../lib/ids';
import type { Db } from '../store/connection';
import { insertMailboxMessage } from '../store/dev-mailbox';
import type { StoredEmail, StoredSms } from './providers';
import { nowIso } from '../lib/clock';

export function createMailboxStore(db: Db) {
  return {
    email: async (m: StoredEmail): Promise<string> => {
      const id = newId('dev');
      await insertMailboxMessage(db, {
        id,
        channel: 'email',
        toAddress: m.to,
        subject: m.subject,
        html: m.html,
        text: m.text,
        customArgsJson: JSON.stringify(m.customArgs ?? {}),
        incidentId: m.customArgs?.incidentId ?? null,
        outboxId: m.customArgs?.outboxId ?? null,
        createdAt: nowIso(),
      });
      return id;
    },
    sms: async (m: StoredSms): Promise<string> => {
      const id = newId('dev');
      await insertMailboxMessage(db, {
        id,
        channel: 'sms',
        toAddress: m.to,
        subject: null,
        html: null,
        text: m.body,
        customArgsJson: '{}',
        incidentId: null,
        outboxId: m.outboxId ?? null,
        createdAt: nowIso(),
      });
      return id;
    },
  };
}
