// Deadline reminders and escalations go to the incident owner address from the
// organisation profile; each is an outbox row keyed by the timer, so a retried
// activity never reminds twice.
import { newId } from '../lib/ids';
import type { Db } from '../store/connection';
import { ensureOutboxRow } from '../store/outbox';
import { getIncident, parseState } from '../store/incident-store';
import { getOrgProfile } from '../store/org-profile';
import type { SendAttempt } from './send-attempt';
import { deliverRow, isRetryLater, retryLaterFailure } from './deliver';
import { orgView } from './incident-view';
import { renderReminderEmail } from './render';
import type { EmailProvider } from './providers';
import type { Logger } from '../lib/logger';

export const createSendReminder =
  (deps: { db: Db; email: EmailProvider; logger: Logger; baseUrl: string }) =>
  async (
    input: {
      incidentId: string;
      obligationId: string | null;
      kind: 'reminder' | 'escalation' | 'hold_review';
      key: string;
    },
    attempt: SendAttempt,
  ): Promise<{ outboxId: string }> => {
    const { db } = deps;
    const incident = await getIncident(db, input.incidentId);
    if (!incident) throw new Error(`incident ${input.incidentId} not found`);
    const o = input.obligationId
      ? (parseState(incident)?.obligations.find((x) => x.id === input.obligationId) ?? null)
      : null;
    const org = await getOrgProfile(db);
    const rendered = renderReminderEmail('en', {
      org: orgView(org),
      incidentRef: incident.id,
      incidentTitle: incident.title,
      kind: input.kind,
      obligation: o
        ? {
            regime: o.regime,
            audience: o.audience,
            recipient: o.recipient,
            basis: o.basis,
            deadline: o.deadline,
            dueAt: o.dueAt,
          }
        : null,
      incidentUrl: `${deps.baseUrl}/incidents/${incident.id}`,
    });
    const row = await ensureOutboxRow(db, {
      id: newId(),
      incidentId: input.incidentId,
      kind: 'reminder',
      recipientRef: input.key,
      channel: 'email',
      locale: 'en',
      noticeVersion: input.kind,
      template: `owner-${input.kind}`,
    });
    if (row.status === 'pending') {
      const outcome = await deliverRow(
        db,
        row,
        () =>
          deps.email.sendEmail({
            to: org.incidentOwnerEmail,
            ...rendered,
            customArgs: { outboxId: row.id },
            categories: ['deadline-reminder'],
          }),
        deps.logger,
        attempt,
      );
      if (isRetryLater(outcome)) throw retryLaterFailure(outcome);
    }
    return { outboxId: row.id };
  };
