// Opening an incident: the row (with the personal and free-text parts) is
// committed first, then the workflow starts with ids and enums only. A retry
// with the same idempotency key returns the same incident and makes sure its
// workflow is running, which heals a crash between the two steps.
import { INCIDENT_WORKFLOW } from '../../workflows/incident/messages';
import { newId } from '../../lib/ids';
import type { z } from 'zod';
import { insertIncidentTx } from '../../store/incident-store';
import { findIdempotentAnswerTx, recordIdempotentAnswerTx } from '../../store/idempotency';
import type { AuthUser } from '../auth';
import { actorOf } from '../auth';
import type { incidentSchema } from '../schemas';
import { toDetectionMethod, type DetectionMethod, type IncidentInput } from '../../workflows/types';
import type { UseCaseContext } from './context';
import { nowIso } from '../../lib/clock';

export type NewIncidentBody = z.infer<typeof incidentSchema>;

/**
 * The code the workflow gets and the note SQLite keeps. Clients from before the codes send free
 * text as detectionMethod: it becomes `other`, and its words join an explicit detectionNote.
 */
export function detectionOf(body: { detectionMethod: string; detectionNote?: string }): {
  method: DetectionMethod;
  note: string | null;
} {
  const { code, note } = toDetectionMethod(body.detectionMethod);
  const notes = [note, body.detectionNote?.trim() || null].filter((n): n is string => n !== null);
  return { method: code, note: notes.length > 0 ? notes.join('\n') : null };
}

export async function openIncident(
  ctx: UseCaseContext,
  body: NewIncidentBody,
  user: AuthUser,
  idempotencyKey: string | null,
): Promise<{ id: string }> {
  const scopedKey = idempotencyKey ? `open-incident:${user.id}:${idempotencyKey}` : null;
  const id = newId();
  const createdAt = nowIso();
  const stored = await ctx.db.transaction(async (tx) => {
    if (scopedKey) {
      const prior = await findIdempotentAnswerTx(tx, scopedKey);
      if (prior) return JSON.parse(prior.body_json) as { id: string; input: IncidentInput };
    }
    const detection = detectionOf(body);
    const input: IncidentInput = {
      incidentId: id,
      createdAt,
      openedBy: actorOf(user),
      severity: body.severity,
      detectedAt: new Date(body.detectedAt).toISOString(),
      occurredAt: body.occurredAt ? new Date(body.occurredAt).toISOString() : undefined,
      detectionMethod: detection.method,
      dataCategories: body.dataCategories,
    };
    await insertIncidentTx(tx, {
      id,
      title: body.title,
      description: body.description,
      severity: body.severity,
      detectedAt: input.detectedAt,
      occurredAt: input.occurredAt ?? null,
      detectionMethod: detection.method,
      detectionNote: detection.note,
      dataCategories: body.dataCategories,
      reporter: body.reporter,
      source: null,
      linkedIncidentId: null,
      createdAt,
      createdBy: actorOf(user).id,
      workflowType: INCIDENT_WORKFLOW,
    });
    if (scopedKey) {
      await recordIdempotentAnswerTx(tx, {
        key: scopedKey,
        scope: 'open-incident',
        statusCode: 201,
        body: { id, input },
        createdAt,
      });
    }
    return { id, input };
  });
  // An answer stored before the codes holds the text; the workflow a retry starts gets only the code.
  await ctx.gateway.startIncident({
    ...stored.input,
    detectionMethod: toDetectionMethod(String(stored.input.detectionMethod)).code,
  });
  return { id: stored.id };
}
