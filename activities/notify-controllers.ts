// Processor to controller (GDPR Art. 33(2)): each affected controller gets what
// it needs for its own filing, in its language. Not gated on approval: the
// processor's duty runs "without undue delay" from awareness.
import { createHash } from 'node:crypto';
import { heartbeat } from '@temporalio/activity';
import { newId } from '../lib/ids';
import type { Db } from '../store/connection';
import { ensureOutboxRow } from '../store/outbox';
import type { SendAttempt } from './send-attempt';
import { getIncident, parseState } from '../store/incident-store';
import { listControllers } from '../store/controllers';
import { deliverRow, isRetryLater, retryLaterFailure } from './deliver';
import { loadIncidentView, orgView } from './incident-view';
import { normalizeLocale, renderControllerEmail } from './render';
import type { EmailProvider } from './providers';
import type { Logger } from '../lib/logger';

export const createNotifyControllers =
  (deps: { db: Db; email: EmailProvider; logger: Logger; baseUrl: string }) =>
  async (
    input: { incidentId: string },
    attempt: SendAttempt,
  ): Promise<{ sent: number; failed: number; uncertain: number }> => {
    const { db } = deps;
    const { org, view } = await loadIncidentView(db, input.incidentId, deps.baseUrl);
    // Only the controllers the workflow recorded: a retried request may have left unreferenced rows.
    const incident = await getIncident(db, input.incidentId);
    const ids = (incident ? parseState(incident)?.facts?.controllerIds : undefined) ?? [];
    const controllers = await listControllers(db, input.incidentId, ids);
    const result = { sent: 0, failed: 0, uncertain: 0 };
    for (const c of controllers) {
      const locale = normalizeLocale(c.locale);
      const rendered = renderControllerEmail(locale, {
        org: orgView(org),
        incident: view,
        controller: { name: c.name },
      });
      const version = createHash('sha256').update(JSON.stringify(rendered)).digest('hex').slice(0, 32);
      const row = await ensureOutboxRow(db, {
        id: newId(),
        incidentId: input.incidentId,
        kind: 'controller',
        recipientRef: c.id,
        channel: 'email',
        locale,
        noticeVersion: version,
        template: 'controller-email',
      });
      if (row.status !== 'pending') {
        if (row.status === 'sent' || row.status === 'delivered') result.sent++;
        else if (row.status === 'uncertain') result.uncertain++;
        else result.failed++;
        continue;
      }
      const outcome = await deliverRow(
        db,
        row,
        () =>
          deps.email.sendEmail({
            to: c.email,
            ...rendered,
            customArgs: { outboxId: row.id, incidentId: input.incidentId },
            categories: ['controller-notice'],
          }),
        deps.logger,
        attempt,
      );
      if (isRetryLater(outcome)) throw retryLaterFailure(outcome);
      if (outcome === 'sent') result.sent++;
      else if (outcome === 'failed') result.failed++;
      else if (outcome === 'uncertain') result.uncertain++;
      heartbeat();
    }
    return result;
  };
