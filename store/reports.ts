// The closing report of an incident, kept with the audit chain's head it was
// built on so the chain can later be checked against it.
import type { Db } from './connection';

/** Stores the incident's closing report, replacing one built earlier. */
export async function saveClosingReport(
  db: Db,
  r: { incidentId: string; html: string; auditHead: { seq: number; hash: string } | null; createdAt: string },
): Promise<void> {
  await db.run(
    `INSERT INTO reports (incident_id, html, audit_head_seq, audit_head_hash, created_at) VALUES (?,?,?,?,?)
     ON CONFLICT (incident_id) DO UPDATE SET html = excluded.html, audit_head_seq = excluded.audit_head_seq, audit_head_hash = excluded.audit_head_hash, created_at = excluded.created_at`,
    [r.incidentId, r.html, r.auditHead?.seq ?? null, r.auditHead?.hash ?? null, r.createdAt],
  );
}

export async function reportHtml(db: Db, incidentId: string): Promise<string | null> {
  return (await db.get<{ html: string }>('SELECT html FROM reports WHERE incident_id = ?', [incidentId]))?.html ?? null;
}
