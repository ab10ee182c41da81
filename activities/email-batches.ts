// Splits one page of email rows into SendGrid requests: one per locale (each
// locale has its own approved text), at most 1,000 people each, and never the
// same address twice in a request (SendGrid refuses the whole request then), so
// a repeated address moves to the next request.
export const MAX_BATCH = 1000;

export function groupEmailBatches<T extends { locale: string; email: string | null }>(
  rows: T[],
  max = MAX_BATCH,
): { locale: string; rows: T[] }[] {
  const out: { locale: string; rows: T[]; addresses: Set<string> }[] = [];
  const open = new Map<string, { locale: string; rows: T[]; addresses: Set<string> }[]>();
  for (const row of rows) {
    const address = (row.email ?? '').toLowerCase();
    let batches = open.get(row.locale);
    if (!batches) open.set(row.locale, (batches = []));
    let target = batches.find((b) => b.rows.length < max && !b.addresses.has(address));
    if (!target) {
      target = { locale: row.locale, rows: [], addresses: new Set() };
      batches.push(target);
      out.push(target);
    }
    target.rows.push(row);
    target.addresses.add(address);
  }
  return out.map(({ locale, rows: r }) => ({ locale, rows: r }));
}
