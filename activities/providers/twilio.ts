import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { toSendError } from './errors';
import { createSegmentPacer } from './segment-pacer';
import { countSmsSegments } from './sms-segments';
import { SendWithheld, type SendResult, type SmsMessage, type SmsProvider } from './types';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  fromNumber?: string;
  messagingServiceSid?: string;
  /** Stand-in or proxy origin, e.g. http://127.0.0.1:4011; unset means api.twilio.com. */
  baseUrl?: string;
  timeoutMs: number;
  /** Public origin of our webhooks; status callbacks are requested only when set. */
  publicUrl?: string;
  /** Concurrent requests and sockets to the API (twilio's own default is 20 sockets, which caps throughput). */
  maxSockets?: number;
  /** The sender's throughput in SMS segments per second (US long code 1, short code 100+); unset means unpaced. */
  segmentsPerSecond?: number;
}

const DEFAULT_MAX_SOCKETS = 20;
const PACING_MARGIN = 0.98;

// RestException drops the response headers, so Retry-After would be lost. Each send
// runs in its own context and the HTTP client drops the headers there.
const lastResponse = new AsyncLocalStorage<{ headers?: unknown }>();

export class ProviderRequestClient extends twilio.RequestClient {
  constructor(
    private readonly origin: string | undefined,
    opts: RequestClient.RequestClientOptions,
  ) {
    super(opts);
    // Over http:// (stand-ins) axios would use Node's global agent and ignore the
    // https agent's socket cap; give it the same cap so tests model production.
    const maxSockets = opts.maxSockets ?? DEFAULT_MAX_SOCKETS;
    this.axios.defaults.httpAgent = new http.Agent({ keepAlive: true, maxSockets, maxTotalSockets: maxSockets });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = this.origin ? opts.uri.replace(/^https?:\/\/[^/]+/, this.origin) : opts.uri;
    const seen = lastResponse.getStore();
    return super.request<TData>({ ...opts, uri }).then((res) => {
      if (seen) seen.headers = res.headers;
      return res;
    });
  }
}

export function createTwilioProvider(cfg: TwilioConfig): SmsProvider {
  if (!cfg.accountSid) throw new Error('twilio.accountSid: required');
  if (!cfg.authToken) throw new Error('twilio.authToken: required');
  if (!cfg.fromNumber && !cfg.messagingServiceSid)
    throw new Error('twilio.fromNumber: required unless messagingServiceSid is set');
  if (!(cfg.timeoutMs > 0)) throw new Error('twilio.timeoutMs: must be a positive number of milliseconds');
  const maxSockets = cfg.maxSockets ?? DEFAULT_MAX_SOCKETS;
  if (!Number.isInteger(maxSockets) || maxSockets < 1) throw new Error('twilio.maxSockets: must be a positive integer');

  const httpClient = new ProviderRequestClient(cfg.baseUrl?.replace(/\/+$/, ''), {
    timeout: cfg.timeoutMs,
    keepAlive: true,
    maxSockets,
    // The SDK caps all hosts at 100 sockets; a larger per-host cap would be silently lowered.
    maxTotalSockets: Math.max(maxSockets, 100),
  });
  const client = twilio(cfg.accountSid, cfg.authToken, { httpClient });
  // Unpaced still caps concurrency at the socket count, so requests never queue inside axios past their timeout.
  // 2% under the sender's rate: requests leave exactly paced but reach the carrier with some jitter, and a
  // second must never receive more than the rate.
  const pacer = createSegmentPacer({
    segmentsPerSecond: (cfg.segmentsPerSecond ?? 1e9) * PACING_MARGIN,
    concurrency: maxSockets,
  });
  const callbackBase = cfg.publicUrl ? `${cfg.publicUrl.replace(/\/+$/, '')}/webhooks/twilio/status` : undefined;

  return {
    name: 'twilio',
    async sendSms(message: SmsMessage): Promise<SendResult> {
      const seen: { headers?: unknown } = {};
      const release = await pacer.acquire(countSmsSegments(message.body).segments);
      if (message.lastLook && !(await message.lastLook())) {
        release();
        throw new SendWithheld();
      }
      try {
        const created = await lastResponse.run(seen, () =>
          client.messages.create({
            to: message.to,
            body: message.body,
            ...(cfg.messagingServiceSid ? { messagingServiceSid: cfg.messagingServiceSid } : { from: cfg.fromNumber }),
            ...(callbackBase
              ? {
                  statusCallback: message.outboxId
                    ? `${callbackBase}?o=${encodeURIComponent(message.outboxId)}`
                    : callbackBase,
                }
              : {}),
          }),
        );
        return { provider: 'twilio', providerId: created.sid ?? null };
      } catch (err) {
        throw toSendError(err, 'Twilio', { secrets: [cfg.authToken, message.to], headers: seen.headers });
      } finally {
        release();
      }
    },

    async findSentSince(to: string, since: Date) {
      try {
        // A small window around the attempt: the list is newest first and the stand-in and API both filter by To.
        const found = await client.messages.list({ to, dateSentAfter: new Date(since.getTime() - 60_000), limit: 20 });
        return found
          .filter((m) => (m.dateCreated ? m.dateCreated.getTime() >= since.getTime() - 60_000 : true))
          .map((m) => ({ providerId: m.sid, at: (m.dateCreated ?? since).toISOString(), body: m.body ?? null }));
      } catch {
        return null;
      }
    },
  };
}
