// The dev mailbox page: what the local outbox provider kept instead of sending.
// Messages hold people's addresses and the notice text, so they follow their
// incident's restriction exactly as the incident page does.
import type { Db } from '../../store/connection';
import {
  findMailboxMessage,
  listMailboxIncidentIds,
  listMailboxMessages,
  type MailboxListRow,
  type MailboxMessageRow,
} from '../../store/dev-mailbox';
import type { AuthUser } from '../auth';
import { HttpError } from '../errors';
import { canSeeIncident, requireVisible } from './incident-access';

// A message whose incident is unknown (an SMS kept before messages recorded their incident)
// may belong to a restricted one, so only admins, who see every incident, see it.
const seesUnlinked = (user: AuthUser) => user.role === 'admin';

/** The newest messages the person may see; with `incidentId`, only that incident's (404 when it is not visible). */
export async function mailboxMessages(db: Db, user: AuthUser, incidentId: string | null): Promise<MailboxListRow[]> {
  if (incidentId !== null) {
    await requireVisible(db, user, incidentId);
    return listMailboxMessages(db, { incidentIds: [incidentId], unlinked: false });
  }
  if (seesUnlinked(user)) return listMailboxMessages(db, { incidentIds: 'all', unlinked: true });
  const visible: string[] = [];
  for (const id of await listMailboxIncidentIds(db)) if (await canSeeIncident(db, user, id)) visible.push(id);
  return listMailboxMessages(db, { incidentIds: visible, unlinked: false });
}

export async function mailboxMessage(db: Db, user: AuthUser, id: string): Promise<MailboxMessageRow> {
  const message = await findMailboxMessage(db, id);
  const visible =
    message !== undefined &&
    (message.incident_id === null ? seesUnlinked(user) : await canSeeIncident(db, user, message.incident_id));
  if (!visible) throw new HttpError(404, 'message not found', null);
  return message;
}
