// Affected people go to SQLite, never into workflow history. The CSV streams
// through the parser row by row; each row is validated on its own, and a
// person's identity key makes a second import of the same file a no-op. The
// API, the UI and the CLI (bin/subjects-import.ts) all import through here.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { CsvError, parse as parseCsv } from 'csv-parse';
import { newId } from '../../lib/ids';
import type { Db } from '../../store/connection';
import { getIncident, getIncidentStatus, parseState } from '../../store/incident-store';
import { finishImportRecord, importProgressed, importRejections, startImportRecord } from '../../store/subject-imports';
import { csvText } from '../../lib/csv';
import {
  createStaging,
  dropStaging,
  importContactMix,
  mergeStaged,
  stageSubjects,
  type SubjectRecord,
} from '../../store/subject-store';
import { reachOf, type Reach } from '../import-reach';
import { subjectsImportedUpdate } from '../../workflows/incident/messages';
import type { Actor } from '../../workflows/types';
import { actorOf, type AuthUser } from '../auth';
import { readCallFields } from '../call-fields';
import { HttpError, notFound } from '../errors';
import type { SubjectRow } from '../schemas';
import { checkSubjectRow } from '../subject-row';
import type { UseCaseContext } from './context';

export interface ImportResult {
  importId: string;
  imported: number;
  duplicates: number;
  /** The first MAX_REJECTIONS_LISTED rejections; rejectedCount has them all. */
  rejected: { row: number; error: string }[];
  rejectedCount: number;
  /** Earlier imports of the same source that had stopped partway, now complete. */
  completedEarlier: number;
}

/** A rejected row: its number (the header is row 0), the field at fault or `row`, and why. Never the row's content. */
export interface Rejection {
  row: number;
  field: string;
  message: string;
}

export interface StoreOptions {
  /** Sees every rejection, also those past the listed 1,000 (the CLI's rejected-rows file); a returned promise is awaited. */
  onRejected?: (rejection: Rejection) => void | Promise<void>;
  /** Sizes of a staging chunk and of a merge transaction; tests make them small to cross their boundaries. */
  rowsPerChunk?: number;
  rowsPerMerge?: number;
  /** SHA-256 of the whole source, read once the rows have ended: ties re-imports of one file together. */
  sourceSha256?: () => string | null;
}

// Rows are staged a chunk per transaction: the rows parsed while one chunk is
// written stay a few megabytes, and each lock on the database is brief.
const ROWS_PER_CHUNK = 20_000;
const MAX_REJECTIONS_LISTED = 1_000;

// crypto.hash (Node 20.12+) skips the Hash object, which was a tenth of the import's time.
const sha256Hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

export function identityKey(person: SubjectRow): string {
  const basis = person.email ?? person.phone ?? `${(person.name ?? '').toLowerCase()}|${person.jurisdiction ?? ''}`;
  return sha256Hex(basis).slice(0, 32);
}

/** Thrown when the source fails partway (after `row` rows); nobody from it was stored. */
export class ImportInterruptedError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly row: number,
  ) {
    super(`import interrupted after row ${row}, nobody stored: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'ImportInterruptedError';
  }
}

/**
 * Validates and stores rows from any async source; rows are numbered from 1 (the header is row 0).
 * Valid rows are staged a chunk at a time while the next chunk is parsed, so reading a slow upload
 * never holds SQLite's write lock, then merged into subjects once the source has ended: a source
 * that fails partway (malformed CSV) stores nobody.
 */
export async function storeSubjects(
  db: Db,
  incidentId: string,
  rows: AsyncIterable<Record<string, unknown>>,
  by: string,
  opts: StoreOptions = {},
): Promise<ImportResult> {
  const importId = newId('imp');
  const result: ImportResult = {
    importId,
    imported: 0,
    duplicates: 0,
    rejected: [],
    rejectedCount: 0,
    completedEarlier: 0,
  };
  const rowsPerChunk = opts.rowsPerChunk ?? ROWS_PER_CHUNK;
  const staging = await createStaging(db, importId, incidentId);
  try {
    let chunk: SubjectRecord[] = [];
    let writing: Promise<void> = Promise.resolve();
    let rowNumber = 0;
    const write = (people: SubjectRecord[]) => {
      writing = writing.then(() => stageSubjects(db, staging, people));
      // Awaited before the next chunk starts and before the merge; this only keeps Node from calling it unhandled meanwhile.
      writing.catch(() => undefined);
    };
    try {
      for await (const raw of rows) {
        rowNumber++;
        const call = readCallFields(raw, rowNumber);
        const checked = checkSubjectRow(raw);
        if (!checked.ok) {
          result.rejectedCount++;
          if (result.rejected.length < MAX_REJECTIONS_LISTED)
            result.rejected.push({ row: rowNumber, error: `${checked.field}: ${checked.message}` });
          const told = opts.onRejected?.({ row: rowNumber, field: checked.field, message: checked.message });
          if (told) await told;
          continue;
        }
        const person = checked.row;
        chunk.push({
          name: person.name,
          email: person.email,
          phone: person.phone,
          jurisdiction: person.jurisdiction,
          locale: person.locale,
          identityKey: identityKey(person),
          postalAddress: person.postalAddress,
          phoneType: call.phoneType,
          callConsent: call.callConsent,
        });
        if (chunk.length >= rowsPerChunk) {
          // One chunk in flight at most: memory stays two chunks, whatever the file's size.
          await writing;
          write(chunk);
          chunk = [];
        }
      }
    } catch (err) {
      // A failed write is the database's error, not the source's; either way nothing is left in flight.
      const writeError: unknown = await writing.then(
        () => null,
        (e: unknown) => e ?? new Error('staging failed'),
      );
      if (writeError) throw writeError;
      throw new ImportInterruptedError(err, rowNumber);
    }
    if (chunk.length > 0) write(chunk);
    await writing;
    const staged = staging.staged;
    // Recorded before the merge: if this process stops partway, the record stays unfinished and the
    // incident page says so (importing the same file again completes it: stored people are skipped).
    const sourceSha256 = opts.sourceSha256?.() ?? null;
    await startImportRecord(db, {
      importId,
      incidentId,
      rejected: result.rejectedCount,
      rejectedListed: result.rejected,
      by,
      sourceSha256,
    });
    result.imported = await mergeStaged(db, staging, {
      incidentId,
      importId,
      rowsPerMerge: opts.rowsPerMerge,
      onMerged: (merged) => importProgressed(db, importId, merged),
    });
    result.duplicates = staged - result.imported;
    result.completedEarlier = await finishImportRecord(db, {
      importId,
      incidentId,
      imported: result.imported,
      duplicates: result.duplicates,
      sourceSha256,
    });
  } finally {
    await dropStaging(db, staging);
  }
  return result;
}

const CSV_COLUMNS = ['name', 'email', 'phone', 'jurisdiction', 'locale', 'postaladdress', 'phonetype', 'callconsent'];
// Headers are matched without case; the rows carry the names the JSON import uses.
const FIELD_OF_COLUMN: Record<string, string> = {
  postaladdress: 'postalAddress',
  phonetype: 'phoneType',
  callconsent: 'callConsent',
};

function headerColumns(header: string[]): string[] {
  const cols = header.map((h) => h.trim().toLowerCase());
  const unknown = cols.filter((c) => !CSV_COLUMNS.includes(c));
  if (unknown.length > 0)
    throw new HttpError(
      400,
      `unknown CSV column "${unknown[0]}" (expected name,email,phone,jurisdiction,locale and optionally postalAddress,phoneType,callConsent)`,
      'csv',
    );
  return cols.map((c) => FIELD_OF_COLUMN[c] ?? c);
}

/** One object per record, keyed by the header's columns; `digest` sees every byte of the source. */
export async function* csvRows(stream: Readable, digest?: crypto.Hash): AsyncIterable<Record<string, unknown>> {
  if (digest) stream.on('data', (chunk: Buffer | string) => digest.update(chunk));
  // Records come as arrays and are named here: csv-parse's `columns` option cost a second per million rows.
  const records: AsyncIterable<string[]> = stream.pipe(
    parseCsv({ bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }),
  );
  let cols: string[] | null = null;
  for await (const record of records) {
    if (cols === null) {
      cols = headerColumns(record);
      continue;
    }
    const row: Record<string, unknown> = {};
    for (let i = 0; i < cols.length; i++) row[cols[i]!] = record[i];
    yield row;
  }
}

async function* arrayRows(rows: unknown[]): AsyncIterable<Record<string, unknown>> {
  for (const row of rows) yield (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
}

function sourceFailure(err: ImportInterruptedError): Error {
  const cause = err.cause;
  if (cause instanceof HttpError) return cause;
  if (!(cause instanceof CsvError)) return cause instanceof Error ? cause : err;
  // csv-parse quotes the offending field's text in some messages; that may be personal data.
  const reason = cause.message.replace(/, value is .*$/s, '');
  return new HttpError(400, `malformed CSV: ${reason}; nobody was imported`, 'csv');
}

/**
 * Imports people for an open incident and tells its workflow. `importer` is the signed-in user or token
 * (API, UI), or the actor a trusted caller stands for (the CLI names the server's shell user).
 */
export async function importSubjects(
  ctx: UseCaseContext,
  incidentId: string,
  source: { csv: Readable } | { json: unknown },
  importer: AuthUser | Actor,
  key: string | null,
  opts: StoreOptions = {},
): Promise<ImportResult & { reach: Reach[]; stage: string; stateVersion: number }> {
  const actor: Actor = 'kind' in importer ? importer : actorOf(importer);
  const incident = await getIncidentStatus(ctx.db, incidentId);
  if (!incident) throw notFound();
  if (incident.status !== 'open') throw new HttpError(409, `incident is ${incident.status}`, 'stage');
  let rows: AsyncIterable<Record<string, unknown>>;
  const digest = crypto.createHash('sha256');
  if ('csv' in source) rows = csvRows(source.csv, digest);
  else {
    const body = source.json as { subjects?: unknown } | unknown[];
    const list = Array.isArray(body) ? body : (body as { subjects?: unknown }).subjects;
    if (!Array.isArray(list))
      throw new HttpError(400, 'expected a JSON array of people or {"subjects": [...]}', 'subjects');
    digest.update(JSON.stringify(list));
    rows = arrayRows(list);
  }
  let result: ImportResult;
  try {
    result = await storeSubjects(ctx.db, incidentId, rows, importer.id, {
      ...opts,
      sourceSha256: () => digest.digest('hex'),
    });
  } catch (err) {
    throw err instanceof ImportInterruptedError ? sourceFailure(err) : err;
  }
  const updated = await ctx.gateway.update(
    incidentId,
    subjectsImportedUpdate,
    { importId: result.importId, imported: result.imported, rejected: result.rejectedCount, actor },
    `subjects:${key ?? result.importId}`,
  );
  // How the people just stored will be reached under the incident's current channel policy.
  const policy = parseState((await getIncident(ctx.db, incidentId))!)?.facts?.channelPolicy ?? 'sms_fallback';
  const reach = reachOf(await importContactMix(ctx.db, incidentId, result.importId), policy);
  return { ...result, reach, stage: updated.stage, stateVersion: updated.stateVersion };
}

/** An import's listed rejections as CSV (row number and reason; the rows' content was never kept). */
export async function rejectionsCsv(db: Db, incidentId: string, importId: string): Promise<string> {
  const rows = await importRejections(db, incidentId, importId);
  if (!rows) throw notFound();
  return csvText(
    ['Row', 'Why it was rejected'],
    rows.map((r) => [r.row, r.error]),
  );
}
