// Sends the approved data-subject notice to one page of people (a range of
// subject ids). The workflow passes only the incident, version and bounds; the
// people are read here from SQLite. Email goes in SendGrid batches with each
// person's name as substitutions; SMS one per person through the paced provider.
// Rows are claimed (committed) before each provider call, so a retried or
// restarted page never re-sends a row that was sent; claims a dead attempt left
// behind become `uncertain` and are resolved later (resolve-uncertain.ts). A
// person's row is created at its first claim, so a send costs two writes (claim,
// outcome), each one statement per batch.
import type { Db } from '../store/connection';
import {
  claimSubjectRows,
  finishClaims,
  finishSentClaims,
  markPageClaimsUncertain,
  pageWork,
  type PageBounds,
  type PendingSubjectRow,
} from '../store/outbox-pages';
import { recordNoticeWave } from '../store/notice-waves';
import { isGateClosed } from '../store/send-gates';
import { CORRECTION_AUDIENCE, findSubjectNotice } from '../store/notices';
import type { SendGate } from './send-gate';
import { publishBeforeLinkedSend } from './publish-notice-version';
import type { SendAttempt } from './send-attempt';
import { groupEmailBatches } from './email-batches';
import { backoffDelayMs, heartbeatIfInActivity, sleepWithHeartbeat, type RecoverySignal } from './provider-backoff';
import {
  DEFAULT_VARIANT,
  formatNoticeDay,
  normalizeLocale,
  variantOfJurisdiction,
  PRIOR_NOTICE_DATE_TOKEN,
  RECIPIENT_NAME_HTML_TOKEN,
  RECIPIENT_NAME_TOKEN,
  substitute,
  type Locale,
} from './render';
import { SendError, SendWithheld, safeErrorSummary, type EmailProvider, type SmsProvider } from './providers';
import type { Logger } from '../lib/logger';
import { NOT_MOBILE_CODE, NOT_MOBILE_ERROR } from '../store/calls';
import { failpoint } from '../lib/failpoints';
import type { ChannelPolicy } from '../workflows/types';
import { ApplicationFailure } from '@temporalio/common';

/** The key the HTML body carries in place of the name: its value is escaped by us, SendGrid escapes nothing. */
export const HTML_NAME_KEY = RECIPIENT_NAME_HTML_TOKEN;
/** Text and subject keep the renderer's own token; their value is the raw name. */
export const TEXT_NAME_KEY = RECIPIENT_NAME_TOKEN;
/** A correction's key for the day of the earlier notice: one value for every part (formatNoticeDay). */
export const PRIOR_DATE_KEY = PRIOR_NOTICE_DATE_TOKEN;

/**
 * `correction` (PageBounds): also send to people another version of the notice already told; they get
 * the version's correction variant (CORRECTION_AUDIENCE), everyone else its plain notice.
 */
export interface NoticePageInput extends PageBounds {
  channelPolicy: ChannelPolicy;
}

export interface NoticePageResult {
  rows: number;
  sent: number;
  failed: number;
  uncertain: number;
  /**
   * The incident's send gate closed for this version while the page ran (or before): it stopped
   * claiming; the rows it had claimed finished, the others were left unclaimed. Absent when not.
   */
  gated?: boolean;
}

export interface SendNoticeDeps {
  /** One email batch at a time in this process (see send-gate.ts); none in tests that want otherwise. */
  emailGate?: SendGate;
  /** Wake this process's sends backing off from a provider when another send to it succeeds. */
  emailRecovery?: RecoverySignal;
  smsRecovery?: RecoverySignal;
  db: Db;
  email: EmailProvider;
  sms: SmsProvider;
  logger: Logger;
  /** Where the public notice page lives: with it, the version's page is published before its first message goes. */
  baseUrl?: string;
}

// Give up inside the activity after this long of continuous provider failures; Temporal's retry takes over.
const MAX_IN_ACTIVITY_RETRY_MS = 10 * 60_000;
const SMS_LANES = 64;
const SMS_FINISH_GROUP = 100;
const SMS_CLAIM_GROUP = 16;

type Notice = { subject: string | null; html: string | null; text: string };

/**
 * Claims through the incident's send gate (checked in the claim statement itself). A claim that comes
 * back short is either another attempt's doing or the gate's: the gate is re-read to tell which, and
 * once it is closed nothing more is claimed.
 */
interface GatedClaims {
  gated: boolean;
  claim(rows: PendingSubjectRow[]): Promise<PendingSubjectRow[]>;
  /** Whether the gate is still open, read at most every LAST_LOOK_MS: asked just before each paced SMS. */
  lastLook(): Promise<boolean>;
}

// Claimed SMS wait for the pacer (a second per segment at a long code's rate): the gate is read again
// when their turn comes, so a hold stops them too. One read serves the messages of the same instant.
const LAST_LOOK_MS = 50;

function gatedClaims(db: Db, attempt: SendAttempt, noticeVersion: string): GatedClaims {
  const g: GatedClaims = {
    gated: false,
    async claim(rows) {
      if (g.gated || rows.length === 0) return [];
      const claimed = await claimSubjectRows(db, attempt.incidentId, noticeVersion, rows, attempt.id);
      if (claimed.length < rows.length && (await isGateClosed(db, attempt.incidentId, noticeVersion))) g.gated = true;
      return claimed;
    },
    async lastLook() {
      if (g.gated) return false;
      if (!looked || Date.now() - looked.at > LAST_LOOK_MS)
        looked = { at: Date.now(), open: isGateClosed(db, attempt.incidentId, noticeVersion).then((c) => !c) };
      const open = await looked.open;
      if (!open) g.gated = true;
      return open;
    },
  };
  let looked: { at: number; open: Promise<boolean> } | null = null;
  return g;
}

/**
 * The stored notice of one audience for a locale and legal variant. The law of the residence comes before the
 * language: the variant in the locale, then in English, then the default notice in the locale, then in English.
 * A variant is absent when the residence has none (the default serves) or the version predates variants.
 */
function findVariantNotice(
  db: Db,
  key: { incidentId: string; noticeVersion: string; audience: string },
  locale: string,
  channel: 'email' | 'sms',
  variant: string,
): Promise<Notice | undefined> {
  const tries: [string, string][] = [
    [locale, variant],
    ['en', variant],
    [locale, DEFAULT_VARIANT],
    ['en', DEFAULT_VARIANT],
  ];
  const seen = new Set<string>();
  return (async () => {
    for (const [l, v] of tries) {
      if (seen.has(`${l}|${v}`)) continue;
      seen.add(`${l}|${v}`);
      const n = await findSubjectNotice(db, { ...key, locale: l, channel, variant: v });
      if (n) return n;
    }
    return undefined;
  })();
}

export function noticeCache(db: Db, incidentId: string, noticeVersion: string) {
  const cache = new Map<string, Notice>();
  return async (locale: string, channel: 'email' | 'sms', variant: string = DEFAULT_VARIANT): Promise<Notice> => {
    const key = `${locale}|${channel}|${variant}`;
    let n = cache.get(key);
    if (!n) {
      n = await findVariantNotice(db, { incidentId, noticeVersion, audience: 'individuals' }, locale, channel, variant);
      if (!n)
        throw ApplicationFailure.nonRetryable(
          `no approved ${channel} notice for version ${noticeVersion}`,
          'ConfigurationError',
        );
      cache.set(key, n);
    }
    return n;
  };
}

/**
 * The version's correction variant for a locale and channel (English when the locale has none);
 * undefined when the version was rendered without correction variants (before they existed).
 */
export function correctionCache(db: Db, incidentId: string, noticeVersion: string) {
  const cache = new Map<string, Notice | undefined>();
  return async (
    locale: string,
    channel: 'email' | 'sms',
    variant: string = DEFAULT_VARIANT,
  ): Promise<Notice | undefined> => {
    const key = `${locale}|${channel}|${variant}`;
    if (!cache.has(key)) {
      const found = await findVariantNotice(
        db,
        { incidentId, noticeVersion, audience: CORRECTION_AUDIENCE },
        locale,
        channel,
        variant,
      );
      cache.set(key, found);
    }
    return cache.get(key);
  };
}

/**
 * Marks the rows that go out as a correction (`row.correction`): with `correction` chosen, each row whose
 * person another version already told (pageWork's priorVersionAt), when the version has a correction
 * variant for the row's channel. A version rendered without one sends its plain notice, unmarked. A
 * re-send or SMS fallback for a person already sent this version as a correction (`asCorrection`) goes
 * as a correction too, whoever calls.
 */
async function markCorrections(
  rows: PendingSubjectRow[],
  correction: boolean,
  variant: (locale: string, channel: 'email' | 'sms') => Promise<Notice | undefined>,
): Promise<void> {
  for (const r of rows) {
    r.correction =
      (correction || r.asCorrection === 1) &&
      !!r.priorVersionAt &&
      (await variant(normalizeLocale(r.locale), r.channel)) !== undefined;
  }
}

/** The day of the earlier notice a correction names, in the person's language. */
function priorDay(row: PendingSubjectRow, locale: Locale): string {
  return row.priorVersionAt ? formatNoticeDay(row.priorVersionAt, locale) : '';
}

/** The values that replace the name keys for one person. */
export function nameSubstitutions(name: string | null, locale: Locale): Record<string, string> {
  return {
    [HTML_NAME_KEY]: substitute(RECIPIENT_NAME_TOKEN, { recipientName: name }, 'html', locale),
    [TEXT_NAME_KEY]: substitute(RECIPIENT_NAME_TOKEN, { recipientName: name }, 'text', locale),
  };
}

export const createSendNoticePage =
  (deps: SendNoticeDeps) =>
  async (input: NoticePageInput, attempt: SendAttempt): Promise<NoticePageResult> => {
    const { db } = deps;
    await recordNoticeWave(db, input.incidentId, input.noticeVersion, input.channelPolicy);
    // Read first: only a page holding claims from before attempts were recorded needs the write.
    const { rows, stranded } = await pageWork(db, input, input.channelPolicy);
    if (stranded > 0) await markPageClaimsUncertain(db, input);
    // The gate is also checked in every claim; this only spares a closed page its reads and renders.
    if (await isGateClosed(db, input.incidentId, input.noticeVersion))
      return { rows: rows.length, sent: 0, failed: 0, uncertain: 0, gated: true };
    const result = await sendRows(deps, attempt, input.noticeVersion, rows, { correction: input.correction === true });
    return { rows: rows.length, ...result };
  };

/**
 * Sends pending rows (a page, or uncertain rows put back for their one re-send). Stops claiming once
 * the incident's send gate blocks the version (`gated: true`); rows it could not claim stay as they were.
 * `correction`: rows whose person another version told (priorVersionAt) get the correction variant.
 */
export async function sendRows(
  deps: SendNoticeDeps,
  attempt: SendAttempt,
  noticeVersion: string,
  rows: PendingSubjectRow[],
  opts: { correction?: boolean } = {},
): Promise<Omit<NoticePageResult, 'rows'>> {
  const plain = noticeCache(deps.db, attempt.incidentId, noticeVersion);
  const variant = correctionCache(deps.db, attempt.incidentId, noticeVersion);
  // The notice follows the law of the person's residence (a US state's variant); where a variant has no
  // notice of this channel (most have no SMS of their own), the lookup falls back to the default.
  const legal = (row: PendingSubjectRow, _channel: 'email' | 'sms') => variantOfJurisdiction(row.jurisdiction);
  const notice = async (row: PendingSubjectRow, locale: string, channel: 'email' | 'sms'): Promise<Notice> =>
    (row.correction ? await variant(locale, channel, legal(row, channel)) : undefined) ??
    (await plain(locale, channel, legal(row, channel)));
  const tally = { sent: 0, failed: 0, uncertain: 0 };
  const claims = gatedClaims(deps.db, attempt, noticeVersion);
  const emails = rows.filter((r) => r.channel === 'email' && r.email);
  const sms = rows.filter((r) => r.channel === 'sms' && r.phone);
  await markCorrections([...emails, ...sms], opts.correction === true, variant);
  // The page a message links to is up before the message leaves; a closed gate (a hold) sends nothing, so publishes nothing.
  if (emails.length + sms.length > 0 && !(await isGateClosed(deps.db, attempt.incidentId, noticeVersion)))
    await publishBeforeLinkedSend(deps, attempt.incidentId, noticeVersion);

  // Plain and correction emails, and each legal variant, go in separate requests: each request carries one
  // approved text.
  const byVariant = (part: PendingSubjectRow[]) => {
    const groups = new Map<string, PendingSubjectRow[]>();
    for (const r of part) {
      const key = legal(r, 'email');
      const group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    }
    return [...groups.values()];
  };
  for (const part of [
    ...byVariant(emails.filter((r) => !r.correction)),
    ...byVariant(emails.filter((r) => r.correction)),
  ]) {
    // The rows themselves are batched (not copies): a claim fills in their ids.
    for (const batch of groupEmailBatches(
      part.map((r) => ({ row: r, locale: normalizeLocale(r.locale), email: r.email })),
    )) {
      if (claims.gated) break;
      const first = batch.rows[0]!.row;
      const n = await notice(first, batch.locale, 'email');
      const batchRows = batch.rows.map((b) => b.row);
      await sendEmailBatch(deps, attempt, claims, n, batch.locale as Locale, batchRows, tally);
      heartbeatIfInActivity({ phase: 'email' });
    }
  }

  // SMS successes are recorded in groups: one write per group instead of one per message. A crash before
  // a group is written leaves its rows claimed, then uncertain, and Twilio's message list finds them sent.
  const sentSms: { id: string; providerId: string | null }[] = [];
  let smsProvider = 'twilio';
  const flushSms = async () => {
    const group = sentSms.splice(0, sentSms.length);
    await finishSentClaims(deps.db, smsProvider, group, attempt.id);
  };
  const deferSent = async (ids: string[], r: { provider: string; providerId: string | null }) => {
    smsProvider = r.provider;
    for (const id of ids) sentSms.push({ id, providerId: r.providerId });
    if (sentSms.length >= SMS_FINISH_GROUP) await flushSms();
  };
  // Claims are written a group at a time too, just before the group's messages go to the pacer,
  // so the write queue is not the limit at a thousand messages a second; a crash leaves at most the
  // groups in flight uncertain, which Twilio's message list resolves.
  let next = 0;
  let lastBeat = Date.now();
  const groups = Math.max(1, Math.floor(SMS_LANES / SMS_CLAIM_GROUP));
  await Promise.all(
    Array.from({ length: Math.min(groups, Math.ceil(sms.length / SMS_CLAIM_GROUP)) }, async () => {
      while (next < sms.length && !claims.gated) {
        const group = sms.slice(next, next + SMS_CLAIM_GROUP);
        next += group.length;
        const claimed = await claims.claim(group);
        failpoint(`${attempt.kind}.claimed`);
        await Promise.all(
          claimed.map(async (row) => {
            const locale = normalizeLocale(row.locale);
            const n = await notice(row, locale, 'sms');
            const named = substitute(n.text, { recipientName: row.name }, 'text', locale);
            const body = row.correction ? named.split(PRIOR_DATE_KEY).join(priorDay(row, locale)) : named;
            await sendWithRetry(
              deps,
              attempt,
              claims,
              [row],
              ([r]) => deps.sms.sendSms({ to: r!.phone!, body, outboxId: r!.id!, lastLook: claims.lastLook }),
              tally,
              { claimed: true, recordSent: deferSent, recovery: deps.smsRecovery },
            );
          }),
        );
        if (Date.now() - lastBeat > 1000) {
          lastBeat = Date.now();
          heartbeatIfInActivity({ phase: 'sms' });
        }
      }
    }),
  );
  await flushSms();
  return claims.gated ? { ...tally, gated: true } : tally;
}

async function sendEmailBatch(
  deps: SendNoticeDeps,
  attempt: SendAttempt,
  claims: GatedClaims,
  n: Notice,
  locale: Locale,
  rows: PendingSubjectRow[],
  tally: { sent: number; failed: number; uncertain: number },
): Promise<void> {
  const html = (n.html ?? '').split(RECIPIENT_NAME_TOKEN).join(HTML_NAME_KEY);
  const send = (part: PendingSubjectRow[]) =>
    deps.email.sendEmailBatch({
      subject: n.subject ?? '',
      html,
      text: n.text,
      categories: ['breach-notice'],
      recipients: part.map((r) => ({
        to: r.email!,
        substitutions: r.correction
          ? { ...nameSubstitutions(r.name, locale), [PRIOR_DATE_KEY]: priorDay(r, locale) }
          : nameSubstitutions(r.name, locale),
        customArgs: { outboxId: r.id!, incidentId: attempt.incidentId },
      })),
    });
  // A refused request refuses everyone in it: halve it until the refused person stands alone,
  // so one bad address fails one row with the provider's reason and the rest go out.
  const sendPart = async (part: PendingSubjectRow[]): Promise<void> => {
    if (claims.gated) return;
    const refused = await sendWithRetry(deps, attempt, claims, part, send, tally, {
      splittable: part.length > 1,
      gate: deps.emailGate,
      recovery: deps.emailRecovery,
    });
    if (refused && part.length > 1) {
      const mid = Math.ceil(part.length / 2);
      await sendPart(part.slice(0, mid));
      await sendPart(part.slice(mid));
    }
  };
  await sendPart(rows);
}

/**
 * Claims the rows, sends, and records the outcome; waits and tries again on 429,
 * 5xx and unreachable, putting the rows back to pending while it waits (nothing
 * left, so a crash then costs nothing). Returns true when the provider refused
 * the request and `splittable` asked the caller to isolate the cause. `claimed`:
 * the caller already claimed the rows for the first try.
 */
async function sendWithRetry(
  deps: SendNoticeDeps,
  attempt: SendAttempt,
  claims: GatedClaims,
  rows: PendingSubjectRow[],
  send: (claimed: PendingSubjectRow[]) => Promise<{ provider: string; providerId: string | null }>,
  tally: { sent: number; failed: number; uncertain: number },
  opts: {
    splittable?: boolean;
    claimed?: boolean;
    gate?: SendGate;
    recovery?: RecoverySignal;
    recordSent?: (ids: string[], r: { provider: string; providerId: string | null }) => Promise<void>;
  } = {},
): Promise<boolean> {
  const splittable = opts.splittable ?? false;
  const recordSent =
    opts.recordSent ??
    ((ids, r) =>
      finishClaims(deps.db, ids, { status: 'sent', provider: r.provider, providerId: r.providerId }, attempt.id));
  const started = Date.now();
  for (let failures = 0; ; failures++) {
    // Held from the claim to the recorded outcome, never while waiting to retry.
    const release = opts.gate ? await opts.gate.acquire() : () => {};
    let retry: SendError;
    try {
      const claimedRows = failures === 0 && opts.claimed ? rows : await claims.claim(rows);
      if (claimedRows.length === 0) return false;
      // From here on the rows exist (claimSubjectRows filled in their ids): a retry claims them by id.
      rows = claimedRows;
      const claimed = claimedRows.map((r) => r.id!);
      if (!(failures === 0 && opts.claimed)) failpoint(`${attempt.kind}.claimed`);
      try {
        const r = await send(claimedRows);
        failpoint(`${attempt.kind}.sent`);
        // Taken before the outcome is written: the others waiting out a failure may go at once.
        opts.recovery?.recovered();
        await recordSent(claimed, r);
        tally.sent += claimed.length;
        return false;
      } catch (err) {
        if (err instanceof SendWithheld) {
          // Nothing reached the provider: the rows wait, unclaimed, for the next wave.
          await finishClaims(
            deps.db,
            claimed,
            { status: 'pending', error: 'withheld: the send gate closed' },
            attempt.id,
          );
          claims.gated = true;
          return false;
        }
        const summary = safeErrorSummary(err);
        deps.logger.warn({ rows: claimed.length, error: summary }, 'notice send failed');
        const status = err instanceof SendError ? err.details.status : undefined;
        if (err instanceof SendError && err.kind === 'retryable') {
          await finishClaims(deps.db, claimed, { status: 'pending', error: summary.message }, attempt.id);
          if (Date.now() - started > MAX_IN_ACTIVITY_RETRY_MS) {
            throw ApplicationFailure.create({
              message: `provider still failing: ${summary.message}`,
              type: 'ProviderRetryLater',
              nextRetryDelay: err.details.retryAfterMs,
            });
          }
          retry = err;
        } else if (err instanceof SendError && err.kind === 'permanent') {
          // Credentials refused: no person is at fault; hold the rows for when the key is fixed.
          if (status === 401 || status === 403) {
            await finishClaims(deps.db, claimed, { status: 'pending', error: summary.message }, attempt.id);
            throw ApplicationFailure.create({
              message: summary.message,
              type: 'ProviderCredentialsRefused',
              nextRetryDelay: 60_000,
            });
          }
          if (splittable) {
            await finishClaims(deps.db, claimed, { status: 'pending', error: summary.message }, attempt.id);
            return true;
          }
          // Twilio's "not a mobile number" is kept recognisable (the code itself is redacted with the digits):
          // under sms_or_call that person is called instead (store/calls.ts).
          const error =
            err.details.code === NOT_MOBILE_CODE ? `${NOT_MOBILE_ERROR}: ${summary.message}` : summary.message;
          await finishClaims(deps.db, claimed, { status: 'failed', error }, attempt.id);
          tally.failed += claimed.length;
          return false;
        } else {
          await finishClaims(deps.db, claimed, { status: 'uncertain', error: summary.message }, attempt.id);
          tally.uncertain += claimed.length;
          return false;
        }
      }
    } finally {
      release();
    }
    // A provider's Retry-After is waited out in full; a plain backoff ends when another send gets through.
    const wake = retry.details.retryAfterMs === undefined ? opts.recovery?.next() : undefined;
    await sleepWithHeartbeat(backoffDelayMs(failures, retry.details.retryAfterMs), { phase: 'waiting' }, wake);
  }
}
