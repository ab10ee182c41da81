// SQLite's placeholders ("?" and "?N") as PostgreSQL's ("$N"), so one SQL text serves both
// engines. A bare "?" takes the number after the largest one seen so far, as SQLite numbers it.
// Question marks inside string literals, quoted identifiers and comments are left alone.

const cache = new Map<string, string>();
const CACHE_LIMIT = 5000;

export function toPostgresPlaceholders(sql: string): string {
  const hit = cache.get(sql);
  if (hit !== undefined) return hit;
  const out = translate(sql);
  // Store SQL is a fixed set of texts, but a few build IN lists of varying length: keep it bounded.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sql, out);
  return out;
}

function translate(sql: string): string {
  let out = '';
  let largest = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      let j = i + 1;
      while (j < n && sql[j]! >= '0' && sql[j]! <= '9') j++;
      const number = j > i + 1 ? Number(sql.slice(i + 1, j)) : largest + 1;
      largest = Math.max(largest, number);
      out += `$${number}`;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just past the quote that closes the one at `start`; a doubled quote is an escaped one. */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}
