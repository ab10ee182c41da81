import { createLocalEmailProvider, createLocalSmsProvider, type StoreEmail, type StoreSms } from './local-outbox';
import { createSendGridProvider, type SendGridConfig } from './sendgrid';
import { createTwilioProvider, type TwilioConfig } from './twilio';
import { createLocalCallProvider, createTwilioVoiceProvider } from './twilio-voice';
import type { CallProvider, EmailProvider, SmsProvider } from './types';

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
export {
  CALL_STATUS_PATH,
  createLocalCallProvider,
  createTwilioVoiceProvider,
  type TwilioVoiceConfig,
} from './twilio-voice';
export { countSmsSegments, type SmsSegmentCount } from './sms-segments';

export interface ProvidersConfig {
  sendgrid?: SendGridConfig;
  twilio?: TwilioConfig;
  /** Used for Twilio status callbacks when the twilio config does not set its own. */
  publicUrl?: string;
  /** Telephone calls started per second (TWILIO_CALLS_PER_SECOND, default 1). */
  callsPerSecond?: number;
}

/** Real providers where credentials are configured, else the local dev outbox. */
export function createProviders(
  cfg: ProvidersConfig,
  localStore: { email: StoreEmail; sms: StoreSms },
): { email: EmailProvider; sms: SmsProvider; calls: CallProvider } {
  const email = cfg.sendgrid?.apiKey
    ? createSendGridProvider(cfg.sendgrid)
    : createLocalEmailProvider(localStore.email);
  const twilioCfg = cfg.twilio;
  const sms =
    twilioCfg?.accountSid && twilioCfg.authToken
      ? createTwilioProvider({ ...twilioCfg, publicUrl: twilioCfg.publicUrl ?? cfg.publicUrl })
      : createLocalSmsProvider(localStore.sms);
  // Calls need a caller id of our own: a messaging service cannot place them.
  const calls =
    twilioCfg?.accountSid && twilioCfg.authToken && twilioCfg.fromNumber
      ? createTwilioVoiceProvider({
          ...twilioCfg,
          fromNumber: twilioCfg.fromNumber,
          publicUrl: twilioCfg.publicUrl ?? cfg.publicUrl,
          callsPerSecond: cfg.callsPerSecond ?? 1,
        })
      : createLocalCallProvider(localStore.sms);
  return { email, sms, calls };
}
