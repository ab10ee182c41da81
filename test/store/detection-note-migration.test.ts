// Migration 017 moves the words out of detection_method: incidents opened before the codes keep
// what they were given as the detection note, and the method becomes a code.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/connection';
import { loadMigrations } from '../../store/migrations';

let db: Db;
beforeAll(async () => {
  db = await openDb(':memory:');
});
afterAll(async () => {
  await db.close();
});

it('turns alert:<source> into alert with the source as the note, and other text into other with the text as the note', async () => {
  const migrations = loadMigrations();
  for (const m of migrations.filter((x) => x.id < 17)) await db.exec(m.sql);
  const at = '2026-12-01T00:00:00.000Z';
  const insert = (id: string, method: string) =>
    db.run(
      `INSERT INTO incidents (id, title, description, severity, detected_at, detection_method, data_categories, created_at, created_by, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?)`,
      [id, 'Before the codes', '', 'high', at, method, '[]', at, 'test', at],
    );
  await insert('A', 'alert:monitor');
  await insert('B', 'Call from jane@example.com');
  await insert('C', 'audit');
  for (const m of migrations.filter((x) => x.id === 17)) await db.exec(m.sql);
  const rows = await db.all<{ id: string; detection_method: string; detection_note: string | null }>(
    'SELECT id, detection_method, detection_note FROM incidents ORDER BY id',
  );
  expect(rows).toEqual([
    { id: 'A', detection_method: 'alert', detection_note: 'monitor' },
    { id: 'B', detection_method: 'other', detection_note: 'Call from jane@example.com' },
    { id: 'C', detection_method: 'audit', detection_note: null },
  ]);
});
