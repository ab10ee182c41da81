import { createLocalEmailProvider, createLocalSmsProvider, type StoreEmail, type StoreSms } from './local-outbox';
import { createSendGridProvider, type SendGridConfig } from './sendgrid';
import { createTwilioProvider, type TwilioConfig } from './twilio';
import type { EmailProvider, SmsProvider } from './types';

export * from './types';
export { safeErrorSummary, toSendError, retryAfterFrom, type SafeErrorSummary } from './errors';
export { createSendGridProvider, type SendGridConfig } from './sendgrid';
export { createTwilioProvider, type TwilioConfig } from './twilio';
export {
  createLocalEmailProvider,
  createLocalSmsProvider,
  type StoredEmail,
  type StoredSms,
  type StoreEmail,
  type StoreSms,
} from './local-outbox';
export { countSmsSegments, type SmsSegmentCount } from './sms-segments';

export interface ProvidersConfig {
  sendgrid?: SendGridConfig;
  twilio?: TwilioConfig;
  /** Used for Twilio status callbacks when the twilio config does not set its own. */
  publicUrl?: string;
}

/** Real providers where credentials are configured, else the local dev outbox. */
export function createProviders(
  cfg: ProvidersConfig,
  localStore: { email: StoreEmail; sms: StoreSms },
): { email: EmailProvider; sms: SmsProvider } {
  const email = cfg.sendgrid?.apiKey
    ? createSendGridProvider(cfg.sendgrid)
    : createLocalEmailProvider(localStore.email);
  const twilioCfg = cfg.twilio;
  const sms =
    twilioCfg?.accountSid && twilioCfg.authToken
      ? createTwilioProvider({ ...twilioCfg, publicUrl: twilioCfg.publicUrl ?? cfg.publicUrl })
      : createLocalSmsProvider(localStore.sms);
  return { email, sms };
}
