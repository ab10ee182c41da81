// Writing imported people in bulk. Identity keys are hashes, so people arrive
// in random key order; inserted straight into subjects, every transaction
// dirtied most pages of the (incident_id, identity_key) index and rewrote them
// to the WAL, which made a million-row import spend most of its time on I/O.
// So an import stages its rows in a TEMP table (its own file, no WAL, nothing
// other connections can see) and then merges them in key order, one key range
// per transaction: each merge touches one contiguous stretch of the index.
import { ensureIncidentKey, openContacts, sealContact, storedIdentityKey, type IncidentKey } from './contact-keys';
import type { Db } from './connection';
import { jsonTable, joinedText, stagingTable } from './dialect';
import type { ChannelPolicy } from '../workflows/types';

export interface SubjectRecord {
  name: string | null;
  email: string | null;
  phone: string | null;
  jurisdiction: string | null;
  locale: string;
  identityKey: string;
  /** Lines joined by \n, for a letter; absent or null when the import gave none. */
  postalAddress?: string | null;
  /** 'mobile' | 'landline'; null when the import did not say (the import's phoneType column). */
  phoneType?: string | null;
  /** Consent to calls on a mobile: true, false, or null when not recorded. */
  callConsent?: boolean | null;
}

/** Rows per merge transaction, roughly: how long other writers may wait on the lock. */
const ROWS_PER_MERGE = 100_000;

export interface Staging {
  /** A plain identifier, e.g. staged_imp_01J...; the table lives in the temp schema. */
  readonly name: string;
  staged: number;
  readonly incidentId: string;
  /** The incident's contact data key; null when sealing is off. */
  readonly key: IncidentKey | null;
}

/** A staging table private to this process's write connection, named after the import. */
export async function createStaging(db: Db, importId: string, incidentId: string): Promise<Staging> {
  if (!/^[A-Za-z0-9_]+$/.test(importId)) throw new Error(`import id ${importId} is not a plain identifier`);
  const name = `staged_${importId}`.toLowerCase();
  const table = stagingTable(db, name);
  const order = db.engine === 'postgres' ? `${table.order} BIGINT GENERATED ALWAYS AS IDENTITY, ` : '';
  await db.exec(
    `${table.create} (${order}name TEXT, email TEXT, phone TEXT, jurisdiction TEXT, locale TEXT NOT NULL, identity_key TEXT NOT NULL, postal_address TEXT, phone_type TEXT, call_consent INTEGER)`,
  );
  return { name, staged: 0, incidentId, key: await ensureIncidentKey(db, incidentId) };
}

/**
 * Appends people to the staging table; rowid keeps their order in the file. They travel as one
 * JSON text that SQLite takes apart on its own thread: binding values one by one cost the
 * JavaScript thread, which is also parsing the CSV, more than SQLite's JSON reader costs.
 */
export async function stageSubjects(db: Db, staging: Staging, people: readonly SubjectRecord[]): Promise<void> {
  // Sealed before they reach SQLite, the staging table included (it may spill to a temp file).
  const sealed = (field: string, value: string | null | undefined) =>
    sealContact(staging.key?.key ?? null, staging.incidentId, field, value);
  const rows = people.map((p) => [
    sealed('name', p.name === null ? null : wellFormed(p.name)),
    sealed('email', p.email),
    sealed('phone', p.phone),
    p.jurisdiction,
    p.locale,
    storedIdentityKey(staging.key, p.identityKey),
    sealed('postal_address', p.postalAddress),
    p.phoneType ?? null,
    p.callConsent === undefined || p.callConsent === null ? null : p.callConsent ? 1 : 0,
  ]);
  await db.run(
    `INSERT INTO ${stagingTable(db, staging.name).ref} (name, email, phone, jurisdiction, locale, identity_key, postal_address, phone_type, call_consent)
     SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, CAST(value->>8 AS INTEGER) FROM ${jsonTable(db, '?', 'j')}`,
    [JSON.stringify(rows)],
  );
  staging.staged += people.length;
}

// JSON carries a lone UTF-16 surrogate as an escape that SQLite would store as invalid UTF-8; a
// bound string stores U+FFFD instead, as it always has. Only names can hold one: the other fields
// passed ASCII-only patterns.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const wellFormed = (text: string) => (LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATES, '\ufffd') : text);

/** Hex prefixes that split uniformly distributed keys into ranges of about ROWS_PER_MERGE rows. */
function keyRanges(rows: number, rowsPerMerge: number): [string, string][] {
  let digits = 0;
  while (rows / 16 ** digits > rowsPerMerge && digits < 4) digits++;
  const count = 16 ** digits;
  const ranges: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const from = digits === 0 ? '' : i.toString(16).padStart(digits, '0');
    // 'g' sorts after every hex digit, so the last range is open-ended.
    const to = i + 1 === count ? 'g' : (i + 1).toString(16).padStart(digits, '0');
    ranges.push([from, to]);
  }
  return ranges;
}

/**
 * Moves the staged people into subjects; one the incident already has (same identity key) is
 * skipped, and within the file the first row with a key wins. Returns how many were new.
 */
export async function mergeStaged(
  db: Db,
  staging: Staging,
  o: {
    incidentId: string;
    importId: string;
    rowsPerMerge?: number;
    onMerged?: (insertedSoFar: number) => Promise<void>;
  },
): Promise<number> {
  if (staging.staged === 0) return 0;
  const table = stagingTable(db, staging.name);
  await db.exec(
    db.engine === 'sqlite'
      ? `CREATE INDEX temp.${staging.name}_key ON ${staging.name} (identity_key)`
      : `CREATE INDEX ${staging.name}_key ON ${staging.name} (identity_key)`,
  );
  let inserted = 0;
  for (const [from, to] of keyRanges(staging.staged, o.rowsPerMerge ?? ROWS_PER_MERGE)) {
    const r = await db.run(
      `INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key, postal_address, phone_type, call_consent)
       SELECT ?, name, email, phone, jurisdiction, locale, ?, identity_key, postal_address, phone_type, call_consent FROM ${table.ref}
       WHERE identity_key >= ? AND identity_key < ? ORDER BY identity_key, ${table.order}
       ON CONFLICT (incident_id, identity_key) DO NOTHING`,
      [o.incidentId, o.importId, from, to],
    );
    inserted += r.changes;
    await o.onMerged?.(inserted);
  }
  return inserted;
}

export async function dropStaging(db: Db, staging: Staging): Promise<void> {
  await db.exec(stagingTable(db, staging.name).drop);
}

/** The incident's lowest and highest subject ids (null when it has none) and how many people it holds. */
export async function subjectIdBounds(
  db: Db,
  incidentId: string,
): Promise<{ minId: number | null; maxId: number | null; people: number }> {
  const r = await db.get<{ minId: number | null; maxId: number | null; people: number }>(
    'SELECT MIN(id) AS "minId", MAX(id) AS "maxId", COUNT(*) AS people FROM subjects WHERE incident_id = ?',
    [incidentId],
  );
  return { minId: r?.minId ?? null, maxId: r?.maxId ?? null, people: r?.people ?? 0 };
}

export interface SubjectContactCounts {
  total: number;
  withEmail: number;
  withPhone: number;
  withoutContact: number;
}

export async function countSubjectContacts(db: Db, incidentId: string): Promise<SubjectContactCounts> {
  const r = await db.get<{
    total: number;
    withEmail: number | null;
    withPhone: number | null;
    withoutContact: number | null;
  }>(
    `SELECT COUNT(*) AS total,
            SUM(CAST(email IS NOT NULL AS INTEGER)) AS "withEmail",
            SUM(CAST(phone IS NOT NULL AS INTEGER)) AS "withPhone",
            SUM(CAST(email IS NULL AND phone IS NULL AS INTEGER)) AS "withoutContact"
     FROM subjects WHERE incident_id = ?`,
    [incidentId],
  );
  return {
    total: r?.total ?? 0,
    withEmail: r?.withEmail ?? 0,
    withPhone: r?.withPhone ?? 0,
    withoutContact: r?.withoutContact ?? 0,
  };
}

/**
 * People the policy has no channel for: no email under an email-only policy; under `call`, no email and no
 * number we may call (a mobile without recorded consent); neither email nor phone otherwise.
 */
export async function countSubjectsWithoutContact(
  db: Db,
  incidentId: string,
  channelPolicy: ChannelPolicy,
): Promise<number> {
  const r = await db.get<{ n: number }>(
    channelPolicy === 'email'
      ? 'SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ? AND email IS NULL'
      : channelPolicy === 'call'
        ? "SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ? AND email IS NULL AND (phone IS NULL OR NOT (phone_type IS NOT DISTINCT FROM 'landline' OR call_consent IS NOT DISTINCT FROM 1))"
        : 'SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ? AND email IS NULL AND phone IS NULL',
    [incidentId],
  );
  return r?.n ?? 0;
}

export async function countIncidentSubjects(db: Db, incidentId: string): Promise<number> {
  return (
    (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ?', [incidentId]))?.n ?? 0
  );
}

/** The locales the incident's people gave, as stored (not normalised), each once. */
export async function listSubjectLocales(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db.all<{ locale: string }>('SELECT DISTINCT locale FROM subjects WHERE incident_id = ?', [
    incidentId,
  ]);
  return rows.map((r) => r.locale);
}

/** How many of the incident's people gave each locale, as stored (not normalised). */
export async function countSubjectsByLocale(db: Db, incidentId: string): Promise<{ locale: string; people: number }[]> {
  return db.all<{ locale: string; people: number }>(
    'SELECT locale, COUNT(*) AS people FROM subjects WHERE incident_id = ? GROUP BY locale ORDER BY locale',
    [incidentId],
  );
}

export interface SubjectContact {
  id: number;
  email: string | null;
  phone: string | null;
  locale: string;
}

/** Up to `limit` of the incident's people with ids above `afterId`, in id order. */
export async function listSubjectContactsAfter(
  db: Db,
  incidentId: string,
  afterId: number,
  limit: number,
): Promise<SubjectContact[]> {
  return openContacts(
    db,
    incidentId,
    await db.all<SubjectContact>(
      'SELECT id, email, phone, locale FROM subjects WHERE incident_id = ? AND id > ? ORDER BY id LIMIT ?',
      [incidentId, afterId, limit],
    ),
  );
}

/** The people one import stored, counted by locale and by which contacts they have. */
export async function importContactMix(
  db: Db,
  incidentId: string,
  importId: string,
): Promise<{ locale: string; withEmail: boolean; withPhone: boolean; people: number }[]> {
  const rows = await db.all<{ locale: string; e: number; p: number; n: number }>(
    `SELECT locale, email IS NOT NULL AS e, phone IS NOT NULL AS p, COUNT(*) AS n
     FROM subjects WHERE incident_id = ? AND import_id = ? GROUP BY locale, e, p`,
    [incidentId, importId],
  );
  return rows.map((r) => ({ locale: r.locale, withEmail: r.e === 1, withPhone: r.p === 1, people: r.n }));
}

export interface SubjectReach {
  id: number;
  name: string | null;
  jurisdiction: string | null;
  /** The channels a notice of any version reached the person on (sent or delivered), comma-separated; null if none. */
  channels: string | null;
}

/** The first `limit` people of the incident with the channels their notices went out on. */
export async function listSubjectReach(db: Db, incidentId: string, limit: number): Promise<SubjectReach[]> {
  return openContacts(
    db,
    incidentId,
    await db.all<SubjectReach>(
      `SELECT s.id, s.name, s.jurisdiction,
       (SELECT ${joinedText(db, 'DISTINCT o.channel', "','")} FROM outbox o
         WHERE o.subject_id = s.id AND o.incident_id = s.incident_id AND o.kind = 'subject' AND o.status IN ('sent', 'delivered')) AS channels
     FROM subjects s WHERE s.incident_id = ? ORDER BY s.id LIMIT ?`,
      [incidentId, limit],
    ),
  );
}
