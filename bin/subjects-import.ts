// `npm run subjects:import -- <incident> <file.csv> [--rejected <file>]`: imports the
// affected people of an open incident from a CSV, as the API does (same validation,
// same idempotency, the import recorded in SQLite and the incident workflow told
// through the same update), for files too large to upload comfortably. Every
// rejected row goes to a CSV of row,field,error beside the input (or --rejected);
// nothing of a person's data is printed.
// Exit 0 when imported, 2 for bad input (arguments, unreadable file, malformed CSV,
// an incident that is missing or not open), 1 when something else fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadAppConfig } from '../app.config';
import {
  clientConnectionOptions,
  loadPayloadKeys,
  loadTemporalConfig,
  temporalDataConverter,
} from '../temporal.config';

// The app's own processes say where the generated payload key lives; an import need not repeat it.
const quietWarnings = { warn: () => undefined };
import { describeDatabase, openDatabase } from '../store/database';
import { contactMasterKeys, useContactMasterKeys } from '../store/contact-keys';
import { migrate } from '../store/migrations';
import { getIncidentStatus } from '../store/incident-store';
import { createLogger } from '../lib/logger';
import { HttpError } from '../server/errors';
import { openRejectedRowsCsv, type RejectedRowsCsv } from '../server/rejected-rows-csv';
import { createTemporalGateway, type TemporalGateway } from '../server/temporal-gateway';
import { importSubjects } from '../server/use-cases/import-subjects';
import { publicLinkSettingOf } from '../server/use-cases/approval-readiness';
import type { Actor } from '../workflows/types';

const USAGE = 'usage: npm run subjects:import -- <incident-id> <file.csv> [--rejected <rejected.csv>]';

class BadInput extends Error {}

/**
 * The shell user running the command: the server's operating-system account, not a
 * Breachline login, so the audit trail says exactly that rather than borrowing a person's id.
 */
function operator(): Actor {
  let name: string;
  try {
    name = os.userInfo().username;
  } catch {
    // A container user with no passwd entry.
    name = process.env.USER ?? `uid-${process.getuid?.() ?? 'unknown'}`;
  }
  return { kind: 'system', id: `cli:${name}` };
}

function defaultRejectedPath(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.rejected.csv`);
}

function readArgs(): { incidentId: string; file: string; rejectedPath: string } {
  let parsed: ReturnType<typeof parseArgs<{ options: { rejected: { type: 'string' } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ options: { rejected: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new BadInput(`${(err as Error).message}\n${USAGE}`);
  }
  const [incidentId, file, ...extra] = parsed.positionals;
  if (!incidentId) throw new BadInput(`incident: required\n${USAGE}`);
  if (!file) throw new BadInput(`file: required\n${USAGE}`);
  if (extra.length > 0) throw new BadInput(`unexpected argument "${extra[0]}"\n${USAGE}`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new BadInput(`file: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!stat.isFile()) throw new BadInput(`file: ${file} is not a file`);
  const rejectedPath = path.resolve(parsed.values.rejected ?? defaultRejectedPath(file));
  if (rejectedPath === path.resolve(file)) throw new BadInput('rejected: must not be the input file');
  return { incidentId, file, rejectedPath };
}

const count = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<number> {
  const args = readArgs();
  const config = loadAppConfig();
  const temporal = loadTemporalConfig();
  useContactMasterKeys(contactMasterKeys(config.secretKeys, config.dataDir, quietWarnings));
  const db = await openDatabase(config);
  let connection: Connection | null = null;
  let rejected: RejectedRowsCsv | null = null;
  try {
    await migrate(db);
    // Checked here too, before connecting to Temporal, so a mistyped id fails at once.
    const status = (await getIncidentStatus(db, args.incidentId))?.status;
    if (status === undefined) throw new BadInput(`incident: ${args.incidentId} not found in ${describeDatabase(db)}`);
    if (status !== 'open') throw new BadInput(`incident: ${args.incidentId} is ${status}, not open`);
    try {
      rejected = openRejectedRowsCsv(args.rejectedPath);
    } catch (err) {
      throw new BadInput(
        `rejected: cannot write ${args.rejectedPath} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }

    // Before any import work: with Temporal unreachable the people would be stored but the workflow never told.
    try {
      connection = await Connection.connect(clientConnectionOptions(temporal));
    } catch (err) {
      throw new Error(`cannot reach Temporal at ${temporal.address} (${(err as Error).message}); nothing imported`, {
        cause: err,
      });
    }
    const dataConverter = temporalDataConverter(loadPayloadKeys(process.env, config.dataDir, quietWarnings));
    const inner = createTemporalGateway(new Client({ connection, namespace: temporal.namespace, dataConverter }), {
      taskQueue: temporal.taskQueue,
      updateTimeoutMs: config.updateTimeoutMs,
    });
    // importSubjects tells the workflow only once the people are stored; knowing that lets a refusal say so.
    let stored = false;
    const gateway: TemporalGateway = { ...inner, update: (...a) => ((stored = true), inner.update(...a)) };
    const ctx = {
      db,
      gateway,
      logger: createLogger('subjects-import', config.logLevel),
      baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      publicLink: publicLinkSettingOf(config),
    };

    const started = performance.now();
    const sink = rejected;
    let result: Awaited<ReturnType<typeof importSubjects>>;
    try {
      result = await importSubjects(ctx, args.incidentId, { csv: fs.createReadStream(args.file) }, operator(), null, {
        onRejected: (r) => sink.write(r),
      });
    } catch (err) {
      if (stored) {
        // The import stands, so its rejected rows are kept.
        await sink.close();
        rejected = null;
        // A timeout does not say the workflow was not told, only that it did not confirm in time.
        const reason =
          err instanceof HttpError && err.retryable
            ? 'no worker confirmed it in time (is the worker running?)'
            : err instanceof HttpError
              ? `${err.field ? `${err.field}: ` : ''}${err.message}`
              : (err as Error).message;
        throw new Error(
          `the people were stored (rejected rows in ${sink.path}), but telling the incident workflow was not confirmed: ${reason}. Importing the same file again adds nobody and tells it once.`,
          { cause: err },
        );
      }
      throw err;
    }
    await rejected.close();
    const seconds = (performance.now() - started) / 1000;
    const rows = result.imported + result.duplicates + result.rejectedCount;
    console.log(
      `Imported ${count(result.imported)} people into ${args.incidentId} (${count(result.duplicates)} duplicates, ${count(result.rejectedCount)} rejected) ` +
        `in ${seconds.toFixed(1)} s, ${count(Math.round(rows / Math.max(seconds, 0.001)))} rows/s; import ${result.importId}, stage ${result.stage}.`,
    );
    if (result.completedEarlier > 0)
      console.log(
        `This completes ${count(result.completedEarlier)} earlier import(s) of the same file that stopped partway.`,
      );
    console.log(`Rejected rows (row,field,error): ${rejected.path}`);
    return 0;
  } catch (err) {
    await rejected?.discard();
    if (err instanceof BadInput) throw err;
    // 4xx before anything was stored: the file or the incident (malformed CSV, unknown column, closed meanwhile).
    if (err instanceof HttpError && err.status < 500) throw new BadInput(`${err.field ?? 'error'}: ${err.message}`);
    throw err;
  } finally {
    await connection?.close();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof BadInput) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(
      err instanceof ConfigError
        ? `Configuration error: ${err.message}`
        : `Import failed: ${(err as Error).message ?? String(err)}`,
    );
    process.exit(1);
  },
);
