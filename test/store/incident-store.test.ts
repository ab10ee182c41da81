// The read model only moves forward: an older snapshot arriving late (an
// activity retry, two updates in flight) never overwrites a newer one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { migrate } from '../../store/migrations';
import { saveIncidentState, getIncident } from '../../store/incident-store';
import { initialState } from '../../workflows/incident/workflow';
import { insertTestIncident } from '../support/incident-row';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  let t: TestDb;
  let db: Db;
  beforeEach(async () => {
    t = await openTestDb(engine, 'store');
    db = t.db;
    await insertTestIncident(db, 'inc1');
  });
  afterEach(() => t.drop());

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

    it('replaces a snapshot with one of the same version run again, keeping each keyed event once', async () => {
      const base = initialState({
        incidentId: 'inc1',
        createdAt: '',
        openedBy: { kind: 'user', id: 'u' },
        severity: 'low',
        detectedAt: '',
        detectionMethod: 'other',
        dataCategories: [],
      });
      const alert = (n: number) => ({
        incidentId: 'inc1',
        type: 'alert.trigger',
        at: '2026-12-01T00:00:00.000Z',
        actor: { kind: 'webhook' as const, id: 'monitor' },
        summary: 'Alert trigger received',
        details: { alertId: `alr_${n}` },
        eventKey: `inc1:${n}`,
      });
      // A worker died after the first write committed; its replay writes version 1 again with an alert
      // that arrived meanwhile.
      await saveIncidentState(db, { ...base, stateVersion: 1, alertCount: 1 }, [alert(1)]);
      const again = await saveIncidentState(db, { ...base, stateVersion: 1, alertCount: 2 }, [alert(1), alert(2)]);
      expect(again.applied).toBe(true);
      expect((await getIncident(db, 'inc1'))!.alert_count).toBe(2);
      const events = await db.all<{ event_key: string }>(
        "SELECT event_key FROM audit_log WHERE incident_id = 'inc1' AND type = 'alert.trigger' ORDER BY seq",
      );
      expect(events.map((e) => e.event_key)).toEqual(['inc1:1', 'inc1:2']);
      // The first run's write committing late (its worker stalled, not dead) does not put the smaller count back.
      const late = await saveIncidentState(db, { ...base, stateVersion: 1, alertCount: 1 }, [alert(1)]);
      expect(late.applied).toBe(false);
      expect((await getIncident(db, 'inc1'))!.alert_count).toBe(2);
      // A newer version applies whatever it counts.
      expect((await saveIncidentState(db, { ...base, stateVersion: 2, alertCount: 2 }, [])).applied).toBe(true);
    });

    it('applies migrations once even when run twice', async () => {
      expect(await migrate(db)).toEqual([]);
      const tables = await db.all<{ name: string }>(
        engine === 'sqlite'
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
          : "SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'audit_log'",
      );
      expect(tables).toHaveLength(1);
    });

    // Connection pragmas are SQLite's own; PostgreSQL has no per-connection switch for these.
    it.runIf(engine === 'sqlite')('keeps foreign keys, WAL and a busy timeout on every connection', async () => {
      expect(await db.get<{ journal_mode: string }>('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      await expect(
        db.run(
          "INSERT INTO notes (id, incident_id, kind, body, created_at, created_by) VALUES ('n', 'missing', 'k', 'b', 'now', 'u')",
        ),
      ).rejects.toThrow(/FOREIGN KEY/);
    });

    // SQLite's foreign keys are checked by the pragma test above; this checks PostgreSQL's constraints.
    it.runIf(engine === 'postgres')('enforces foreign keys', async () => {
      await expect(
        db.run(
          "INSERT INTO notes (id, incident_id, kind, body, created_at, created_by) VALUES ('n', 'missing', 'k', 'b', 'now', 'u')",
        ),
      ).rejects.toThrow(/foreign key/);
    });
  });
});
