// The send gate of an incident (migration 018): which data-subject notice version
// may be sent now. No row means ungated (sends allowed); a row whose allowed_version
// is NULL or another version blocks. The incident workflow writes it with the
// incident's state; every claim of a data-subject row checks it in the claim itself.
import type { Db, Tx } from './connection';
import { nowIso } from '../lib/clock';

export type SendGateReason = 'hold' | 'withdrawn' | 'closed' | 'not_approved';

export interface SendGateRow {
  incident_id: string;
  allowed_version: string | null;
  reason: string | null;
  updated_at: string;
}

export interface SendGateWrite {
  incidentId: string;
  /** The approved data-subject notice version that may be sent now; null: none may. */
  allowedVersion: string | null;
  /** A short code for the UI (SendGateReason), or null when open. */
  reason: string | null;
}

/**
 * True when the incident's gate lets `noticeVersion` be claimed. Parameters, in order: incident id,
 * notice version. Meant for the WHERE clause of the very statement that claims rows.
 */
export const GATE_OPEN_SQL =
  'NOT EXISTS (SELECT 1 FROM send_gates g WHERE g.incident_id = ? AND (g.allowed_version IS NULL OR g.allowed_version <> ?))';

/** Opens, closes or moves the gate; called inside the transaction that writes the incident's state. */
export async function writeSendGateTx(tx: Tx, g: SendGateWrite): Promise<void> {
  await tx.run(
    `INSERT INTO send_gates (incident_id, allowed_version, reason, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (incident_id) DO UPDATE SET allowed_version = excluded.allowed_version, reason = excluded.reason, updated_at = excluded.updated_at`,
    [g.incidentId, g.allowedVersion, g.reason, nowIso()],
  );
}

/** The incident's gate row; undefined when it has none (ungated). */
export async function readSendGate(db: Db, incidentId: string): Promise<SendGateRow | undefined> {
  return db.get<SendGateRow>(
    'SELECT incident_id, allowed_version, reason, updated_at FROM send_gates WHERE incident_id = ?',
    [incidentId],
  );
}

/** Whether a gate row (or its absence) lets `noticeVersion` be sent: the same rule as GATE_OPEN_SQL. */
export function gateAllows(gate: SendGateRow | undefined, noticeVersion: string): boolean {
  return !gate || gate.allowed_version === noticeVersion;
}

/** Reads the gate and says whether it blocks `noticeVersion` now. */
export async function isGateClosed(db: Db, incidentId: string, noticeVersion: string): Promise<boolean> {
  return !gateAllows(await readSendGate(db, incidentId), noticeVersion);
}
