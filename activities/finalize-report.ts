// The post-incident report: timeline, decisions with who and why, delivery
// statistics and the audit chain's head hash, so the chain can be checked
// against a copy kept elsewhere.
import { actorNames } from '../store/timeline';
import { actorLabel } from '../lib/actor-label';
import type { Db } from '../store/connection';
import { auditHead, listIncidentAudit } from '../store/audit';
import { getIncident, getNote, parseState } from '../store/incident-store';
import { subjectDeliveryStats } from '../store/outbox';
import { saveClosingReport } from '../store/reports';
import { loadIncidentView, orgView } from './incident-view';
import { renderClosingReport } from './render';
import { nowIso } from '../lib/clock';
import { chartInputOf, deadlineChartSvg } from '../lib/deadline-chart';
import { isMet } from '../lib/obligation-urgency';

const NOTE_FIELDS = [
  'reasonNoteId',
  'assessmentId',
  'noteId',
  'summaryNoteId',
  'referenceNoteId',
  'delayReasonNoteId',
  'informationNoteId',
];

export async function buildClosingReport(
  db: Db,
  incidentId: string,
  baseUrl: string,
): Promise<{ html: string; head: { seq: number; hash: string } | null }> {
  const row = await getIncident(db, incidentId);
  if (!row) throw new Error(`incident ${incidentId} not found`);
  const state = parseState(row);
  const { org, view } = await loadIncidentView(db, incidentId, baseUrl);
  const audit = await listIncidentAudit(db, incidentId);
  const names = await actorNames(db, incidentId);
  const timeline = [];
  let summary: string | null = null;
  for (const a of audit) {
    const details = JSON.parse(a.details_json) as Record<string, unknown>;
    const reasons: string[] = [];
    for (const f of NOTE_FIELDS) {
      const note = typeof details[f] === 'string' ? await getNote(db, details[f] as string) : null;
      if (note) reasons.push(note);
      if (f === 'summaryNoteId' && note) summary = note;
    }
    timeline.push({
      seq: a.seq,
      at: a.at,
      type: a.type,
      actor: actorLabel(a.actor, names),
      actorId: a.actor,
      summary: reasons.length ? `${a.summary} — ${reasons.join(' / ')}` : a.summary,
    });
  }
  // The chart as it stood at the close: "now" is the closing time, so the report reads the same whenever it is opened.
  const chart = chartInputOf(
    {
      awarenessAt: row.awareness_at,
      obligations: (state?.obligations ?? []).map((o) => ({
        id: o.id,
        recipient: o.recipient,
        audience: o.audience,
        required: o.required,
        status: o.status,
        dueAt: o.dueAt,
        dueNow: o.dueNow === true,
        clockStartedAt: o.clockStartedAt ?? null,
        met: isMet(o.status),
        fulfilledAt: o.fulfilledAt ?? null,
        metAt: o.metAt ?? null,
      })),
      waves: (state?.waves ?? []).map((w) => ({
        startedAt: w.startedAt,
        endedAt: w.endedAt ?? null,
        sent: w.summary?.sent ?? null,
        status: w.status,
      })),
      timeline,
    },
    state?.closedAt ?? nowIso(),
  );
  const stats = await subjectDeliveryStats(db, incidentId);
  const head = await auditHead(db);
  const html = renderClosingReport({
    org: orgView(org),
    incident: {
      ...view,
      // The closing report stays inside the organisation: it names the incident as its people know it.
      title: row.title,
      stage: row.stage,
      status: row.status,
      severity: row.severity,
      awarenessAt: row.awareness_at,
      closedAt: state?.closedAt ?? null,
      summary,
    },
    timeline,
    obligations: (state?.obligations ?? []).map((o) => ({
      regime: o.regime,
      audience: o.audience,
      recipient: o.recipient,
      basis: o.basis,
      dueAt: o.dueAt,
      status: o.status,
      fulfilledAt: o.fulfilledAt ?? null,
      unconfirmedFacts: o.unconfirmedFacts ?? [],
    })),
    stats,
    auditHead: head,
    deadlineChart: chart ? deadlineChartSvg(chart) : null,
  });
  return { html, head };
}

export const createFinalizeReport =
  (deps: { db: Db; baseUrl: string }) =>
  async (input: { incidentId: string }): Promise<{ seq: number; hash: string } | null> => {
    const { html, head } = await buildClosingReport(deps.db, input.incidentId, deps.baseUrl);
    await saveClosingReport(deps.db, { incidentId: input.incidentId, html, auditHead: head, createdAt: nowIso() });
    return head;
  };
