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
import { deleteApprovalOptionsTx, saveApprovalOptionsTx } from '../../store/notices';
import { deleteAssessmentTx, insertAssessmentTx } from '../../store/assessments';
import { deleteControllersTx, insertControllerTx } from '../../store/controllers';
import { deleteHoldTx, insertHoldTx, releaseHolds } from '../../store/holds';
import { insertFiling } from '../../store/filings';
import { obligationDue } from '../../store/incident-obligations';
import {
  deleteActionRequestTx,
  findActionRequestTx,
  insertActionRequestTx,
  type ActionRequestKey,
} from '../../store/action-requests';
import { requestDigest } from '../../lib/request-digest';
import { getIncident } from '../../store/incident-store';
import { incidentAuditMentions } from '../../store/audit';
import {
  approveNoticesUpdate,
  assessUpdate,
  changeAwarenessUpdate,
  closeUpdate,
  placeHoldUpdate,
  recomputeUpdate,
  recordDeterminationUpdate,
  recordFilingUpdate,
  supplementReportUpdate,
  releaseHoldUpdate,
  triageUpdate,
} from '../../workflows/incident/messages';
import type { UpdateResult } from '../../workflows/types';
import { actorOf, type AuthUser } from '../auth';
import { HttpError, notFound } from '../errors';
import type {
  approvalSchema,
  assessmentSchema,
  awarenessSchema,
  closeSchema,
  determinationSchema,
  filingSchema,
  holdSchema,
  recomputeSchema,
  releaseSchema,
  supplementSchema,
  triageSchema,
} from '../schemas';
import type { UseCaseContext } from './context';
import { refuseUnreadyApproval } from './approval-readiness';
import { nowIso } from '../../lib/clock';

const derivedId = (prefix: string, updateId: string, part = '') =>
  `${prefix}_${createHash('sha256').update(`${updateId}|${part}`).digest('hex').slice(0, 26)}`;

async function requireIncident(ctx: UseCaseContext, id: string) {
  const row = await getIncident(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

interface UpdateRun<Request extends object> {
  ctx: UseCaseContext;
  incidentId: string;
  /** Names the step: a key is one request per (incident, action). */
  action: string;
  idempotencyKey: string | null;
  /** The validated request body: a key sent again with another body is refused. */
  body: object;
  update: UpdateDefinition<UpdateResult, [Request]>;
  /** The workflow's request; built from the update id, so the ids it carries match the rows `store` wrote. */
  request: (updateId: string) => Request;
  /** The request's free text and personal data, written before the workflow hears of them. */
  store?: (tx: Tx, updateId: string) => Promise<void>;
  /** Removes what `store` wrote, when the workflow refuses the update. */
  undo?: (tx: Tx, updateId: string) => Promise<void>;
  /** Runs once the workflow has accepted the update. */
  accepted?: (updateId: string) => Promise<void>;
}

/**
 * Stores the request's SQLite side, runs the update, and undoes the SQLite side when the
 * workflow refuses it (409). A 503 keeps it: the update may still be accepted later, and
 * a retry with the same key reuses the same rows.
 */
async function withUpdate<Request extends object>(run: UpdateRun<Request>): Promise<UpdateResult> {
  const { ctx, incidentId, action, idempotencyKey, store, undo } = run;
  await requireIncident(ctx, incidentId);
  // Stored rows take ids derived from the update id, so a retry with the same key writes nothing new.
  // The incident is part of it: the same key sent for two incidents must not share (or delete) rows.
  const updateId = `${action}:${incidentId}:${idempotencyKey ?? newId()}`;
  const requestKey = idempotencyKey ? { incidentId, action, idempotencyKey } : null;
  const retry = await ctx.db.transaction(async (tx) => {
    const seen = requestKey ? await claimRequestKey(tx, requestKey, requestDigest(run.body)) : false;
    if (store) await store(tx, updateId);
    return seen;
  });
  let result: UpdateResult;
  try {
    result = await ctx.gateway.update(incidentId, run.update, run.request(updateId), updateId);
  } catch (err) {
    if (err instanceof HttpError && err.status === 409) {
      // A retry whose first attempt went through and ended the workflow (a dismissal, a close), which now
      // refuses every update: the timeline names the request's note. It gets the answer the first would
      // have had, and the first attempt's rows stay.
      if (retry && store && (await incidentAuditMentions(ctx.db, incidentId, noteIdOf(updateId)))) {
        const row = await getIncident(ctx.db, incidentId);
        if (row) return { incidentId, stage: row.stage as UpdateResult['stage'], stateVersion: row.state_version };
      }
      // A refused request leaves nothing behind, its key included: the key may carry a corrected request.
      if (undo || requestKey)
        await ctx.db.transaction(async (tx) => {
          if (undo) await undo(tx, updateId);
          if (requestKey) await deleteActionRequestTx(tx, requestKey);
        });
    }
    throw err;
  }
  if (run.accepted) await run.accepted(updateId);
  return result;
}

/**
 * A key seen before with the same body is a retry (the workflow answers it as the first time; true);
 * with another, a mistake.
 */
async function claimRequestKey(tx: Tx, key: ActionRequestKey, requestSha256: string): Promise<boolean> {
  const prior = await findActionRequestTx(tx, key);
  if (!prior) {
    await insertActionRequestTx(tx, { ...key, requestSha256, createdAt: nowIso() });
    return false;
  }
  if (prior.request_sha256 !== requestSha256)
    throw new HttpError(409, 'this key was used for another request', 'Idempotency-Key');
  return true;
}

const noteIdOf = (updateId: string) => derivedId('note', updateId);

export function triage(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof triageSchema>,
  user: AuthUser,
  key: string | null,
) {
  return withUpdate({
    ctx,
    incidentId,
    action: 'triage',
    idempotencyKey: key,
    body,
    store: (tx, updateId) =>
      insertNoteTx(tx, {
        id: noteIdOf(updateId),
        incidentId,
        kind: `triage.${body.decision}`,
        body: body.reason,
        createdBy: user.id,
      }),
    undo: (tx, updateId) => deleteNotesTx(tx, [noteIdOf(updateId)]),
    update: triageUpdate,
    request: (updateId) => ({
      decision: body.decision,
      reasonNoteId: noteIdOf(updateId),
      awarenessAt: body.awarenessAt ? new Date(body.awarenessAt).toISOString() : undefined,
      actor: actorOf(user),
    }),
  });
}

export function changeAwareness(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof awarenessSchema>,
  user: AuthUser,
  key: string | null,
) {
  return withUpdate({
    ctx,
    incidentId,
    action: 'awareness',
    idempotencyKey: key,
    body,
    ...keptAsNote(incidentId, 'awareness.changed', body.reason, user),
    update: changeAwarenessUpdate,
    request: (updateId) => ({
      awarenessAt: new Date(body.awarenessAt).toISOString(),
      reasonNoteId: noteIdOf(updateId),
      actor: actorOf(user),
    }),
  });
}

export function recordDetermination(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof determinationSchema>,
  user: AuthUser,
  key: string | null,
) {
  return withUpdate({
    ctx,
    incidentId,
    action: 'determination',
    idempotencyKey: key,
    body,
    // The reason is free text: it stays in SQLite and the workflow gets its note id.
    ...keptAsNote(incidentId, 'determination.recorded', body.reason, user),
    update: recordDeterminationUpdate,
    request: (updateId) => ({
      discoveredAt: body.discoveredAt,
      notifiableAt: body.notifiableAt,
      materialityAt: body.materialityAt,
      reasonNoteId: noteIdOf(updateId),
      actor: actorOf(user),
    }),
  });
}

export function assess(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof assessmentSchema>,
  user: AuthUser,
  key: string | null,
) {
  const assessmentIdOf = (updateId: string) => derivedId('asm', updateId);
  const controllerIdsOf = (updateId: string) =>
    body.controllers.map((_, index) => derivedId('ctl', updateId, String(index)));
  return withUpdate({
    ctx,
    incidentId,
    action: 'assessment',
    idempotencyKey: key,
    body,
    store: async (tx, updateId) => {
      const now = nowIso();
      const assessmentId = assessmentIdOf(updateId);
      await insertNoteTx(tx, {
        id: assessmentId,
        incidentId,
        kind: 'assessment.rationale',
        body: body.riskRationale,
        createdBy: user.id,
      });
      await insertAssessmentTx(tx, {
        id: assessmentId,
        incidentId,
        approximateRecords: body.approximateRecords ?? null,
        identityProtectionOffered: body.identityProtectionOffered,
        narrative: body.narrative,
        publicHeadline: body.publicHeadline ?? body.publicHeadlines.en ?? null,
        publicHeadlines: body.publicHeadlines,
        createdAt: now,
        createdBy: user.id,
      });
      const controllerIds = controllerIdsOf(updateId);
      for (const [index, controller] of body.controllers.entries()) {
        await insertControllerTx(tx, {
          id: controllerIds[index]!,
          incidentId,
          name: controller.name,
          email: controller.email,
          locale: controller.locale,
          createdAt: now,
        });
      }
    },
    undo: async (tx, updateId) => {
      await deleteControllersTx(tx, controllerIdsOf(updateId));
      await deleteAssessmentTx(tx, assessmentIdOf(updateId));
      await deleteNotesTx(tx, [assessmentIdOf(updateId)]);
    },
    update: assessUpdate,
    request: (updateId) => ({
      assessmentId: assessmentIdOf(updateId),
      dataElements: body.dataElements,
      encrypted: body.encrypted,
      keyCompromised: body.keyCompromised,
      role: body.role,
      controllerIds: body.role === 'processor' ? controllerIdsOf(updateId) : [],
      riskLevel: body.riskLevel,
      affected: body.affected,
      sectors: body.sectors,
      channelPolicy: body.channelPolicy,
      approximateRecords: body.approximateRecords,
      actor: actorOf(user),
    }),
  });
}

export function placeHold(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof holdSchema>,
  user: AuthUser,
  key: string | null,
) {
  const holdIdOf = (updateId: string) => derivedId('hold', updateId);
  return withUpdate({
    ctx,
    incidentId,
    action: 'hold',
    idempotencyKey: key,
    body,
    store: (tx, updateId) =>
      insertHoldTx(tx, {
        id: holdIdOf(updateId),
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
    undo: (tx, updateId) => deleteHoldTx(tx, holdIdOf(updateId)),
    update: placeHoldUpdate,
    request: (updateId) => ({
      holdId: holdIdOf(updateId),
      source: body.source,
      form: body.form,
      reviewEveryDays: body.reviewEveryDays,
      actor: actorOf(user),
    }),
  });
}

/** The request's free text, kept as one note written with it and removed if the workflow refuses it. */
function keptAsNote(incidentId: string, kind: string, text: string, user: AuthUser) {
  return {
    store: (tx: Tx, updateId: string) =>
      insertNoteTx(tx, { id: noteIdOf(updateId), incidentId, kind, body: text, createdBy: user.id }),
    undo: (tx: Tx, updateId: string) => deleteNotesTx(tx, [noteIdOf(updateId)]),
  };
}

export async function releaseHold(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof releaseSchema>,
  user: AuthUser,
  key: string | null,
) {
  const result = await withUpdate({
    ctx,
    incidentId,
    action: 'release',
    idempotencyKey: key,
    body,
    ...keptAsNote(incidentId, 'hold.released', body.reason, user),
    update: releaseHoldUpdate,
    request: (updateId) => ({ reasonNoteId: noteIdOf(updateId), actor: actorOf(user) }),
  });
  await releaseHolds(ctx.db, { incidentId, reason: body.reason, at: nowIso() });
  return result;
}

export async function approve(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof approvalSchema>,
  user: AuthUser,
  key: string | null,
) {
  await requireIncident(ctx, incidentId);
  // Refused before anything is stored, so a refusal leaves the incident awaiting approval as it was.
  const { builtInTextLocales } = await refuseUnreadyApproval(ctx.db, ctx.publicLink, incidentId, {
    noticeVersion: body.noticeVersion,
    noPublicLink: body.noPublicLink,
    builtInTextLocales: body.builtInTextLocales,
  });
  const note = keptAsNote(incidentId, 'approval', body.note || 'approved', user);
  return withUpdate({
    ctx,
    incidentId,
    action: 'approval',
    idempotencyKey: key,
    body,
    // The link choice stays in SQLite, where the senders pick the variant: the workflow is unchanged.
    store: async (tx, updateId) => {
      await note.store(tx, updateId);
      await saveApprovalOptionsTx(tx, {
        incidentId,
        noticeVersion: body.noticeVersion,
        noPublicLink: body.noPublicLink,
        updateId,
        createdAt: nowIso(),
      });
    },
    undo: async (tx, updateId) => {
      await deleteApprovalOptionsTx(tx, updateId);
      await note.undo(tx, updateId);
    },
    update: approveNoticesUpdate,
    request: (updateId) => ({
      noticeVersion: body.noticeVersion,
      noteId: noteIdOf(updateId),
      actor: actorOf(user),
      notifyLaterImports: body.notifyLaterImports,
      correction: body.correction,
      // The choice is kept in the approval's audit event.
      ...(builtInTextLocales.length > 0 ? { builtInTextLocales } : {}),
    }),
  });
}

export async function recordFiling(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof filingSchema>,
  user: AuthUser,
  key: string | null,
) {
  const referenceNoteIdOf = (updateId: string) => derivedId('note', updateId, 'ref');
  const delayNoteIdOf = (updateId: string) => derivedId('note', updateId, 'delay');
  const obligation = await obligationDue(ctx.db, incidentId, body.obligationId);
  if (!obligation) throw new HttpError(400, 'unknown obligation for this incident', 'obligationId');
  const late = obligation.due_at !== null && Date.now() > Date.parse(obligation.due_at);
  if (late && !body.delayReason)
    throw new HttpError(
      400,
      'a filing after its deadline must give the reasons for the delay (GDPR Art. 33(1))',
      'delayReason',
    );
  return withUpdate({
    ctx,
    incidentId,
    action: 'filing',
    idempotencyKey: key,
    body,
    store: async (tx, updateId) => {
      await insertNoteTx(tx, {
        id: referenceNoteIdOf(updateId),
        incidentId,
        kind: 'filing.reference',
        body: body.reference,
        createdBy: user.id,
      });
      if (body.delayReason)
        await insertNoteTx(tx, {
          id: delayNoteIdOf(updateId),
          incidentId,
          kind: 'filing.delay_reason',
          body: body.delayReason,
          createdBy: user.id,
        });
    },
    undo: (tx, updateId) => deleteNotesTx(tx, [referenceNoteIdOf(updateId), delayNoteIdOf(updateId)]),
    update: recordFilingUpdate,
    request: (updateId) => ({
      obligationId: body.obligationId,
      referenceNoteId: referenceNoteIdOf(updateId),
      late,
      delayReasonNoteId: body.delayReason ? delayNoteIdOf(updateId) : undefined,
      actor: actorOf(user),
    }),
    // Recorded once the workflow has taken the filing; the id is derived, so a retry records it once.
    accepted: (updateId) =>
      insertFiling(ctx.db, {
        id: derivedId('fil', updateId, body.obligationId),
        incidentId,
        obligationId: body.obligationId,
        reference: body.reference,
        delayReason: body.delayReason ?? null,
        late,
        createdAt: nowIso(),
        createdBy: user.id,
      }),
  });
}

export function closeIncident(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof closeSchema>,
  user: AuthUser,
  key: string | null,
) {
  return withUpdate({
    ctx,
    incidentId,
    action: 'close',
    idempotencyKey: key,
    body,
    ...keptAsNote(incidentId, 'close.summary', body.summary, user),
    update: closeUpdate,
    request: (updateId) => ({ summaryNoteId: noteIdOf(updateId), actor: actorOf(user) }),
  });
}

export function recompute(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof recomputeSchema>,
  user: AuthUser,
  key: string | null,
) {
  return withUpdate({
    ctx,
    incidentId,
    action: 'recompute',
    idempotencyKey: key,
    body,
    ...keptAsNote(incidentId, 'recompute.reason', body.reason, user),
    update: recomputeUpdate,
    request: (updateId) => ({ reasonNoteId: noteIdOf(updateId), actor: actorOf(user) }),
  });
}

export function supplementReport(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof supplementSchema>,
  user: AuthUser,
  key: string | null,
) {
  return withUpdate({
    ctx,
    incidentId,
    action: 'supplement',
    idempotencyKey: key,
    body,
    ...keptAsNote(incidentId, 'regulator.supplement', body.information, user),
    update: supplementReportUpdate,
    request: (updateId) => ({
      obligationId: body.obligationId,
      informationNoteId: noteIdOf(updateId),
      actor: actorOf(user),
    }),
  });
}
