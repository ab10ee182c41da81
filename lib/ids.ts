// Ids are ULIDs: sortable by creation time, so lists ordered by id read oldest first.
// A prefix says what the id names wherever it turns up (a log line, an audit row).
import { ulid } from 'ulid';

export type IdPrefix = 'usr' | 'tok' | 'imp' | 'dev';

export function newId(prefix?: IdPrefix): string {
  return prefix ? `${prefix}_${ulid()}` : ulid();
}
