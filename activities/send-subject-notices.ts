// Data-subject notification: one outbox row per person and channel, created
// idempotently, then sent from the approved, stored notice with only the
// person's name substituted. Heartbeats let Temporal hand a dead worker's
// batch to another within seconds.
import { heartbeat } from '@temporalio/activity';
import { newId } from '../lib/ids';
import type { Db } from '../store/connection';
import {
  countSubjectOutcomes,
  createSubjectOutboxRows,
  listPendingSubjectOutboxRows,
  type NewSubjectOutboxRow,
} from '../store/outbox';
import { publishBeforeLinkedSend } from './publish-notice-version';
import { noticeCache } from './send-notice-page';
import { countSubjectsWithoutContact, listSubjectContactsAfter } from '../store/subject-store';
import type { SendAttempt } from './send-attempt';
import { deliverRow, isRetryLater, retryLaterFailure, runPool, type RetryLater } from './deliver';
import { normalizeLocale, substitute, variantOfJurisdiction } from './render';
import type { EmailProvider, SmsProvider } from './providers';
import type { Logger } from '../lib/logger';
import type { ChannelPolicy } from '../workflows/types';
import { nowIso } from '../lib/clock';

export interface SubjectSendResult {
  total: number;
  sent: number;
  failed: number;
  uncertain: number;
  withoutContact: number;
}

const PAGE = 500;
const CONCURRENCY = 8;

/** Which channels a person gets under the incident's policy. */
export function channelsFor(policy: ChannelPolicy, hasEmail: boolean, hasPhone: boolean): ('email' | 'sms')[] {
  if (policy === 'both') return [...(hasEmail ? ['email' as const] : []), ...(hasPhone ? ['sms' as const] : [])];
  if (policy === 'email' || policy === 'call') return hasEmail ? ['email'] : [];
  return hasEmail ? ['email'] : hasPhone ? ['sms'] : [];
}

async function createRows(db: Db, incidentId: string, version: string, policy: ChannelPolicy): Promise<void> {
  const now = nowIso();
  let lastId = 0;
  for (;;) {
    const people = await listSubjectContactsAfter(db, incidentId, lastId, PAGE);
    if (people.length === 0) return;
    const rows: NewSubjectOutboxRow[] = [];
    for (const p of people) {
      for (const channel of channelsFor(policy, p.email !== null, p.phone !== null)) {
        rows.push({
          id: newId(),
          incidentId,
          recipientRef: String(p.id),
          channel,
          locale: normalizeLocale(p.locale),
          noticeVersion: version,
          template: `subject-${channel}`,
        });
      }
    }
    await createSubjectOutboxRows(db, rows, now);
    lastId = people[people.length - 1]!.id;
    heartbeat({ phase: 'rows', lastId });
  }
}

export const createSendSubjectNotices =
  (deps: { db: Db; email: EmailProvider; sms: SmsProvider; logger: Logger; baseUrl?: string }) =>
  async (
    input: {
      incidentId: string;
      noticeVersion: string;
      channelPolicy: ChannelPolicy;
    },
    attempt: SendAttempt,
  ): Promise<SubjectSendResult> => {
    const { db } = deps;
    const { incidentId, noticeVersion } = input;
    await createRows(db, incidentId, noticeVersion, input.channelPolicy);
    // The page the messages link to is up before the first one leaves (this path sends only once approved and unheld).
    await publishBeforeLinkedSend(deps, incidentId, noticeVersion);

    // The same lookup as the paged sender: the person's legal variant, else the default notice. A missing
    // notice stays a plain (retried) error here, as this sender always had it.
    const cached = noticeCache(db, incidentId, noticeVersion);
    const notice = (locale: string, channel: 'email' | 'sms', variant: string) =>
      cached(locale, channel, variant).catch((err: unknown) => {
        throw new Error(err instanceof Error ? err.message : String(err));
      });

    let retry: RetryLater | null = null;
    let lastHeartbeat = 0;
    for (;;) {
      const rows = await listPendingSubjectOutboxRows(db, incidentId, noticeVersion, PAGE);
      if (rows.length === 0) break;
      await runPool(
        rows,
        CONCURRENCY,
        async (row) => {
          const locale = normalizeLocale(row.locale);
          const channel = row.channel === 'email' ? 'email' : 'sms';
          const n = await notice(locale, channel, variantOfJurisdiction(row.jurisdiction));
          const outcome = await deliverRow(
            db,
            row,
            () =>
              row.channel === 'email'
                ? deps.email.sendEmail({
                    to: row.email!,
                    subject: substitute(n.subject ?? '', { recipientName: row.name }, 'subject', locale),
                    html: substitute(n.html ?? '', { recipientName: row.name }, 'html', locale),
                    text: substitute(n.text, { recipientName: row.name }, 'text', locale),
                    customArgs: { outboxId: row.id, incidentId },
                    categories: ['breach-notice'],
                  })
                : deps.sms.sendSms({
                    to: row.phone!,
                    body: substitute(n.text, { recipientName: row.name }, 'text', locale),
                    outboxId: row.id,
                  }),
            deps.logger,
            attempt,
          );
          if (isRetryLater(outcome)) retry = outcome;
          if (Date.now() - lastHeartbeat > 1000) {
            lastHeartbeat = Date.now();
            heartbeat({ phase: 'send' });
          }
        },
        () => retry !== null,
      );
      if (retry) throw retryLaterFailure(retry);
    }

    const counts = await countSubjectOutcomes(db, incidentId, noticeVersion);
    const withoutContact = await countSubjectsWithoutContact(db, incidentId, input.channelPolicy);
    return { ...counts, withoutContact };
  };
