// One interface for every message provider, so the outbox logic never knows
// which SDK is behind it and tests can point the real SDKs at stand-ins.

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Opaque correlation ids only (outbox row id); providers keep these long-term. */
  customArgs?: Record<string, string>;
  /** Category tags, e.g. "breach-notice". */
  categories?: string[];
}

/**
 * One request carrying many people (SendGrid: at most 1,000 personalizations).
 * subject, html and text are the approved notice with substitution keys in place;
 * each recipient's values replace the keys, so what the approver saw is what is sent.
 */
export interface EmailBatch {
  subject: string;
  html: string;
  text: string;
  categories?: string[];
  recipients: EmailBatchRecipient[];
}

export interface EmailBatchRecipient {
  to: string;
  /** Key to value, applied by plain string replacement (SendGrid escapes nothing). */
  substitutions: Record<string, string>;
  /** Opaque correlation ids only (the outbox row id), echoed in every delivery event. */
  customArgs: Record<string, string>;
}

export interface SmsMessage {
  to: string;
  body: string;
  /** Outbox row id, put in the status-callback URL. */
  outboxId?: string;
  /**
   * Asked once the message's turn comes (after pacing), just before the request: false withholds it
   * (SendWithheld). A wave's send gate may close while claimed messages wait for their turn.
   */
  lastLook?: () => Promise<boolean>;
}

/** A telephone call reading a notice (Twilio Programmable Voice, inline TwiML). */
export interface CallMessage {
  to: string;
  /** The whole call as TwiML, every value in it already XML-escaped. */
  twiml: string;
  /** The same call as plain text, for the local dev mailbox (no voice there). */
  spokenText: string;
  /** Outbox row id, put in the status-callback URL. */
  outboxId: string;
  /** Which call of the row this is (1 for the first), also in the URL: a late report of an earlier one is told apart. */
  callNumber: number;
  /** As for SMS: asked once the call's turn comes (after pacing); false withholds it. */
  lastLook?: () => Promise<boolean>;
}

export interface CallProvider {
  readonly name: string;
  placeCall(message: CallMessage): Promise<SendResult>;
  /** Whether status callbacks will report each call's outcome (they need a public URL). */
  readonly reportsOutcomes: boolean;
}

export interface SendResult {
  provider: string;
  providerId: string | null;
}

export interface EmailProvider {
  readonly name: string;
  sendEmail(message: EmailMessage): Promise<SendResult>;
  /** All or nothing: a rejection refuses every recipient of the batch. */
  sendEmailBatch(batch: EmailBatch): Promise<SendResult>;
}

export interface SmsProvider {
  readonly name: string;
  sendSms(message: SmsMessage): Promise<SendResult>;
  /**
   * Messages sent to this number since the given instant, with their text, for resolving uncertain
   * sends; null when the provider cannot tell.
   */
  findSentSince?(to: string, since: Date): Promise<{ providerId: string; at: string; body: string | null }[] | null>;
}

/**
 * How a send failed. The outbox reacts differently to each:
 * - permanent: the provider refused this recipient or message; fail the row, never retry.
 * - retryable: the provider surely did not accept it (429, 5xx before acceptance, connection refused); retry later.
 * - uncertain: the request may have been accepted (timeout, connection reset after the body left); never re-send blindly.
 */
export type SendFailureKind = 'permanent' | 'retryable' | 'uncertain';

/** A message not sent because its lastLook said no: nothing reached the provider. */
export class SendWithheld extends Error {
  constructor() {
    super('withheld before sending: the send gate closed');
    this.name = 'SendWithheld';
  }
}

export class SendError extends Error {
  constructor(
    readonly kind: SendFailureKind,
    message: string,
    readonly details: { status?: number; code?: string | number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'SendError';
  }
}
