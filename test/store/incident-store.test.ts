// The read model only moves forward: an older snapshot arriving late (an
// activity retry, two updates in flight) never overwrites a newer one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/connection';
import { migrate } from '../../store/migrations';
import { saveIncidentState, getIncident } from '../../store/incident-store';
import { initialState } from '../../workflows/incident/workflow';
import { insertTestIncident } from '../support/incident-row';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-store-'));
  db = await openDb(path.join(dir, 'db.sqlite'));
  await migrate(db);
  await insertTestIncident(db, 'inc1');
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('incident store', () => {
  it('ignores a snapshot older than the stored one', async () => {
    const base = initialState({
      incidentId: 'inc1',
      createdAt: '',
      openedBy: { kind: 'user', id: 'u' },
      severity: 'low',
      detectedAt: '',
      detectionMethod: 'other',
      dataCategories: [],
    });
    expect((await saveIncidentState(db, { ...base, stateVersion: 2, stage: 'approval' }, [])).applied).toBe(true);
    expect((await saveIncidentState(db, { ...base, stateVersion: 1, stage: 'assessment' }, [])).applied).toBe(false);
    expect((await getIncident(db, 'inc1'))!.stage).toBe('approval');
  });

  it('applies migrations once even when run twice', async () => {
    expect(await migrate(db)).toEqual([]);
    const tables = await db.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'",
    );
    expect(tables).toHaveLength(1);
  });

  it('keeps foreign keys, WAL and a busy timeout on every connection', async () => {
    expect(await db.get<{ journal_mode: string }>('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    await expect(
      db.run(
        "INSERT INTO notes (id, incident_id, kind, body, created_at, created_by) VALUES ('n', 'missing', 'k', 'b', 'now', 'u')",
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
