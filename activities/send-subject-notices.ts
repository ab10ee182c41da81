// Data-subject notification: one outbox row per person and channel, created
// idempotently, then sent from the approved, stored notice with only the
// person's name substituted. Heartbeats let Temporal hand a dead worker's
// batch to another within seconds.
import { heartbeat } from '@temporalio/activity';
import { newId } from '../lib/ids';
import type { Db } from '../store/connection';
import { markAbandonedClaimsUncertain, type OutboxRow } from '../store/outbox';
import { deliverRow, isRetryLater, retryLaterFailure, runPool, type RetryLater } from './deliver';
import { storedNotice } from './render-notices';
import { normalizeLocale, substitute } from './render';
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
  if (policy === 'email') return hasEmail ? ['email'] : [];
  return hasEmail ? ['email'] : hasPhone ? ['sms'] : [];
}

async function createRows(db: Db, incidentId: string, version: string, policy: ChannelPolicy): Promise<void> {
  const now = nowIso();
  let lastId = 0;
  for (;;) {
    const people = await db.all<{ id: number; email: string | null; phone: string | null; locale: string }>(
      'SELECT id, email, phone, locale FROM subjects WHERE incident_id = ? AND id > ? ORDER BY id LIMIT ?',
      [incidentId, lastId, PAGE],
    );
    if (people.length === 0) return;
    await db.transaction(async (tx) => {
      for (const p of people) {
        for (const channel of channelsFor(policy, p.email !== null, p.phone !== null)) {
          await tx.run(
            `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at)
             VALUES (?,?, 'subject', ?,?,?,?,?, 'pending', ?) ON CONFLICT DO NOTHING`,
            [newId(), incidentId, String(p.id), channel, normalizeLocale(p.locale), version, `subject-${channel}`, now],
          );
        }
      }
    });
    lastId = people[people.length - 1]!.id;
    heartbeat({ phase: 'rows', lastId });
  }
}

export const createSendSubjectNotices =
  (deps: { db: Db; email: EmailProvider; sms: SmsProvider; logger: Logger }) =>
  async (input: {
    incidentId: string;
    noticeVersion: string;
    channelPolicy: ChannelPolicy;
  }): Promise<SubjectSendResult> => {
    const { db } = deps;
    const { incidentId, noticeVersion } = input;
    await markAbandonedClaimsUncertain(db, incidentId, 'subject');
    await createRows(db, incidentId, noticeVersion, input.channelPolicy);

    const noticeCache = new Map<string, { subject: string | null; html: string | null; text: string }>();
    const notice = async (locale: string, channel: string) => {
      const key = `${locale}|${channel}`;
      let n = noticeCache.get(key);
      if (!n) {
        n =
          (await storedNotice(db, incidentId, noticeVersion, 'individuals', locale, channel)) ??
          (await storedNotice(db, incidentId, noticeVersion, 'individuals', 'en', channel));
        if (!n) throw new Error(`no approved ${channel} notice for version ${noticeVersion}`);
        noticeCache.set(key, n);
      }
      return n;
    };

    let retry: RetryLater | null = null;
    let lastHeartbeat = 0;
    for (;;) {
      const rows = await db.all<OutboxRow & { name: string | null; email: string | null; phone: string | null }>(
        `SELECT o.*, s.name, s.email, s.phone FROM outbox o JOIN subjects s ON s.id = CAST(o.recipient_ref AS INTEGER)
         WHERE o.incident_id = ? AND o.kind = 'subject' AND o.notice_version = ? AND o.status = 'pending' ORDER BY o.id LIMIT ?`,
        [incidentId, noticeVersion, PAGE],
      );
      if (rows.length === 0) break;
      await runPool(
        rows,
        CONCURRENCY,
        async (row) => {
          const locale = normalizeLocale(row.locale);
          const n = await notice(locale, row.channel);
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

    const counts = await db.get<{ total: number; sent: number; failed: number; uncertain: number }>(
      `SELECT COUNT(*) AS total, SUM(status IN ('sent','delivered')) AS sent, SUM(status IN ('failed','bounced')) AS failed, SUM(status = 'uncertain') AS uncertain
       FROM outbox WHERE incident_id = ? AND kind = 'subject' AND notice_version = ?`,
      [incidentId, noticeVersion],
    );
    const policy = input.channelPolicy;
    const noContact = await db.get<{ n: number }>(
      policy === 'email'
        ? 'SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ? AND email IS NULL'
        : 'SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ? AND email IS NULL AND phone IS NULL',
      [incidentId],
    );
    return {
      total: counts?.total ?? 0,
      sent: counts?.sent ?? 0,
      failed: counts?.failed ?? 0,
      uncertain: counts?.uncertain ?? 0,
      withoutContact: noContact?.n ?? 0,
    };
  };
