import { describe, expect, it } from 'vitest';
import { groupEmailBatches } from '../../activities/email-batches';

describe('email batches', () => {
  it('moves an address repeated within a request to another request, and keeps locales apart', () => {
    const rows = [
      { id: 1, locale: 'en', email: 'a@x.org' },
      { id: 2, locale: 'en', email: 'A@x.org' },
      { id: 3, locale: 'en', email: 'b@x.org' },
      { id: 4, locale: 'zh-CN', email: 'a@x.org' },
    ];
    const batches = groupEmailBatches(rows);
    expect(batches.map((b) => [b.locale, b.rows.map((r) => r.id)])).toEqual([
      ['en', [1, 3]],
      ['en', [2]],
      ['zh-CN', [4]],
    ]);
  });

  it('never puts more than the limit in one request', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: i, locale: 'en', email: `p${i}@x.org` }));
    expect(groupEmailBatches(rows).map((b) => b.rows.length)).toEqual([1000, 1000, 500]);
  });
});
