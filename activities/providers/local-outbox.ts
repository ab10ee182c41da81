// The dev default when no provider keys are set: nothing leaves the machine, the
// app's dev mailbox table keeps the message and its row id stands in for a provider id.

import type { EmailMessage, EmailProvider, SendResult, SmsMessage, SmsProvider } from './types';

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
  };
}

export function createLocalSmsProvider(store: StoreSms): SmsProvider {
  return {
    name: 'outbox',
    async sendSms(message: SmsMessage): Promise<SendResult> {
      const id = await store({ channel: 'sms', to: message.to, body: message.body });
      return { provider: 'outbox', providerId: id };
    },
  };
}
