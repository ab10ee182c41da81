// Affected people go to SQLite, never into workflow history. The CSV streams
// through the parser row by row; each row is validated on its own, and a
// person's identity key makes a second import of the same file a no-op.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { ulid } from 'ulid';
import type { Db } from '../../activities/db/connection';
import { insertSubjects, type SubjectRecord } from '../../activities/db/subject-store';
import { subjectsImportedUpdate } from '../../workflows/incident';
import type { Actor } from '../../workflows/types';
import { actorOf, type AuthUser } from '../auth';
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
}

/** A rejected row: its number (the header is row 0), the field at fault or `row`, and why. Never the row's content. */
export interface Rejection {
  row: number;
  field: string;
  message: string;
}

export interface StoreOptions {
  /** Sees every rejection, also those past the listed 1,000 (the CLI's rejected-rows file). */
  onRejected?: (r: Rejection) => void;
}

// A chunk is one transaction: big enough that commits are rare, small enough
// that the write lock other writers wait on is held for well under a second,
// and that the rows parsed while it is written stay a few megabytes.
const ROWS_PER_TRANSACTION = 20_000;
const MAX_REJECTIONS_LISTED = 1_000;

export function identityKey(p: SubjectRow): string {
  const basis = p.email ?? p.phone ?? `${(p.name ?? '').toLowerCase()}|${p.jurisdiction ?? ''}`;
  return createHash('sha256').update(basis).digest('hex').slice(0, 32);
}

/** Thrown when the source fails partway: the chunks committed before it stay (a retry of the fixed file adds only the rest). */
export class ImportInterruptedError extends Error {
  constructor(override readonly cause: unknown, readonly stored: number, readonly row: number) {
    super(`import interrupted after row ${row} (${stored} people stored): ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'ImportInterruptedError';
  }
}

/**
 * Validates and stores rows from any async source; rows are numbered from 1 (the header is row 0).
 * Chunks are written in their own transaction while the next chunk is parsed, so reading a slow
 * upload never holds SQLite's write lock; a failing source leaves whole chunks, never part of one.
 */
export async function storeSubjects(db: Db, incidentId: string, rows: AsyncIterable<Record<string, unknown>>, by: string, opts: StoreOptions = {}): Promise<ImportResult> {
  const importId = `imp_${ulid()}`;
  const result: ImportResult = { importId, imported: 0, duplicates: 0, rejected: [], rejectedCount: 0 };
  let chunk: SubjectRecord[] = [];
  let writing: Promise<void> = Promise.resolve();
  let n = 0;
  const write = (people: SubjectRecord[]) => {
    const next = writing.then(async () => {
      const inserted = await insertSubjects(db, { incidentId, importId, people });
      result.imported += inserted;
      result.duplicates += people.length - inserted;
    });
    // Awaited before the next chunk starts and before returning; this only keeps Node from calling it unhandled meanwhile.
    next.catch(() => undefined);
    writing = next;
  };
  try {
    for await (const raw of rows) {
      n++;
      const checked = checkSubjectRow(raw);
      if (!checked.ok) {
        result.rejectedCount++;
        if (result.rejected.length < MAX_REJECTIONS_LISTED) result.rejected.push({ row: n, error: `${checked.field}: ${checked.message}` });
        opts.onRejected?.({ row: n, field: checked.field, message: checked.message });
        continue;
      }
      const p = checked.row;
      chunk.push({ name: p.name, email: p.email, phone: p.phone, jurisdiction: p.jurisdiction, locale: p.locale, identityKey: identityKey(p) });
      if (chunk.length >= ROWS_PER_TRANSACTION) {
        // One chunk in flight at most: memory stays two chunks, whatever the file's size.
        await writing;
        write(chunk);
        chunk = [];
      }
    }
  } catch (err) {
    // A failed write is the database's error, not the source's; either way nothing is left in flight.
    const writeError: unknown = await writing.then(() => null, (e: unknown) => e ?? new Error('write failed'));
    if (writeError) throw writeError;
    throw new ImportInterruptedError(err, result.imported, n);
  }
  if (chunk.length > 0) write(chunk);
  await writing;
  await db.run('INSERT INTO subject_imports (id, incident_id, imported, duplicates, rejected, rejected_json, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)', [
    importId,
    incidentId,
    result.imported,
    result.duplicates,
    result.rejectedCount,
    JSON.stringify(result.rejected),
    new Date().toISOString(),
    by,
  ]);
  return result;
}

export function csvRows(stream: Readable): AsyncIterable<Record<string, unknown>> {
  return stream.pipe(
    parseCsv({
      columns: (header: string[]) => {
        const cols = header.map((h) => h.trim().toLowerCase());
        const unknown = cols.filter((c) => !['name', 'email', 'phone', 'jurisdiction', 'locale'].includes(c));
        if (unknown.length > 0) throw new HttpError(400, `unknown CSV column "${unknown[0]}" (expected name,email,phone,jurisdiction,locale)`, 'csv');
        return cols;
      },
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }),
  );
}

async function* arrayRows(rows: unknown[]): AsyncIterable<Record<string, unknown>> {
  for (const r of rows) yield (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
}

/** Rows committed before a malformed line stay; the message says so, and a retry with the fixed file adds only the rest. */
function sourceFailure(err: ImportInterruptedError): Error {
  const cause = err.cause as { code?: string; message?: string } | undefined;
  if (cause instanceof HttpError) return cause;
  if (typeof cause?.code !== 'string' || !cause.code.startsWith('CSV_')) return cause instanceof Error ? cause : err;
  // csv-parse quotes the offending field's text in some messages; that may be personal data.
  const reason = (cause.message ?? cause.code).replace(/, value is .*$/s, '');
  const kept = err.stored > 0 ? `; the ${err.stored} new people before it were stored, and importing the corrected file adds only the rest` : '';
  return new HttpError(400, `malformed CSV: ${reason}${kept}`, 'csv');
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
): Promise<ImportResult & { stage: string; stateVersion: number }> {
  const actor: Actor = 'kind' in importer ? importer : actorOf(importer);
  const incident = await ctx.db.get<{ id: string; status: string }>('SELECT id, status FROM incidents WHERE id = ?', [incidentId]);
  if (!incident) throw notFound();
  if (incident.status !== 'open') throw new HttpError(409, `incident is ${incident.status}`, 'stage');
  let rows: AsyncIterable<Record<string, unknown>>;
  if ('csv' in source) rows = csvRows(source.csv);
  else {
    const body = source.json as { subjects?: unknown } | unknown[];
    const list = Array.isArray(body) ? body : (body as { subjects?: unknown }).subjects;
    if (!Array.isArray(list)) throw new HttpError(400, 'expected a JSON array of people or {"subjects": [...]}', 'subjects');
    rows = arrayRows(list);
  }
  let result: ImportResult;
  try {
    result = await storeSubjects(ctx.db, incidentId, rows, importer.id, opts);
  } catch (err) {
    throw err instanceof ImportInterruptedError ? sourceFailure(err) : err;
  }
  const r = await ctx.gateway.update(
    incidentId,
    subjectsImportedUpdate,
    { importId: result.importId, imported: result.imported, rejected: result.rejectedCount, actor },
    `subjects:${key ?? result.importId}`,
  );
  return { ...result, stage: r.stage, stateVersion: r.stateVersion };
}
