// Which incident an alert feeds, decided inside a write transaction: the open incident of its
// source's dedup key, or, for a trigger, a new incident (linked to the key's last closed one)
// whose workflow the forwarder starts with the first batch. Shared by the webhook's intake and
// the forwarder, which decides again the rows whose incident closed before they were delivered.
import { newId } from '../../lib/ids';
import {
  findLastClosedDedupTx,
  findOpenDedupTx,
  findSnoozeTx,
  insertOpenDedupTx,
  nextAlertSeqTx,
} from '../../store/alerts';
import type { Tx } from '../../store/connection';
import { insertIncidentTx } from '../../store/incident-store';
import { INCIDENT_WORKFLOW } from '../../workflows/incident/messages';
import type { AlertSignal } from '../../workflows/types';

export interface AlertToDecide {
  source: string;
  dedupKey: string;
  action: AlertSignal['action'];
  summary: string;
  severity: string;
}

/**
 * The incident and the row's place in its sequence, or null when the alert is ignored: no open
 * incident to acknowledge or resolve, or a trigger for a key snoozed on its source (Settings).
 */
export async function decideAlertTx(
  tx: Tx,
  alert: AlertToDecide,
  now: string,
  /** The key's open incident and its last seq, when the caller read them already in this transaction. */
  known?: { openIncidentId: string | null; maxSeq: number | null; snoozedUntil: string | null },
): Promise<{ incidentId: string; seq: number } | null> {
  if (known?.openIncidentId) return { incidentId: known.openIncidentId, seq: (known.maxSeq ?? 0) + 1 };
  const open = known ? undefined : await findOpenDedupTx(tx, alert.source, alert.dedupKey);
  let incidentId = open?.incident_id ?? null;
  if (!incidentId && alert.action === 'trigger') {
    const snoozed = known ? known.snoozedUntil : (await findSnoozeTx(tx, alert.source, alert.dedupKey, now))?.until;
    if (snoozed) return null;
    incidentId = newId();
    const last = await findLastClosedDedupTx(tx, alert.source, alert.dedupKey);
    await insertIncidentTx(tx, {
      id: incidentId,
      title: alert.summary.slice(0, 200),
      description: '',
      severity: alert.severity,
      detectedAt: now,
      occurredAt: null,
      detectionMethod: 'alert',
      detectionNote: alert.source,
      dataCategories: [],
      reporter: null,
      source: alert.source,
      linkedIncidentId: last?.incident_id ?? null,
      createdAt: now,
      createdBy: `webhook:${alert.source}`,
      workflowType: INCIDENT_WORKFLOW,
    });
    await insertOpenDedupTx(tx, { source: alert.source, dedupKey: alert.dedupKey, incidentId, openedAt: now });
    return { incidentId, seq: 1 };
  }
  return incidentId ? { incidentId, seq: await nextAlertSeqTx(tx, incidentId) } : null;
}
