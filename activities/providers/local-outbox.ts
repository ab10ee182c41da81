// The dev default when no provider keys are set: nothing leaves the machine, the
// app's dev mailbox table keeps the message and its row id stands in for a provider id.

import {
  SendWithheld,
  type EmailBatch,
  type EmailMessage,
  type EmailProvider,
  type SendResult,
  type SmsMessage,
  type SmsProvider,
} from './types';

export interface StoredEmail {
  channel: 'email';
  to: string;
  subject: string;
  html: string;
  text: string;
  customArgs: Record<string, string>;
}

export interface StoredSms {
  channel: 'sms';
  to: string;
  body: string;
  /** The outbox row it was sent for, so the dev mailbox knows its incident. */
  outboxId?: string;
}

export type StoreEmail = (m: StoredEmail) => Promise<string>;
export type StoreSms = (m: StoredSms) => Promise<string>;

export function createLocalEmailProvider(store: StoreEmail): EmailProvider {
  return {
    name: 'outbox',
    async sendEmail(message: EmailMessage): Promise<SendResult> {
      const id = await store({
        channel: 'email',
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        customArgs: { ...(message.customArgs ?? {}) },
      });
      return { provider: 'outbox', providerId: id };
    },
    // Applies the substitutions as SendGrid does, so the dev mailbox shows what a person would get.
    async sendEmailBatch(batch: EmailBatch): Promise<SendResult> {
      let last: string | null = null;
      for (const r of batch.recipients) {
        const apply = (s: string) => applySubstitutions(s, r.substitutions);
        last = await store({
          channel: 'email',
          to: r.to,
          subject: apply(batch.subject),
          html: apply(batch.html),
          text: apply(batch.text),
          customArgs: { ...r.customArgs },
        });
      }
      return { provider: 'outbox', providerId: last };
    },
  };
}

/** Plain replacement of every key, in the given order, as SendGrid's substitutions work. */
export function applySubstitutions(s: string, substitutions: Record<string, string>): string {
  let out = s;
  for (const [k, v] of Object.entries(substitutions)) out = out.split(k).join(v);
  return out;
}

export function createLocalSmsProvider(store: StoreSms): SmsProvider {
  return {
    name: 'outbox',
    async sendSms(message: SmsMessage): Promise<SendResult> {
      if (message.lastLook && !(await message.lastLook())) throw new SendWithheld();
      const id = await store({ channel: 'sms', to: message.to, body: message.body, outboxId: message.outboxId });
      return { provider: 'outbox', providerId: id };
    },
  };
}
