import { describe, expect, it } from 'vitest';
import { createProviders } from '../../activities/providers';
import {
  createLocalEmailProvider,
  createLocalSmsProvider,
  type StoredEmail,
  type StoredSms,
} from '../../activities/providers/local-outbox';

function mailbox() {
  const emails: StoredEmail[] = [];
  const texts: StoredSms[] = [];
  return {
    emails,
    texts,
    email: async (m: StoredEmail) => `mail-${emails.push(m)}`,
    sms: async (m: StoredSms) => `sms-${texts.push(m)}`,
  };
}

describe('local outbox providers', () => {
  it('hand the email to the store and return its id', async () => {
    const box = mailbox();
    const result = await createLocalEmailProvider(box.email).sendEmail({
      to: 'a@example.org',
      subject: 'S',
      html: '<p>H</p>',
      text: 'T',
      customArgs: { nid: 'n1' },
      categories: ['breach-notice'],
    });
    expect(result).toEqual({ provider: 'outbox', providerId: 'mail-1' });
    expect(box.emails).toEqual([
      { channel: 'email', to: 'a@example.org', subject: 'S', html: '<p>H</p>', text: 'T', customArgs: { nid: 'n1' } },
    ]);
  });

  it('hand the SMS to the store and return its id', async () => {
    const box = mailbox();
    const result = await createLocalSmsProvider(box.sms).sendSms({ to: '+14155550100', body: 'B', outboxId: 'o1' });
    expect(result).toEqual({ provider: 'outbox', providerId: 'sms-1' });
    expect(box.texts).toEqual([{ channel: 'sms', to: '+14155550100', body: 'B', outboxId: 'o1' }]);
  });

  it('are chosen when no provider keys are configured', async () => {
    const box = mailbox();
    const { email, sms } = createProviders({}, box);
    expect(email.name).toBe('outbox');
    expect(sms.name).toBe('outbox');
    await email.sendEmail({ to: 'b@example.org', subject: 'S', html: 'H', text: 'T' });
    expect(box.emails[0]?.customArgs).toEqual({});
  });

  it('give way to the real providers when their config is present', () => {
    const { email, sms } = createProviders(
      {
        sendgrid: { apiKey: 'SG.key', fromEmail: 'n@example.org', timeoutMs: 1000 },
        twilio: {
          accountSid: 'AC0123456789abcdef0123456789abcdef',
          authToken: 't',
          fromNumber: '+15005550006',
          timeoutMs: 1000,
        },
        publicUrl: 'https://br.example',
      },
      mailbox(),
    );
    expect(email.name).toBe('sendgrid');
    expect(sms.name).toBe('twilio');
  });
});
