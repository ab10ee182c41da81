// Every CSV the app writes goes through here. Cells hold text from outside
// (alert titles, recipients' addresses, provider errors), and a spreadsheet
// runs a cell that starts with = + - @, a tab or a carriage return as a formula
// (OWASP, "CSV Injection"), so such a cell gets a leading apostrophe.
import { stringify, type Options, type Stringifier } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/** A cell a spreadsheet would read as a formula or control sequence gets a leading quote. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// Only text is cast: numbers and booleans are written as csv-stringify writes them, and none is a formula.
const NEUTRALISED: Options = {
  cast: { string: neutraliseCell },
  // Quoted, so every CSV reader keeps the apostrophe as part of the text.
  quoted_match: /^'/,
};

/** A streaming CSV writer with a header row; each record is an array in the columns' order. */
export function csvStream(columns: string[]): Stringifier {
  return stringify({ ...NEUTRALISED, header: true, columns });
}

/** A whole CSV with a header row, for exports small enough to build in memory. */
export function csvText(columns: string[], records: unknown[][]): string {
  return stringifySync(records, { ...NEUTRALISED, header: true, columns });
}
