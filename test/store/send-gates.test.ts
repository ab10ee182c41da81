// The send gate (migration 018): a row allowing a version lets only that version's data-subject
// rows be claimed, a closed row lets none, and no row at all is ungated (incidents whose workflow
// never writes one keep sending). A later version's pages skip people an earlier one told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { claimSubjectRows, pageWork, type PageBounds } from '../../store/outbox-pages';
import { readSendGate, writeSendGateTx } from '../../store/send-gates';
import { beginSendAttempt } from '../../store/send-attempts';
import { createPersistState } from '../../activities/persist-state';
import { initialState } from '../../workflows/incident/workflow';
import { makePeople, NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { testEngines } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  const V2 = 'e'.repeat(64);
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openFixtureDb('send-gates', engine));
  });
  afterAll(async () => {
    await drop?.();
  });

  let seq = 0;
  async function incident(n: number) {
    const incidentId = `01JSENDGATES${String(++seq).padStart(14, '0')}`;
    const ids = await seedIncident(db, incidentId, makePeople(n, { prefix: `sg${seq}-` }));
    const attempt = {
      id: `sg-attempt-${seq}`,
      activityKey: `test/sg/${seq}`,
      attempt: 1,
      incidentId,
      kind: 'page' as const,
    };
    await beginSendAttempt(db, attempt);
    return { incidentId, ids, attemptId: attempt.id };
  }

  const setGate = (incidentId: string, allowedVersion: string | null, reason: string | null) =>
    db.transaction((tx) => writeSendGateTx(tx, { incidentId, allowedVersion, reason }));

  const bounds = (incidentId: string, ids: number[], noticeVersion = NOTICE_VERSION): PageBounds => ({
    incidentId,
    noticeVersion,
    fromId: ids[0]!,
    toId: ids[ids.length - 1]!,
  });

  const outboxCount = async (incidentId: string) =>
    (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ?', [incidentId]))!.n;

  describe('send gate in the claim', () => {
    it('claims under a gate allowing the version, nothing (and creates no row) once it is closed', async () => {
      const { incidentId, ids, attemptId } = await incident(4);
      await setGate(incidentId, NOTICE_VERSION, null);
      const { rows } = await pageWork(db, bounds(incidentId, ids), 'email');
      expect(rows).toHaveLength(4);
      expect(await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(0, 2), attemptId)).toHaveLength(2);

      await setGate(incidentId, null, 'hold');
      expect(await readSendGate(db, incidentId)).toMatchObject({ allowed_version: null, reason: 'hold' });
      // The INSERT path (rows not created yet) claims and creates nothing.
      expect(await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(2), attemptId)).toEqual([]);
      expect(await outboxCount(incidentId)).toBe(2);
      // The UPDATE path (a row put back to pending) claims nothing either.
      await db.run("UPDATE outbox SET status = 'pending' WHERE incident_id = ?", [incidentId]);
      const { rows: pending } = await pageWork(db, bounds(incidentId, ids), 'email');
      expect(pending.filter((r) => r.id !== null)).toHaveLength(2);
      expect(await claimSubjectRows(db, incidentId, NOTICE_VERSION, pending, attemptId)).toEqual([]);
      expect(await outboxCount(incidentId)).toBe(2);
      expect(
        (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ? AND status = 'claimed'", [
          incidentId,
        ]))!.n,
      ).toBe(0);

      // Reopened: both paths claim again.
      await setGate(incidentId, NOTICE_VERSION, null);
      expect(await claimSubjectRows(db, incidentId, NOTICE_VERSION, pending, attemptId)).toHaveLength(4);
    });

    it('a gate allowing another version blocks this one; no gate row at all claims (legacy)', async () => {
      const a = await incident(2);
      await setGate(a.incidentId, V2, null);
      const { rows } = await pageWork(db, bounds(a.incidentId, a.ids), 'email');
      expect(await claimSubjectRows(db, a.incidentId, NOTICE_VERSION, rows, a.attemptId)).toEqual([]);
      expect(await outboxCount(a.incidentId)).toBe(0);

      const legacy = await incident(2);
      expect(await readSendGate(db, legacy.incidentId)).toBeUndefined();
      const { rows: lr } = await pageWork(db, bounds(legacy.incidentId, legacy.ids), 'email');
      expect(await claimSubjectRows(db, legacy.incidentId, NOTICE_VERSION, lr, legacy.attemptId)).toHaveLength(2);
    });

    it('persistState writes the gate with the state, leaves it alone without one, and not with a stale snapshot', async () => {
      const { incidentId } = await incident(1);
      const persist = createPersistState(db);
      const state = initialState({
        incidentId,
        createdAt: '',
        openedBy: { kind: 'user', id: 'u' },
        severity: 'low',
        detectedAt: '',
        detectionMethod: 'other',
        dataCategories: [],
      });
      await persist({ state: { ...state, stateVersion: 1 }, events: [], gate: { allowedVersion: V2, reason: null } });
      expect(await readSendGate(db, incidentId)).toMatchObject({ allowed_version: V2, reason: null });
      await persist({ state: { ...state, stateVersion: 2 }, events: [] });
      expect(await readSendGate(db, incidentId)).toMatchObject({ allowed_version: V2 });
      await persist({
        state: { ...state, stateVersion: 3 },
        events: [],
        gate: { allowedVersion: null, reason: 'closed' },
      });
      expect(await readSendGate(db, incidentId)).toMatchObject({ allowed_version: null, reason: 'closed' });
      // A late, older snapshot applies nothing, so it cannot reopen the gate.
      const late = await persist({
        state: { ...state, stateVersion: 2 },
        events: [],
        gate: { allowedVersion: V2, reason: null },
      });
      expect(late.applied).toBe(false);
      expect(await readSendGate(db, incidentId)).toMatchObject({ allowed_version: null, reason: 'closed' });
    });
  });

  describe('a later version of the notice', () => {
    it('skips people an earlier version told, includes those whose row failed, and a correction includes all', async () => {
      const { incidentId, ids, attemptId } = await incident(3);
      const [told, failed, untouched] = ids as [number, number, number];
      const { rows } = await pageWork(db, bounds(incidentId, ids), 'email');
      const claimed = await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(0, 2), attemptId);
      expect(claimed).toHaveLength(2);
      await db.run("UPDATE outbox SET status = 'sent' WHERE incident_id = ? AND subject_id = ?", [incidentId, told]);
      await db.run("UPDATE outbox SET status = 'failed' WHERE incident_id = ? AND subject_id = ?", [
        incidentId,
        failed,
      ]);

      const v2 = await pageWork(db, bounds(incidentId, ids, V2), 'email');
      expect(v2.rows.map((r) => r.subject_id)).toEqual([failed, untouched]);
      expect(v2.rows.every((r) => r.id === null)).toBe(true);

      // Claimed and uncertain rows of the older version may have told them too.
      await db.run("UPDATE outbox SET status = 'uncertain' WHERE incident_id = ? AND subject_id = ?", [
        incidentId,
        told,
      ]);
      expect((await pageWork(db, bounds(incidentId, ids, V2), 'email')).rows.map((r) => r.subject_id)).toEqual([
        failed,
        untouched,
      ]);

      const correction = await pageWork(db, { ...bounds(incidentId, ids, V2), correction: true }, 'email');
      expect(correction.rows.map((r) => r.subject_id)).toEqual([told, failed, untouched]);

      // The version itself is unaffected: its own rows decide, as before.
      expect((await pageWork(db, bounds(incidentId, ids), 'email')).rows.map((r) => r.subject_id)).toEqual([untouched]);
    });
  });
});
