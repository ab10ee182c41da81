// The outcome of a data-subject notice wave, counted from the outbox: what the
// incident records on its timeline and what decides the substitute notice.
import type { Db } from '../store/connection';
import { countUnreachableSubjects, noticeTotals } from '../store/outbox-pages';
import { countSubjectsWithoutContact } from '../store/subject-store';
import { isGateClosed } from '../store/send-gates';
import type { ChannelPolicy, NoticeWaveSummary } from '../workflows/types';

export type NoticeSummary = NoticeWaveSummary;

export const createSummarizeNotices =
  (db: Db) =>
  async (input: {
    incidentId: string;
    noticeVersion: string;
    channelPolicy: ChannelPolicy;
  }): Promise<NoticeSummary> => {
    const totals = await noticeTotals(db, input.incidentId, input.noticeVersion);
    // Failed and bounced emails with no phone to fall back to count toward the substitute notice too.
    const noContact = await countSubjectsWithoutContact(db, input.incidentId, input.channelPolicy);
    const unreachable = await countUnreachableSubjects(db, input.incidentId, input.noticeVersion);
    // Rows the closed gate kept from being claimed were never created or stay pending: neither is
    // counted as sent or failed (pending ones are `unsettled`); `gated` says why the wave stopped.
    const gated = await isGateClosed(db, input.incidentId, input.noticeVersion);
    const summary = { ...totals, withoutContact: noContact + unreachable };
    return gated ? { ...summary, gated: true } : summary;
  };
