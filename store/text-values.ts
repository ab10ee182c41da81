// PostgreSQL's text cannot hold U+0000 and SQLite's can; a value with one would be a 500 on one
// engine and a row that cannot be migrated on the other. Both engines refuse it the same way,
// before the statement runs, and the web answers 400 (server/errors.ts).
export class NulInTextError extends Error {
  constructor() {
    super('text must not contain the NUL character (U+0000)');
    this.name = 'NulInTextError';
  }
}

/** Throws NulInTextError when a string parameter holds U+0000. */
// Parameters typed loosely so connection.ts, which defines Params, need not be imported here.
export function refuseNulInText(params: readonly unknown[] | Record<string, unknown> | undefined): void {
  if (params === undefined) return;
  for (const v of Array.isArray(params) ? params : Object.values(params))
    if (typeof v === 'string' && v.includes('\u0000')) throw new NulInTextError();
}
