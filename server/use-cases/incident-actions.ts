// The human steps of an incident. Each stores its free text and personal data
// in SQLite under ids derived from the update id (so a retry writes nothing
// new), then runs the workflow update, which answers only once the new state
// is in SQLite. A validator's refusal removes what this request stored.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { UpdateDefinition } from '@temporalio/common';
import { newId } from '../../lib/ids';
import type { Tx } from '../../store/connection';
import { deleteNotesTx, insertNoteTx } from '../../store/notes';
import {
  deleteAssessmentTx,
  deleteControllersTx,
  insertAssessmentTx,
  insertControllerTx,
} from '../../store/assessment-records';
import { deleteHoldTx, insertHoldTx, releaseHolds } from '../../store/holds';
import { insertFiling } from '../../store/filings';
import { obligationDue } from '../../store/incident-obligations';
import { getIncident } from '../../store/incident-store';
import {
  approveNoticesUpdate,
  assessUpdate,
  changeAwarenessUpdate,
  closeUpdate,
  placeHoldUpdate,
  recomputeUpdate,
  recordFilingUpdate,
  supplementReportUpdate,
  releaseHoldUpdate,
  triageUpdate,
} from '../../workflows/incident';
import type { UpdateResult } from '../../workflows/types';
import { actorOf, type AuthUser } from '../auth';
import { HttpError, notFound } from '../errors';
import type {
  approvalSchema,
  assessmentSchema,
  awarenessSchema,
  closeSchema,
  filingSchema,
  holdSchema,
  recomputeSchema,
  releaseSchema,
  supplementSchema,
  triageSchema,
} from '../schemas';
import type { UseCaseContext } from './context';
import { nowIso } from '../../lib/clock';

const derivedId = (prefix: string, updateId: string, part = '') =>
  `${prefix}_${createHash('sha256').update(`${updateId}|${part}`).digest('hex').slice(0, 26)}`;

async function requireIncident(ctx: UseCaseContext, id: string) {
  const row = await getIncident(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

function insertNote(tx: Tx, id: string, incidentId: string, kind: string, body: string, by: string) {
  return insertNoteTx(tx, { id, incidentId, kind, body, createdBy: by });
}

/**
 * Stores the request's SQLite side, runs the update, and undoes the SQLite side when the
 * workflow refuses it (409). A 503 keeps it: the update may still be accepted later, and
 * a retry with the same key reuses the same rows.
 */
async function withUpdate<A extends object>(
  ctx: UseCaseContext,
  incidentId: string,
  name: string,
  idempotencyKey: string | null,
  store: (tx: Tx, updateId: string) => Promise<void>,
  undo: (tx: Tx, updateId: string) => Promise<void>,
  def: UpdateDefinition<UpdateResult, [A]>,
  arg: (updateId: string) => A,
): Promise<UpdateResult> {
  await requireIncident(ctx, incidentId);
  // Stored rows take ids derived from the key, so a retry with the same key writes nothing new.
  const updateId = `${name}:${idempotencyKey ?? newId()}`;
  await ctx.db.transaction((tx) => store(tx, updateId));
  try {
    return await ctx.gateway.update(incidentId, def, arg(updateId), updateId);
  } catch (err) {
    if (err instanceof HttpError && err.status === 409) await ctx.db.transaction((tx) => undo(tx, updateId));
    throw err;
  }
}

const deleteNotes = (ids: string[]) => (tx: Tx) => deleteNotesTx(tx, ids);

export function triage(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof triageSchema>,
  user: AuthUser,
  key: string | null,
) {
  const note = (u: string) => derivedId('note', u);
  return withUpdate(
    ctx,
    incidentId,
    'triage',
    key,
    (tx, u) => insertNote(tx, note(u), incidentId, `triage.${body.decision}`, body.reason, user.id),
    (tx, u) => deleteNotes([note(u)])(tx),
    triageUpdate,
    (u) => ({
      decision: body.decision,
      reasonNoteId: note(u),
      awarenessAt: body.awarenessAt ? new Date(body.awarenessAt).toISOString() : undefined,
      actor: actorOf(user),
    }),
  );
}

export function changeAwareness(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof awarenessSchema>,
  user: AuthUser,
  key: string | null,
) {
  const note = (u: string) => derivedId('note', u);
  return withUpdate(
    ctx,
    incidentId,
    'awareness',
    key,
    (tx, u) => insertNote(tx, note(u), incidentId, 'awareness.changed', body.reason, user.id),
    (tx, u) => deleteNotes([note(u)])(tx),
    changeAwarenessUpdate,
    (u) => ({ awarenessAt: new Date(body.awarenessAt).toISOString(), reasonNoteId: note(u), actor: actorOf(user) }),
  );
}

export function assess(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof assessmentSchema>,
  user: AuthUser,
  key: string | null,
) {
  const assessmentId = (u: string) => derivedId('asm', u);
  const controllerIds = (u: string) => body.controllers.map((_, i) => derivedId('ctl', u, String(i)));
  return withUpdate(
    ctx,
    incidentId,
    'assessment',
    key,
    async (tx, u) => {
      const now = nowIso();
      await insertNote(tx, assessmentId(u), incidentId, 'assessment.rationale', body.riskRationale, user.id);
      await insertAssessmentTx(tx, {
        id: assessmentId(u),
        incidentId,
        approximateRecords: body.approximateRecords ?? null,
        narrative: body.narrative,
        createdAt: now,
        createdBy: user.id,
      });
      const ids = controllerIds(u);
      for (const [i, c] of body.controllers.entries()) {
        await insertControllerTx(tx, {
          id: ids[i]!,
          incidentId,
          name: c.name,
          email: c.email,
          locale: c.locale,
          createdAt: now,
        });
      }
    },
    async (tx, u) => {
      await deleteControllersTx(tx, controllerIds(u));
      await deleteAssessmentTx(tx, assessmentId(u));
      await deleteNotesTx(tx, [assessmentId(u)]);
    },
    assessUpdate,
    (u) => ({
      assessmentId: assessmentId(u),
      dataElements: body.dataElements,
      encrypted: body.encrypted,
      keyCompromised: body.keyCompromised,
      role: body.role,
      controllerIds: body.role === 'processor' ? controllerIds(u) : [],
      riskLevel: body.riskLevel,
      affected: body.affected,
      sectors: body.sectors,
      channelPolicy: body.channelPolicy,
      approximateRecords: body.approximateRecords,
      actor: actorOf(user),
    }),
  );
}

export function placeHold(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof holdSchema>,
  user: AuthUser,
  key: string | null,
) {
  const holdId = (u: string) => derivedId('hold', u);
  return withUpdate(
    ctx,
    incidentId,
    'hold',
    key,
    (tx, u) =>
      insertHoldTx(tx, {
        id: holdId(u),
        incidentId,
        source: body.source,
        agency: body.agency || null,
        caseReference: body.caseReference || null,
        form: body.form,
        reason: body.reason,
        reviewEveryDays: body.reviewEveryDays,
        placedAt: nowIso(),
        placedBy: user.id,
      }),
    (tx, u) => deleteHoldTx(tx, holdId(u)),
    placeHoldUpdate,
    (u) => ({
      holdId: holdId(u),
      source: body.source,
      form: body.form,
      reviewEveryDays: body.reviewEveryDays,
      actor: actorOf(user),
    }),
  );
}

export async function releaseHold(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof releaseSchema>,
  user: AuthUser,
  key: string | null,
) {
  const note = (u: string) => derivedId('note', u);
  const r = await withUpdate(
    ctx,
    incidentId,
    'release',
    key,
    (tx, u) => insertNote(tx, note(u), incidentId, 'hold.released', body.reason, user.id),
    (tx, u) => deleteNotes([note(u)])(tx),
    releaseHoldUpdate,
    (u) => ({ reasonNoteId: note(u), actor: actorOf(user) }),
  );
  await releaseHolds(ctx.db, { incidentId, reason: body.reason, at: nowIso() });
  return r;
}

export function approve(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof approvalSchema>,
  user: AuthUser,
  key: string | null,
) {
  const note = (u: string) => derivedId('note', u);
  return withUpdate(
    ctx,
    incidentId,
    'approval',
    key,
    (tx, u) => insertNote(tx, note(u), incidentId, 'approval', body.note || 'approved', user.id),
    (tx, u) => deleteNotes([note(u)])(tx),
    approveNoticesUpdate,
    (u) => ({ noticeVersion: body.noticeVersion, noteId: note(u), actor: actorOf(user) }),
  );
}

export async function recordFiling(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof filingSchema>,
  user: AuthUser,
  key: string | null,
) {
  const ref = (u: string) => derivedId('note', u, 'ref');
  const delay = (u: string) => derivedId('note', u, 'delay');
  const obligation = await obligationDue(ctx.db, incidentId, body.obligationId);
  if (!obligation) throw new HttpError(400, 'unknown obligation for this incident', 'obligationId');
  const late = obligation.due_at !== null && Date.now() > Date.parse(obligation.due_at);
  if (late && !body.delayReason)
    throw new HttpError(
      400,
      'a filing after its deadline must give the reasons for the delay (GDPR Art. 33(1))',
      'delayReason',
    );
  const r = await withUpdate(
    ctx,
    incidentId,
    'filing',
    key,
    async (tx, u) => {
      await insertNote(tx, ref(u), incidentId, 'filing.reference', body.reference, user.id);
      if (body.delayReason)
        await insertNote(tx, delay(u), incidentId, 'filing.delay_reason', body.delayReason, user.id);
    },
    (tx, u) => deleteNotes([ref(u), delay(u)])(tx),
    recordFilingUpdate,
    (u) => ({
      obligationId: body.obligationId,
      referenceNoteId: ref(u),
      late,
      delayReasonNoteId: body.delayReason ? delay(u) : undefined,
      actor: actorOf(user),
    }),
  );
  await insertFiling(ctx.db, {
    id: derivedId('fil', key ?? newId(), body.obligationId),
    incidentId,
    obligationId: body.obligationId,
    reference: body.reference,
    delayReason: body.delayReason ?? null,
    late,
    createdAt: nowIso(),
    createdBy: user.id,
  });
  return r;
}

export function closeIncident(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof closeSchema>,
  user: AuthUser,
  key: string | null,
) {
  const note = (u: string) => derivedId('note', u);
  return withUpdate(
    ctx,
    incidentId,
    'close',
    key,
    (tx, u) => insertNote(tx, note(u), incidentId, 'close.summary', body.summary, user.id),
    (tx, u) => deleteNotes([note(u)])(tx),
    closeUpdate,
    (u) => ({ summaryNoteId: note(u), actor: actorOf(user) }),
  );
}

export function recompute(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof recomputeSchema>,
  user: AuthUser,
  key: string | null,
) {
  return withUpdate(
    ctx,
    incidentId,
    'recompute',
    key,
    async () => undefined,
    async () => undefined,
    recomputeUpdate,
    () => ({ reason: body.reason, actor: actorOf(user) }),
  );
}

export function supplementReport(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof supplementSchema>,
  user: AuthUser,
  key: string | null,
) {
  const note = (u: string) => derivedId('note', u);
  return withUpdate(
    ctx,
    incidentId,
    'supplement',
    key,
    (tx, u) => insertNote(tx, note(u), incidentId, 'regulator.supplement', body.information, user.id),
    (tx, u) => deleteNotes([note(u)])(tx),
    supplementReportUpdate,
    (u) => ({ obligationId: body.obligationId, informationNoteId: note(u), actor: actorOf(user) }),
  );
}
