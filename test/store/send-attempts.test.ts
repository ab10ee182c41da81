// Claims name their attempt: a retried activity ends the attempt before it, whose claims
// become uncertain and who can claim or record nothing more; a silent attempt is ended by
// the sweep; a live attempt of another activity keeps its claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { claimSubjectRows, finishClaims, pageWork, type PendingSubjectRow } from '../../store/outbox-pages';
import { claimRow, ensureOutboxRow, finishRow } from '../../store/outbox';
import {
  beginSendAttempt,
  endSendAttempt,
  sweepDeadClaims,
  touchSendAttempt,
  type SendAttemptRecord,
} from '../../store/send-attempts';
import { makePeople, NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { testEngines } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openFixtureDb('attempts', engine));
  });
  afterAll(async () => {
    await drop?.();
  });

  let seq = 0;
  function attempt(incidentId: string, key: string, n: number): SendAttemptRecord {
    return { id: `a${++seq}`, activityKey: key, attempt: n, incidentId, kind: 'page' };
  }

  async function page(incidentId: string, ids: number[]): Promise<PendingSubjectRow[]> {
    const { rows } = await pageWork(
      db,
      { incidentId, noticeVersion: NOTICE_VERSION, fromId: ids[0]!, toId: ids[ids.length - 1]! },
      'email',
    );
    return rows;
  }

  const statuses = async (incidentId: string) =>
    Object.fromEntries(
      (
        await db.all<{ status: string; n: number }>(
          'SELECT status, COUNT(*) AS n FROM outbox WHERE incident_id = ? GROUP BY status',
          [incidentId],
        )
      ).map((r) => [r.status, r.n]),
    );

  describe('send attempts', () => {
    it('a retry ends the attempt before it: its claims turn uncertain and its writes do nothing', async () => {
      const incidentId = '01JATTEMPTS000000000000001';
      const ids = await seedIncident(db, incidentId, makePeople(6, { prefix: 'att1' }));
      const first = attempt(incidentId, 'wf/run/page-1', 1);
      await beginSendAttempt(db, first);
      const rows = await page(incidentId, ids);
      const claimed = await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(0, 3), first.id);
      expect(claimed).toHaveLength(3);

      // Temporal gave up on the first attempt (heartbeat timeout) while its process sends on.
      const second = attempt(incidentId, 'wf/run/page-1', 2);
      expect(await beginSendAttempt(db, second)).toBe(3);
      expect(await statuses(incidentId)).toEqual({ uncertain: 3 });

      // The old attempt's outcome for the rows it held is not recorded, and it can claim nothing more.
      await finishClaims(
        db,
        claimed.map((r) => r.id!),
        { status: 'sent', provider: 'sendgrid', providerId: 'x' },
        first.id,
      );
      expect(await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(3), first.id)).toEqual([]);
      expect(await statuses(incidentId)).toEqual({ uncertain: 3 });

      // The new attempt claims and records the rest.
      const mine = await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(3), second.id);
      expect(mine).toHaveLength(3);
      await finishClaims(
        db,
        mine.map((r) => r.id!),
        { status: 'sent', provider: 'sendgrid', providerId: 'y' },
        second.id,
      );
      expect(await statuses(incidentId)).toEqual({ uncertain: 3, sent: 3 });
    });

    it('a silent attempt is ended by the sweep; a live one of another activity keeps its claims', async () => {
      const incidentId = '01JATTEMPTS000000000000002';
      const ids = await seedIncident(db, incidentId, makePeople(4, { prefix: 'att2' }));
      const rows = await page(incidentId, ids);
      const silent = attempt(incidentId, 'wf/run/fallback', 1);
      const live = attempt(incidentId, 'wf/run/page-2', 1);
      await beginSendAttempt(db, silent);
      await beginSendAttempt(db, live);
      await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(0, 2), silent.id);
      const liveRows = await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(2), live.id);

      // Not silent for long enough: nothing moves.
      expect(await sweepDeadClaims(db, incidentId)).toBe(0);
      await db.run("UPDATE send_attempts SET alive_at = '2020-01-01T00:00:00.000Z' WHERE id = ?", [silent.id]);
      expect(await sweepDeadClaims(db, incidentId)).toBe(2);
      // A beat after being declared dead does not bring it back.
      await touchSendAttempt(db, silent.id);
      expect(await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(0, 2), silent.id)).toEqual([]);

      await finishClaims(
        db,
        liveRows.map((r) => r.id!),
        { status: 'sent', provider: 'sendgrid', providerId: 'z' },
        live.id,
      );
      expect(await statuses(incidentId)).toEqual({ uncertain: 2, sent: 2 });
    });

    it('an attempt that ends holding claims leaves them uncertain, for regulator and controller rows too', async () => {
      const incidentId = '01JATTEMPTS000000000000003';
      await seedIncident(db, incidentId, []);
      const a = { ...attempt(incidentId, 'wf/run/regulator', 1), kind: 'regulator' as const };
      await beginSendAttempt(db, a);
      const row = await ensureOutboxRow(db, {
        id: 'reg-row-1',
        incidentId,
        kind: 'regulator',
        recipientRef: 'obl-1',
        channel: 'email',
        locale: 'en',
        noticeVersion: 'v:initial',
        template: 'regulator-report',
      });
      expect(await claimRow(db, row.id, a.id)).toBe(true);
      expect(await endSendAttempt(db, a)).toBe(1);
      await finishRow(db, row.id, { status: 'sent', provider: 'sendgrid' }, a.id);
      expect(await statuses(incidentId)).toEqual({ uncertain: 1 });
      expect(await claimRow(db, row.id, a.id)).toBe(false);
    });
  });
});
