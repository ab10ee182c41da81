// Triage from the page and from the API: dismissing is a stronger act than
// confirming, so it needs its own permission on top of incident.triage.
import type { z } from 'zod';
import type { AuthUser } from '../auth';
import { HttpError } from '../errors';
import { can } from '../permissions';
import type { triageSchema } from '../schemas';
import type { UseCaseContext } from './context';
import { triage } from './incident-actions';

export function decideTriage(
  ctx: UseCaseContext,
  incidentId: string,
  body: z.infer<typeof triageSchema>,
  user: AuthUser,
  idempotencyKey: string | null,
) {
  if (body.decision === 'dismiss' && !can(user.role, 'incident.dismiss'))
    throw new HttpError(403, 'dismissing requires the incident.dismiss permission (approver)', 'decision');
  return triage(ctx, incidentId, body, user, idempotencyKey);
}
