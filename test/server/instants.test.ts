import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../lib/instant';
import { incidentBody, startHarness, type Harness } from '../support/app-harness';

describe('times in requests', () => {
  it.each([
    ['2026-02-30T10:00:00Z', 'not a real date'],
    ['2027-02-29T10:00:00Z', 'not a real date'],
    ['2026-04-31T10:00:00Z', 'not a real date'],
    ['2026-11-26T24:00:00Z', 'not a real date'],
    ['2026-11-26T10:60:00Z', 'not a real date'],
    ['2026-11-26T10:00:00', 'with a zone'],
    ['2026-11-26 10:00:00Z', 'with a zone'],
    ['2026-11-26', 'with a zone'],
    ['0000-01-01T00:00:00Z', 'between 1970 and 2100'],
    ['9999-12-31T23:59:59Z', 'between 1970 and 2100'],
    ['1969-12-31T23:59:59Z', 'between 1970 and 2100'],
    ['2026-11-26T10:00:00+15:00', 'not a time zone offset'],
  ])('refuses %s (%s)', (text, reason) => {
    const parsed = parseInstant(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });

  it.each([
    ['2028-02-29T10:00:00Z', '2028-02-29T10:00:00.000Z'],
    ['2026-11-26T09:00:00+01:00', '2026-11-26T08:00:00.000Z'],
    ['2026-11-26T09:00:00-0530', '2026-11-26T14:30:00.000Z'],
    ['2026-11-26T09:00Z', '2026-11-26T09:00:00.000Z'],
    ['2026-11-26T09:00:00.123456Z', '2026-11-26T09:00:00.123Z'],
    ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text)).toEqual({ ok: true, iso });
  });

  describe('over the API', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('answers 400 naming the field and opens nothing for a date that does not exist', async () => {
      const before = await h.api('GET', '/api/incidents');
      const r = await h.api('POST', '/api/incidents', incidentBody({ detectedAt: '2026-02-30T10:00:00Z' }));
      expect(r.status).toBe(400);
      expect(r.body.field).toBe('detectedAt');
      expect(r.body.error).toContain('not a real date');
      const after = await h.api('GET', '/api/incidents');
      expect(after.body).toEqual(before.body);
    });

    it('stores an offset time as the same instant in UTC', async () => {
      const r = await h.api('POST', '/api/incidents', incidentBody({ detectedAt: '2026-11-26T09:00:00+01:00' }));
      expect(r.status).toBe(201);
      const got = await h.api('GET', `/api/incidents/${r.body.id}`);
      expect(JSON.stringify(got.body)).toContain('2026-11-26T08:00:00.000Z');
    });
  });
});
