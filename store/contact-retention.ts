// Legal holds and the purge of an incident's contact data, with the proof of notice kept.
import { createHmac, randomBytes } from 'node:crypto';
import { appSecretOnce } from './app-secrets';
import { actorLabel, appendAuditTx } from './audit';
import type { Db, Tx } from './connection';
import { jsonArrayLength } from './dialect';
import { destroyIncidentKeyTx, openContacts } from './contact-keys';
import { sealedColumnOf } from './outbox';
import type { Actor } from '../workflows/types';

/** Why a purge may not run now; `field` names what to change. */
export class PurgeRefused extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'PurgeRefused';
  }
}

export interface LegalHoldRow {
  id: string;
  incident_id: string;
  reason: string;
  placed_at: string;
  placed_by: string;
}

export interface PurgeRow {
  incident_id: string;
  purged_at: string;
  purged_by: string;
  people: number;
  proof_rows: number;
  mailbox_messages: number;
  rejected_rows: number;
}

export const activeLegalHold = (db: Db | Tx, incidentId: string) =>
  db.get<LegalHoldRow>(
    'SELECT id, incident_id, reason, placed_at, placed_by FROM legal_holds WHERE incident_id = ? AND released_at IS NULL',
    [incidentId],
  );

/** False when the incident already has a legal hold in force. */
export async function insertLegalHoldTx(tx: Tx, h: LegalHoldRow): Promise<boolean> {
  const r = await tx.run(
    `INSERT INTO legal_holds (id, incident_id, reason, placed_at, placed_by) VALUES (?,?,?,?,?)
     ON CONFLICT DO NOTHING`,
    [h.id, h.incident_id, h.reason, h.placed_at, h.placed_by],
  );
  return r.changes === 1;
}

export async function releaseLegalHoldTx(tx: Tx, incidentId: string, at: string, by: string) {
  const hold = await activeLegalHold(tx, incidentId);
  if (!hold) return undefined;
  await tx.run('UPDATE legal_holds SET released_at = ?, released_by = ? WHERE id = ?', [at, by, hold.id]);
  return hold;
}

export const findPurge = (db: Db | Tx, incidentId: string) =>
  db.get<PurgeRow>('SELECT * FROM contact_purges WHERE incident_id = ?', [incidentId]);

/** Each person's outbox rows with the address the row was for, a page at a time (by outbox id). */
export const outboxAddressesTx = (tx: Tx, incidentId: string, afterId: string, limit: number) =>
  tx.all<{ id: string; channel: string; address: string | null }>(
    `SELECT o.id, o.channel,
            CASE o.channel WHEN 'email' THEN s.email WHEN 'letter' THEN s.postal_address ELSE s.phone END AS address
       FROM outbox o JOIN subjects s ON s.id = o.subject_id
      WHERE o.incident_id = ? AND o.id > ? ORDER BY o.id LIMIT ?`,
    [incidentId, afterId, limit],
  );

export const setAddressHmacTx = (tx: Tx, outboxId: string, hmac: string | null) =>
  tx.run('UPDATE outbox SET address_hmac = ? WHERE id = ?', [hmac, outboxId]);

/** Deletes the contact data itself; ids, locales, jurisdictions and counts stay. Returns what was touched. */
export async function eraseContactsTx(tx: Tx, incidentId: string, at: string) {
  const people = await tx.run(
    // The identity key is an unkeyed hash of the email or phone, which a dictionary would reverse.
    `UPDATE subjects SET name = NULL, email = NULL, phone = NULL, postal_address = NULL, identity_key = 'purged:' || id, purged_at = ?
      WHERE incident_id = ? AND purged_at IS NULL`,
    [at, incidentId],
  );
  const mailbox = await tx.run('DELETE FROM dev_mailbox WHERE incident_id = ?', [incidentId]);
  const rejected = await tx.get<{ n: number }>(
    `SELECT COALESCE(SUM(${jsonArrayLength(tx, 'rejected_json')}), 0) AS n FROM subject_imports WHERE incident_id = ? AND rejected_json <> '[]'`,
    [incidentId],
  );
  await tx.run("UPDATE subject_imports SET rejected_json = '[]' WHERE incident_id = ?", [incidentId]);
  return { people: people.changes, mailboxMessages: mailbox.changes, rejectedRows: rejected?.n ?? 0 };
}

export async function insertPurgeTx(tx: Tx, p: PurgeRow): Promise<void> {
  await tx.run(
    `INSERT INTO contact_purges (incident_id, purged_at, purged_by, people, proof_rows, mailbox_messages, rejected_rows)
     VALUES (?,?,?,?,?,?,?)`,
    [p.incident_id, p.purged_at, p.purged_by, p.people, p.proof_rows, p.mailbox_messages, p.rejected_rows],
  );
}

/** When the incident closed (its workflow's `incident.closed` entry on the audit chain), if it has. */
export const closedAt = async (db: Db | Tx, incidentId: string): Promise<string | null> =>
  (
    await db.get<{ at: string | null }>(
      "SELECT MIN(at) AS at FROM audit_log WHERE incident_id = ? AND type = 'incident.closed'",
      [incidentId],
    )
  )?.at ?? null;

/** Closed incidents whose contact data is still kept, with when they closed. */
export const closedUnpurgedIncidents = (db: Db) =>
  db.all<{ id: string; closed_at: string }>(
    `SELECT a.incident_id AS id, MIN(a.at) AS closed_at FROM audit_log a
      WHERE a.type = 'incident.closed' AND a.incident_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM contact_purges p WHERE p.incident_id = a.incident_id)
      GROUP BY a.incident_id`,
  );

const PAGE = 1_000;

/** The key of the address HMACs: made once per installation, kept in its database. */
const proofKey = (db: Db) =>
  appSecretOnce(db, 'address_proof_key', () => randomBytes(32).toString('hex'), new Date().toISOString());

/** The address as it was matched on: emails compare without case, phones are stored in E.164, postal lines trimmed. */
export const normalisedAddress = (channel: string, address: string) =>
  channel === 'email'
    ? address.trim().toLowerCase()
    : channel === 'letter'
      ? address
          .split('\n')
          .map((l) => l.trim().replace(/\s+/g, ' '))
          .filter(Boolean)
          .join('\n')
          .toLowerCase()
      : address.trim();

/** What proves, after the purge, that a given address was sent a notice: HMAC-SHA256 under the installation's proof key. */
export async function addressProof(db: Db, channel: string, address: string): Promise<string> {
  return createHmac('sha256', Buffer.from(await proofKey(db), 'hex'))
    .update(`${channel}:${normalisedAddress(channel, address)}`)
    .digest('hex');
}

/**
 * Deletes the incident's contact data and keeps the proof, in one transaction, audited. Refused (PurgeRefused)
 * while the incident is open or under a legal hold; a second purge changes nothing and returns the first.
 */
export async function purgeContactData(db: Db, incidentId: string, by: Actor, now = new Date()): Promise<PurgeRow> {
  const key = Buffer.from(await proofKey(db), 'hex');
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const done = await findPurge(tx, incidentId);
    if (done) return done;
    if (!(await closedAt(tx, incidentId)))
      throw new PurgeRefused('the incident is not closed: contact data is kept while it is open', 'incident');
    const hold = await activeLegalHold(tx, incidentId);
    if (hold) throw new PurgeRefused(`a legal hold is in force (${hold.reason}); release it first`, 'legalHold');
    let proofRows = 0;
    for (let after = ''; ;) {
      const rows = await openContacts(tx, incidentId, await outboxAddressesTx(tx, incidentId, after, PAGE), {
        address: (r) => sealedColumnOf(r.channel),
      });
      for (const row of rows) {
        const address = row.address;
        const hmac = address
          ? createHmac('sha256', key)
              .update(`${row.channel}:${normalisedAddress(row.channel, address)}`)
              .digest('hex')
          : null;
        await setAddressHmacTx(tx, row.id, hmac);
        proofRows += 1;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    const erased = await eraseContactsTx(tx, incidentId, at);
    await destroyIncidentKeyTx(tx, incidentId);
    const purge: PurgeRow = {
      incident_id: incidentId,
      purged_at: at,
      purged_by: actorLabel(by),
      people: erased.people,
      proof_rows: proofRows,
      mailbox_messages: erased.mailboxMessages,
      rejected_rows: erased.rejectedRows,
    };
    await insertPurgeTx(tx, purge);
    await appendAuditTx(tx, {
      incidentId,
      type: 'contacts.purged',
      at,
      actor: by,
      summary: `Contact data of ${purge.people} people deleted; ${proofRows} delivery records kept as proof of notice`,
      details: {
        people: purge.people,
        proofRows,
        mailboxMessages: purge.mailbox_messages,
        rejectedRows: purge.rejected_rows,
      },
    });
    return purge;
  });
}

/** Closed incidents past retention, not held and not yet purged: what the scheduled run purges. */
export async function purgeDue(db: Db, days: number, by: Actor, now = new Date()): Promise<string[]> {
  const purged: string[] = [];
  for (const { id, closed_at } of await closedUnpurgedIncidents(db)) {
    if (Date.parse(closed_at) + days * 86_400_000 > now.getTime()) continue;
    if (await activeLegalHold(db, id)) continue;
    await purgeContactData(db, id, by, now);
    purged.push(id);
  }
  return purged;
}

/** The incident's delivery records whose address fingerprint matches: proof of notice after the purge. */
export const deliveryRecordsByProof = (db: Db, incidentId: string, hmac: string) =>
  db.all<{
    id: string;
    channel: string;
    status: string;
    provider_id: string | null;
    sent_at: string | null;
    notice_version: string;
  }>(
    'SELECT id, channel, status, provider_id, sent_at, notice_version FROM outbox WHERE incident_id = ? AND address_hmac = ? ORDER BY sent_at, id',
    [incidentId, hmac],
  );
