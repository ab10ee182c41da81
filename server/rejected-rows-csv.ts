// The full list of an import's rejected rows as a CSV file (row,field,error),
// for imports too large for the 1,000 rejections the result lists. It holds
// row numbers and reasons only, never the person's data, so it can be shared
// with whoever fixes the source file.
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Rejection } from './use-cases/import-subjects';
import { csvStream } from '../lib/csv';

export interface RejectedRowsCsv {
  readonly path: string;
  rows: number;
  /** Resolves at once unless the file is behind, so a fast import is not slowed by a slow disk. */
  write(rejection: Rejection): void | Promise<void>;
  close(): Promise<void>;
  /** Closes and deletes the file: for an import that failed, whose list would mislead. */
  discard(): Promise<void>;
}

/** Opens (creates or truncates) the file at once, so a path that cannot be written fails before any import work. */
export function openRejectedRowsCsv(path: string): RejectedRowsCsv {
  const out = fs.createWriteStream(path, { fd: fs.openSync(path, 'w') });
  const done = finished(out);
  done.catch(() => undefined);
  const csv = csvStream(['row', 'field', 'error']);
  csv.pipe(out);
  let ended = false;
  const close = async () => {
    if (!ended) {
      ended = true;
      csv.end();
    }
    await done;
  };
  return {
    path,
    rows: 0,
    write(rejection) {
      this.rows++;
      if (!csv.write([rejection.row, rejection.field, rejection.message]))
        return once(csv, 'drain').then(() => undefined);
    },
    close,
    async discard() {
      await close().catch(() => undefined);
      fs.rmSync(path, { force: true });
    },
  };
}
