// Affected people go to SQLite, never into workflow history. The CSV streams
// through the parser row by row; each row is validated on its own, and a
// person's identity key makes a second import of the same file a no-op.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { ulid } from 'ulid';
import type { Db } from '../../activities/db/connection';
import { subjectsImportedUpdate } from '../../workflows/incident';
import { actorOf, type AuthUser } from '../auth';
import { HttpError, notFound } from '../errors';
import { subjectRowSchema, type SubjectRow } from '../schemas';
import type { UseCaseContext } from './context';

export interface ImportResult {
  importId: string;
  imported: number;
  duplicates: number;
  rejected: { row: number; error: string }[];
}

const BATCH = 1_000;
const MAX_REJECTIONS_LISTED = 1_000;

export function identityKey(p: SubjectRow): string {
  const basis = p.email ?? p.phone ?? `${(p.name ?? '').toLowerCase()}|${p.jurisdiction ?? ''}`;
  return createHash('sha256').update(basis).digest('hex').slice(0, 32);
}

async function insertBatch(db: Db, incidentId: string, importId: string, rows: SubjectRow[]): Promise<number> {
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (const p of rows) {
      const r = await tx.run(
        'INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (incident_id, identity_key) DO NOTHING',
        [incidentId, p.name, p.email, p.phone, p.jurisdiction, p.locale, importId, identityKey(p)],
      );
      inserted += r.changes;
    }
    return inserted;
  });
}

/** Validates and stores rows from any async source; rows are numbered from 1 (the header is row 0). */
export async function storeSubjects(db: Db, incidentId: string, rows: AsyncIterable<Record<string, unknown>>, by: string): Promise<ImportResult> {
  const importId = `imp_${ulid()}`;
  const result: ImportResult = { importId, imported: 0, duplicates: 0, rejected: [] };
  let rejectedCount = 0;
  let batch: SubjectRow[] = [];
  let n = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const inserted = await insertBatch(db, incidentId, importId, batch);
    result.imported += inserted;
    result.duplicates += batch.length - inserted;
    batch = [];
  };
  for await (const raw of rows) {
    n++;
    const parsed = subjectRowSchema.safeParse(raw);
    if (!parsed.success) {
      rejectedCount++;
      if (result.rejected.length < MAX_REJECTIONS_LISTED) {
        const issue = parsed.error.issues[0]!;
        result.rejected.push({ row: n, error: `${issue.path.join('.') || 'row'}: ${issue.message}` });
      }
      continue;
    }
    if (!parsed.data.email && !parsed.data.phone && !parsed.data.name) {
      rejectedCount++;
      if (result.rejected.length < MAX_REJECTIONS_LISTED) result.rejected.push({ row: n, error: 'row: needs at least a name, an email or a phone' });
      continue;
    }
    batch.push(parsed.data);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await db.run('INSERT INTO subject_imports (id, incident_id, imported, duplicates, rejected, rejected_json, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)', [
    importId,
    incidentId,
    result.imported,
    result.duplicates,
    rejectedCount,
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

export async function importSubjects(
  ctx: UseCaseContext,
  incidentId: string,
  source: { csv: Readable } | { json: unknown },
  user: AuthUser,
  key: string | null,
): Promise<ImportResult & { stage: string; stateVersion: number }> {
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
    result = await storeSubjects(ctx.db, incidentId, rows, user.id);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const e = err as { code?: string; message?: string };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) throw new HttpError(400, `malformed CSV: ${e.message}`, 'csv');
    throw err;
  }
  const r = await ctx.gateway.update(
    incidentId,
    subjectsImportedUpdate,
    { importId: result.importId, imported: result.imported, rejected: result.rejected.length, actor: actorOf(user) },
    `subjects:${key ?? result.importId}`,
  );
  return { ...result, stage: r.stage, stateVersion: r.stateVersion };
}
