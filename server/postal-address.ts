// A person's postal address as the CSV gives it: one field, lines separated by newlines or by the two
// characters `\n` (spreadsheets export a line break inside a cell badly). It has to fit the window of an
// envelope: below the name, at most MAX_LINES lines of at most MAX_LINE characters, which is what the letter prints.

export const POSTAL_ADDRESS_MAX_LINES = 5;
export const POSTAL_ADDRESS_MAX_LINE = 60;
export const POSTAL_ADDRESS_MAX_LENGTH = 400;

// Tabs count as spaces (replaced first); any other control character would print as nothing or garbage.
const CONTROL = /\p{Cc}/u;

export type PostalAddressCheck = { ok: true; value: string | null } | { ok: false; message: string };

/** The address as stored (trimmed lines joined by \n, empty lines dropped), null when blank, or why not. */
export function checkPostalAddress(raw: string | undefined): PostalAddressCheck {
  if (raw === undefined) return { ok: true, value: null };
  if (raw.length > POSTAL_ADDRESS_MAX_LENGTH)
    return { ok: false, message: `at most ${POSTAL_ADDRESS_MAX_LENGTH} characters` };
  const lines = raw
    .replace(/\\n/g, '\n')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\t/g, ' ').trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return { ok: true, value: null };
  if (lines.some((l) => CONTROL.test(l))) return { ok: false, message: 'contains control characters' };
  if (lines.length > POSTAL_ADDRESS_MAX_LINES)
    return { ok: false, message: `at most ${POSTAL_ADDRESS_MAX_LINES} lines (it must fit an envelope window)` };
  if (lines.some((l) => l.length > POSTAL_ADDRESS_MAX_LINE))
    return { ok: false, message: `each line at most ${POSTAL_ADDRESS_MAX_LINE} characters` };
  return { ok: true, value: lines.join('\n') };
}
