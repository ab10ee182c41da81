import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { toSendError } from './errors';
import type { EmailBatch, EmailMessage, EmailProvider, SendResult } from './types';

export interface SendGridConfig {
  apiKey: string;
  fromEmail: string;
  fromName?: string;
  /** Stand-in or proxy; unset means api.sendgrid.com. */
  baseUrl?: string;
  timeoutMs: number;
}

export function createSendGridProvider(cfg: SendGridConfig): EmailProvider {
  if (!cfg.apiKey) throw new Error('sendgrid.apiKey: required');
  if (!cfg.fromEmail) throw new Error('sendgrid.fromEmail: required');
  if (!(cfg.timeoutMs > 0)) throw new Error('sendgrid.timeoutMs: must be a positive number of milliseconds');

  // Our own client, not the module singleton, so two configurations never share a key.
  const client = new Client();
  // setApiKey resets baseUrl to api.sendgrid.com, so the base URL must come after it.
  client.setApiKey(cfg.apiKey);
  if (cfg.baseUrl) client.setDefaultRequest('baseUrl', cfg.baseUrl);
  const mail = new MailService();
  mail.setClient(client);
  // @sendgrid/client has no timeout by default: a hung connection would hold the activity forever.
  mail.setTimeout(cfg.timeoutMs);

  const from = cfg.fromName ? { email: cfg.fromEmail, name: cfg.fromName } : { email: cfg.fromEmail };
  // A statutory notice: no tracking pixels, no rewritten links, no marketing
  // unsubscribe footer, and no asm group. Suppression lists stay honoured.
  const trackingSettings = {
    clickTracking: { enable: false, enableText: false },
    openTracking: { enable: false },
    subscriptionTracking: { enable: false },
  };

  return {
    name: 'sendgrid',
    async sendEmail(message: EmailMessage): Promise<SendResult> {
      try {
        const [response] = await mail.send({
          from,
          // Custom args sit on the personalization, where batched sends will put each person's id.
          personalizations: [{ to: [{ email: message.to }], customArgs: { ...(message.customArgs ?? {}) } }],
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.categories && message.categories.length > 0 ? { categories: message.categories } : {}),
          trackingSettings,
          hideWarnings: true,
        });
        const id = headerValue(response.headers, 'x-message-id');
        return { provider: 'sendgrid', providerId: id ?? null };
      } catch (err) {
        throw toSendError(err, 'SendGrid', { secrets: [cfg.apiKey, message.to] });
      }
    },

    async sendEmailBatch(batch: EmailBatch): Promise<SendResult> {
      try {
        const [response] = await mail.send({
          from,
          // Our keys are used as they are: the helper would otherwise wrap each in {{ }}.
          substitutionWrappers: ['', ''],
          personalizations: batch.recipients.map((r) => ({
            to: [{ email: r.to }],
            substitutions: r.substitutions,
            substitutionWrappers: ['', ''],
            customArgs: r.customArgs,
          })),
          subject: batch.subject,
          text: batch.text,
          html: batch.html,
          ...(batch.categories && batch.categories.length > 0 ? { categories: batch.categories } : {}),
          trackingSettings,
          hideWarnings: true,
        });
        return { provider: 'sendgrid', providerId: headerValue(response.headers, 'x-message-id') ?? null };
      } catch (err) {
        throw toSendError(err, 'SendGrid', { secrets: [cfg.apiKey, ...batch.recipients.map((r) => r.to)] });
      }
    },
  };
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (k.toLowerCase() === name && typeof v === 'string' && v) return v;
  }
  return undefined;
}
