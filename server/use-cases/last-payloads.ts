// The newest payload each alert source sent, raw as it arrived, for the admin checking a tool's
// set-up (field names, what the adapter saw). It may hold personal data, so only the admin page shows it.
import { lastAlertOf } from '../../store/alerts';
import type { Db } from '../../store/connection';

/** A payload longer than this is cut on the page; the whole body stays in SQLite. */
const SHOWN_CHARS = 16_000;

export interface LastPayload {
  alertId: string;
  receivedAt: string;
  dedupKey: string;
  incidentId: string | null;
  body: string;
  truncated: boolean;
}

export async function lastPayloads(db: Db, sources: readonly string[]): Promise<Record<string, LastPayload>> {
  const out: Record<string, LastPayload> = {};
  for (const source of sources) {
    const row = await lastAlertOf(db, source);
    if (!row) continue;
    let body = row.body_json;
    try {
      body = JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      // Not JSON (kept as it came): shown as it is.
    }
    out[source] = {
      alertId: row.id,
      receivedAt: row.received_at,
      dedupKey: row.dedup_key,
      incidentId: row.incident_id,
      body: body.length > SHOWN_CHARS ? body.slice(0, SHOWN_CHARS) : body,
      truncated: body.length > SHOWN_CHARS,
    };
  }
  return out;
}
