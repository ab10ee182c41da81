// A regulator report goes by email where the organisation profile gives the
// regulator an address; otherwise it is marked for manual portal filing and
// the rendered report waits on the incident page.
import { heartbeat } from '@temporalio/activity';
import { ulid } from 'ulid';
import type { Db } from './db/connection';
import { ensureOutboxRow, markAbandonedClaimsUncertain } from './db/outbox';
import { getIncident, parseState } from './db/incident-store';
import { getOrgProfile, regulatorFor } from './db/org-profile';
import { deliverRow, isRetryLater, retryLaterFailure } from './deliver';
import { storedNotice } from './render-notices';
import type { EmailProvider } from './providers';
import type { Logger } from './logger';

export const createSendRegulatorReport =
  (deps: { db: Db; email: EmailProvider; logger: Logger }) =>
  async (input: { incidentId: string; obligationId: string; noticeVersion: string; phase: 'initial' | 'supplementary' }): Promise<{ status: 'sent' | 'manual'; outboxId: string | null }> => {
    const { db } = deps;
    const incident = await getIncident(db, input.incidentId);
    const obligation = incident ? parseState(incident)?.obligations.find((o) => o.id === input.obligationId) : undefined;
    if (!obligation) throw new Error(`obligation ${input.obligationId} not found`);
    const contact = regulatorFor(await getOrgProfile(db), obligation.id, obligation.regime);
    const report = await storedNotice(db, input.incidentId, input.noticeVersion, `regulator:${obligation.id}`, 'en', 'email');
    if (!contact?.email || !report) return { status: 'manual', outboxId: null };
    await markAbandonedClaimsUncertain(db, input.incidentId, 'regulator');
    const row = await ensureOutboxRow(db, {
      id: ulid(),
      incidentId: input.incidentId,
      kind: 'regulator',
      recipientRef: obligation.id,
      channel: 'email',
      locale: 'en',
      noticeVersion: `${input.noticeVersion}:${input.phase}`,
      template: 'regulator-report',
    });
    if (row.status === 'pending') {
      const outcome = await deliverRow(
        db,
        row,
        () => deps.email.sendEmail({ to: contact.email!, subject: report.subject ?? '', html: report.html ?? '', text: report.text, customArgs: { outboxId: row.id, incidentId: input.incidentId }, categories: ['regulator-report'] }),
        deps.logger,
      );
      heartbeat();
      if (isRetryLater(outcome)) throw retryLaterFailure(outcome);
      return { status: outcome === 'sent' ? 'sent' : 'manual', outboxId: row.id };
    }
    return { status: row.status === 'sent' || row.status === 'delivered' ? 'sent' : 'manual', outboxId: row.id };
  };
