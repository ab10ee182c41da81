// People and their outbox rows written straight into the tables, for tests of what the app shows or
// exports about rows a real import and wave would have made. The statements run unchanged on both
// engines: a new subject's id comes back through RETURNING (lastID is SQLite's alone).
import type { Db, Tx } from '../../store/connection';

export interface TestSubject {
  incidentId: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  jurisdiction?: string | null;
  locale?: string;
  importId?: string;
  identityKey: string;
  postalAddress?: string | null;
}

export interface TestOutboxRow {
  id: string;
  incidentId: string;
  subjectId: number;
  channel: string;
  status: string;
  locale?: string;
  noticeVersion?: string;
  template?: string;
  error?: string | null;
  provider?: string | null;
  providerId?: string | null;
  sentAt?: string | null;
  updatedAt?: string;
}

type Target = Db | Tx;

/** One statement's rows: inside the caller's transaction, or committed on its own. */
function writeReturning<T>(on: Target, sql: string, params: (string | number | null)[]): Promise<T[]> {
  return 'writeAll' in on ? on.writeAll<T>(sql, params) : on.all<T>(sql, params);
}

/** Inserts a person; their subject id. */
export async function insertTestSubject(on: Target, s: TestSubject): Promise<number> {
  const [row] = await writeReturning<{ id: number }>(
    on,
    `INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key, postal_address)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      s.incidentId,
      s.name,
      s.email ?? null,
      s.phone ?? null,
      s.jurisdiction ?? null,
      s.locale ?? 'en',
      s.importId ?? 'imp_test',
      s.identityKey,
      s.postalAddress ?? null,
    ],
  );
  return row!.id;
}

/** Inserts the subject notice row of a person, as a wave would leave it. */
export async function insertTestOutboxRow(on: Target, r: TestOutboxRow): Promise<void> {
  await writeReturning(
    on,
    `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, error,
       provider, provider_id, sent_at, updated_at, subject_id)
     VALUES (?, ?, 'subject', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      r.id,
      r.incidentId,
      String(r.subjectId),
      r.channel,
      r.locale ?? 'en',
      r.noticeVersion ?? 'v1',
      r.template ?? 'subject-email',
      r.status,
      r.error ?? null,
      r.provider ?? null,
      r.providerId ?? null,
      r.sentAt ?? null,
      r.updatedAt ?? new Date().toISOString(),
      r.subjectId,
    ],
  );
}
