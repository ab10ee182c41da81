// Delivery reports from the providers: SendGrid's Signed Event Webhook and
// Twilio's status callbacks. Both are verified on what the provider signed (the
// raw bytes; the public URL with its query) before anything is read, and both
// answer 2xx fast so providers do not pile up retries. A bounced or failed
// subject notice also wakes the late-bounces workflow (SMS fallback, substitute
// notice); see use-cases/delivery-reports.ts for why that never fails the request.
import express, { Router, type Request } from 'express';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import twilio from 'twilio';
import type { AppConfig } from '../../app.config';
import type { DeliveryReport } from '../../store/delivery-status';
import { recordDeliveryReports } from '../use-cases/delivery-reports';
import { recordCallReport } from '../use-cases/call-outcomes';
import { HttpError } from '../errors';
import type { UseCaseContext } from '../use-cases/context';
import { nowIso } from '../../lib/clock';

export const SENDGRID_SIGNATURE_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';
export const SENDGRID_TIMESTAMP_HEADER = 'X-Twilio-Email-Event-Webhook-Timestamp';
// SendGrid signs each attempt afresh; an old timestamp is a replay.
const MAX_AGE_S = 15 * 60;

type Config = Pick<AppConfig, 'publicUrl' | 'sendgridWebhookPublicKey' | 'twilio'>;

export function deliveryWebhookRouter(ctx: Pick<UseCaseContext, 'db' | 'logger' | 'gateway'>, config: Config): Router {
  const r = Router();
  const key: KeyObject | null = config.sendgridWebhookPublicKey
    ? createPublicKey({ key: Buffer.from(config.sendgridWebhookPublicKey, 'base64'), format: 'der', type: 'spki' })
    : null;

  r.post('/sendgrid/events', express.raw({ type: () => true, limit: '5mb' }), async (req, res) => {
    if (!key) throw new HttpError(404, 'SendGrid event webhook is not configured (SENDGRID_WEBHOOK_PUBLIC_KEY)', null);
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.get(SENDGRID_SIGNATURE_HEADER);
    const timestamp = req.get(SENDGRID_TIMESTAMP_HEADER);
    if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp))
      throw new HttpError(401, 'signature missing', SENDGRID_SIGNATURE_HEADER);
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_AGE_S)
      throw new HttpError(401, 'timestamp too old', SENDGRID_TIMESTAMP_HEADER);
    let ok: boolean;
    try {
      ok = verify('sha256', Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, 'base64'));
    } catch {
      ok = false;
    }
    if (!ok) throw new HttpError(401, 'signature does not match', SENDGRID_SIGNATURE_HEADER);
    let events: unknown;
    try {
      events = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'malformed JSON', 'body');
    }
    if (!Array.isArray(events)) throw new HttpError(400, 'expected a JSON array of events', 'body');
    const reports = events.map(sendgridReport).filter((x): x is DeliveryReport => x !== null);
    const moved = await recordDeliveryReports(ctx, reports);
    res.json({ received: events.length, applied: moved });
  });

  r.post('/twilio/status', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    const params = verifiedTwilioParams(req, config);
    const outboxId = typeof req.query.o === 'string' ? req.query.o : null;
    const report = outboxId ? twilioReport(outboxId, params) : null;
    const moved = report ? await recordDeliveryReports(ctx, [report]) : 0;
    res.json({ applied: moved });
  });

  // Telephone calls: the final status of each call (place-calls.ts asks for `completed` events only).
  r.post('/twilio/calls', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    const params = verifiedTwilioParams(req, config);
    const outboxId = typeof req.query.o === 'string' ? req.query.o : null;
    const n = typeof req.query.n === 'string' && /^\d{1,3}$/.test(req.query.n) ? Number(req.query.n) : null;
    const moved = outboxId ? await recordCallReport(ctx, outboxId, params, n) : false;
    res.json({ applied: moved ? 1 : 0 });
  });
  return r;
}

/** The callback's form parameters, once its signature is shown to be Twilio's over the URL it was given. */
function verifiedTwilioParams(req: Request, config: Config): Record<string, string> {
  const token = config.twilio?.authToken;
  if (!token || !config.publicUrl)
    throw new HttpError(404, 'Twilio status callbacks need BREACHLINE_PUBLIC_URL and Twilio credentials', null);
  const signature = req.get('X-Twilio-Signature');
  if (!signature) throw new HttpError(401, 'signature missing', 'X-Twilio-Signature');
  // The URL Twilio was given, query included: our public origin and the path as received.
  const url = `${config.publicUrl}${req.baseUrl}${req.url}`;
  const params = (req.body ?? {}) as Record<string, string>;
  if (!twilio.validateRequest(token, signature, url, params))
    throw new HttpError(401, 'signature does not match', 'X-Twilio-Signature');
  return params;
}

// `deferred` is not a failure (SendGrid keeps trying); opens and clicks are not tracked for a legal notice.
const SENDGRID_STATUS = new Map<string, DeliveryReport['status']>([
  ['processed', 'sent'],
  ['delivered', 'delivered'],
  ['bounce', 'bounced'],
  ['dropped', 'bounced'],
]);
const TWILIO_STATUS = new Map<string, DeliveryReport['status']>([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['undelivered', 'bounced'],
  ['failed', 'failed'],
]);

function sendgridReport(raw: unknown): DeliveryReport | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  const outboxId = typeof e.outboxId === 'string' ? e.outboxId : null;
  const eventId = typeof e.sg_event_id === 'string' ? e.sg_event_id.slice(0, 100) : null;
  if (!outboxId || !eventId) return null;
  const status = SENDGRID_STATUS.get(String(e.event));
  if (!status) return null;
  const at = typeof e.timestamp === 'number' ? new Date(e.timestamp * 1000).toISOString() : nowIso();
  const reason =
    status === 'bounced'
      ? `SendGrid ${String(e.event)}${e.type ? ` (${String(e.type)})` : ''}: ${scrub(String(e.reason ?? ''))}`
      : null;
  const providerId = typeof e.sg_message_id === 'string' ? e.sg_message_id.split('.')[0]! : null;
  return { eventKey: `sendgrid:${eventId}`, outboxId, status, reason, providerId, at };
}

function twilioReport(outboxId: string, p: Record<string, string>): DeliveryReport | null {
  const sid = p.MessageSid ?? p.SmsSid;
  const s = p.MessageStatus ?? p.SmsStatus;
  if (!sid || !s) return null;
  const status = TWILIO_STATUS.get(s);
  if (!status) return null;
  const reason =
    status === 'bounced' || status === 'failed' ? `Twilio ${s}${p.ErrorCode ? ` ${p.ErrorCode}` : ''}` : null;
  return { eventKey: `twilio:${sid}:${s}`, outboxId, status, reason, providerId: sid, at: nowIso() };
}

// Bounce reasons quote the address; keep the provider's words, not the person's.
function scrub(s: string): string {
  return s.replace(/[^\s<>()"',;:[\]]+@[^\s<>()"',;:[\]]+/g, '[address]').slice(0, 300);
}
