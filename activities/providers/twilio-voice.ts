// Notice by telephone call through Twilio Programmable Voice: one `calls.create`
// per person with the call's TwiML inline (nothing for Twilio to fetch from us),
// answering-machine detection on, and the outcome reported to our status callback
// with the outbox row id in its URL. Calls are paced by TWILIO_CALLS_PER_SECOND:
// Twilio queues calls beyond the account's rate (1 a second by default) and a queued
// call may ring long after the calling hours we checked.
import twilio from 'twilio';
import { toSendError } from './errors';
import { createSegmentPacer } from './segment-pacer';
import { ProviderRequestClient, type TwilioConfig } from './twilio';
import { SendWithheld, type CallMessage, type CallProvider, type SendResult } from './types';
import type { StoreSms } from './local-outbox';

export interface TwilioVoiceConfig extends Pick<
  TwilioConfig,
  'accountSid' | 'authToken' | 'baseUrl' | 'timeoutMs' | 'publicUrl'
> {
  /** The caller id: a Twilio number that can place voice calls. */
  fromNumber: string;
  /** Calls started per second (TWILIO_CALLS_PER_SECOND). */
  callsPerSecond: number;
}

/** Where Twilio reports a call's outcome; the row id travels in the query, signed with the rest. */
export const CALL_STATUS_PATH = '/webhooks/twilio/calls';

const MAX_CONCURRENT_CREATES = 4;

export function createTwilioVoiceProvider(cfg: TwilioVoiceConfig): CallProvider {
  if (!cfg.fromNumber) throw new Error('twilio.fromNumber: required to place calls');
  if (!(cfg.callsPerSecond > 0)) throw new Error('twilio.callsPerSecond: must be positive');
  const httpClient = new ProviderRequestClient(cfg.baseUrl?.replace(/\/+$/, ''), {
    timeout: cfg.timeoutMs,
    keepAlive: true,
    maxSockets: MAX_CONCURRENT_CREATES,
  });
  const client = twilio(cfg.accountSid, cfg.authToken, { httpClient });
  const pacer = createSegmentPacer({ segmentsPerSecond: cfg.callsPerSecond, concurrency: MAX_CONCURRENT_CREATES });
  const callbackBase = cfg.publicUrl ? `${cfg.publicUrl.replace(/\/+$/, '')}${CALL_STATUS_PATH}` : undefined;

  return {
    name: 'twilio',
    reportsOutcomes: callbackBase !== undefined,
    async placeCall(message: CallMessage): Promise<SendResult> {
      const release = await pacer.acquire(1);
      try {
        if (message.lastLook && !(await message.lastLook())) throw new SendWithheld();
        const created = await client.calls.create({
          to: message.to,
          from: cfg.fromNumber,
          twiml: message.twiml,
          // A machine gets the whole message after the beep, and the call counts as not reached.
          machineDetection: 'DetectMessageEnd',
          // Ring long enough for someone to reach a landline across a room, not so long a voicemail answers first.
          timeout: 30,
          ...(callbackBase
            ? {
                statusCallback: `${callbackBase}?o=${encodeURIComponent(message.outboxId)}&n=${message.callNumber}`,
                statusCallbackMethod: 'POST',
                statusCallbackEvent: ['completed'],
              }
            : {}),
        });
        return { provider: 'twilio', providerId: created.sid ?? null };
      } catch (err) {
        if (err instanceof SendWithheld) throw err;
        throw toSendError(err, 'Twilio', { secrets: [cfg.authToken, message.to] });
      } finally {
        release();
      }
    },
  };
}

/**
 * The dev default without Twilio: the call's words go to the dev mailbox (as a message to the number),
 * so the quick start shows what a person would hear. Nobody answers a mailbox: no outcome is reported.
 */
export function createLocalCallProvider(store: StoreSms): CallProvider {
  return {
    name: 'outbox',
    reportsOutcomes: false,
    async placeCall(message: CallMessage): Promise<SendResult> {
      if (message.lastLook && !(await message.lastLook())) throw new SendWithheld();
      const id = await store({
        channel: 'sms',
        to: message.to,
        body: `[telephone call] ${message.spokenText}`,
        outboxId: message.outboxId,
      });
      return { provider: 'outbox', providerId: id };
    },
  };
}
