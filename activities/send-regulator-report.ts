// A regulator report goes by email where the organisation profile gives the
// regulator an address; otherwise it is marked for manual portal filing and
// the rendered report waits on the incident page.
import { heartbeat } from '@temporalio/activity';
import { newId } from '../lib/ids';
import type { Db } from '../store/connection';
import { ensureOutboxRow } from '../store/outbox';
import type { SendAttempt } from './send-attempt';
import { getIncident, getNote, parseState } from '../store/incident-store';
import { getOrgProfile, regulatorFor } from '../store/org-profile';
import { findStoredNotice, saveNotice } from '../store/notices';
import { deliverRow, isRetryLater, retryLaterFailure } from './deliver';
import { regulatorOf, regulatorReportLocale, withPublishedLinkOnly } from './render-notices';
import { loadIncidentView, orgView } from './incident-view';
import { renderRegulatorReport, type Locale } from './render';
import type { EmailProvider } from './providers';
import type { Logger } from '../lib/logger';
import { nowIso } from '../lib/clock';

export const createSendRegulatorReport =
  (deps: { db: Db; email: EmailProvider; logger: Logger }) =>
  async (
    input: {
      incidentId: string;
      obligationId: string;
      noticeVersion: string;
      phase: 'initial' | 'supplementary';
    },
    attempt: SendAttempt,
  ): Promise<{ status: 'sent' | 'manual'; outboxId: string | null }> => {
    const { db } = deps;
    const incident = await getIncident(db, input.incidentId);
    const obligation = incident
      ? parseState(incident)?.obligations.find((o) => o.id === input.obligationId)
      : undefined;
    if (!obligation) throw new Error(`obligation ${input.obligationId} not found`);
    const contact = regulatorFor(await getOrgProfile(db), obligation.id, obligation.regime);
    // The report is in the regulator's language; a version rendered before reports followed it has an English one.
    const stored = (locale: Locale) =>
      findStoredNotice(db, {
        incidentId: input.incidentId,
        noticeVersion: input.noticeVersion,
        audience: `regulator:${obligation.id}`,
        locale,
        channel: 'email',
      });
    const wanted = regulatorReportLocale(obligation.regime);
    let locale: Locale = wanted;
    let report = await stored(wanted);
    if (!report && wanted !== 'en') {
      report = await stored('en');
      locale = 'en';
    }
    if (!contact?.email || !report) return { status: 'manual', outboxId: null };
    const row = await ensureOutboxRow(db, {
      id: newId(),
      incidentId: input.incidentId,
      kind: 'regulator',
      recipientRef: obligation.id,
      channel: 'email',
      locale,
      noticeVersion: `${input.noticeVersion}:${input.phase}`,
      template: 'regulator-report',
    });
    if (row.status === 'pending') {
      const outcome = await deliverRow(
        db,
        row,
        () =>
          deps.email.sendEmail({
            to: contact.email!,
            subject: report.subject ?? '',
            html: report.html ?? '',
            text: report.text,
            customArgs: { outboxId: row.id, incidentId: input.incidentId },
            categories: ['regulator-report'],
          }),
        deps.logger,
        attempt,
      );
      heartbeat();
      if (isRetryLater(outcome)) throw retryLaterFailure(outcome);
      return { status: outcome === 'sent' ? 'sent' : 'manual', outboxId: row.id };
    }
    return { status: row.status === 'sent' || row.status === 'delivered' ? 'sent' : 'manual', outboxId: row.id };
  };

/** A supplementary report: current facts, phase "supplementary", and what it adds, to the same regulator. */
export const createSendSupplementaryReport =
  (deps: { db: Db; email: EmailProvider; logger: Logger; baseUrl: string }) =>
  async (
    input: {
      incidentId: string;
      obligationId: string;
      informationNoteId: string;
    },
    attempt: SendAttempt,
  ): Promise<{ status: 'sent' | 'manual'; outboxId: string | null }> => {
    const { db } = deps;
    const incident = await getIncident(db, input.incidentId);
    const obligation = incident
      ? parseState(incident)?.obligations.find((o) => o.id === input.obligationId)
      : undefined;
    if (!obligation) throw new Error(`obligation ${input.obligationId} not found`);
    const information = await getNote(db, input.informationNoteId);
    const { org, view } = await loadIncidentView(db, input.incidentId, deps.baseUrl);
    // In the regulator's language, with that language's free text or its built-in texts, never another's.
    const locale = regulatorReportLocale(obligation.regime);
    const report = renderRegulatorReport(locale, {
      org: orgView(org),
      incident: await withPublishedLinkOnly(db, input.incidentId, view),
      regulator: regulatorOf(obligation, locale),
      phase: 'supplementary',
      content: obligation.content,
      delayReason: null,
      holdNote: null,
      supplement: information,
    });
    const version = `supplement:${input.informationNoteId}`;
    await saveNotice(db, {
      incidentId: input.incidentId,
      noticeVersion: version,
      audience: `regulator:${obligation.id}`,
      locale,
      channel: 'email',
      subject: report.subject,
      html: report.html,
      text: report.text,
      createdAt: nowIso(),
    });
    const contact = regulatorFor(org, obligation.id, obligation.regime);
    if (!contact?.email) return { status: 'manual', outboxId: null };
    const row = await ensureOutboxRow(db, {
      id: newId(),
      incidentId: input.incidentId,
      kind: 'regulator',
      recipientRef: obligation.id,
      channel: 'email',
      locale,
      noticeVersion: version,
      template: 'regulator-report-supplement',
    });
    if (row.status === 'pending') {
      const outcome = await deliverRow(
        db,
        row,
        () =>
          deps.email.sendEmail({
            to: contact.email!,
            ...report,
            customArgs: { outboxId: row.id, incidentId: input.incidentId },
            categories: ['regulator-report'],
          }),
        deps.logger,
        attempt,
      );
      heartbeat();
      if (isRetryLater(outcome)) throw retryLaterFailure(outcome);
      return { status: outcome === 'sent' ? 'sent' : 'manual', outboxId: row.id };
    }
    return { status: row.status === 'sent' || row.status === 'delivered' ? 'sent' : 'manual', outboxId: row.id };
  };
