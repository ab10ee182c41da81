// Deadline timers at their real lengths on the time-skipping test server: a
// law-enforcement hold delays the data-subject notices until release, while the
// GDPR Art. 33 regulator deadline (which no hold may delay) still reminds the
// owner a day before, escalates when it passes, and the hold asks for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from '../../store/connection';
import { openTimeskipWorld, type TimeskipWorld } from '../support/timeskip-world';
import { incidentWorkflowV2 as incidentWorkflow } from '../../workflows/incident/workflow';
import {
  approveNoticesUpdate,
  assessUpdate,
  incidentStateQuery,
  placeHoldUpdate,
  releaseHoldUpdate,
  subjectsImportedUpdate,
  triageUpdate,
} from '../../workflows/incident/messages';
import type { Actor } from '../../workflows/types';
import { recordHistory } from '../support/histories';
import { insertTestIncident } from '../support/incident-row';

const HOUR = 3600_000;
const actor: Actor = { kind: 'user', id: 'tester' };

let world: TimeskipWorld;
let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => {
  world = await openTimeskipWorld('ts');
  ({ env, db } = world);
});

afterAll(async () => {
  await world?.close();
});

const timeskipWorker = (taskQueue: string) => world.worker(taskQueue);

const events = async (id: string, type: string) =>
  (
    await db.all<{ type: string; at: string }>(
      'SELECT type, at FROM audit_log WHERE incident_id = ? AND type = ? ORDER BY seq',
      [id, type],
    )
  ).length;

describe('deadlines under a law-enforcement hold', () => {
  it('holds subject notices until release while the regulator deadline reminds and escalates', async () => {
    const id = '01JTIMESKIP0000000000000001';
    const start = new Date(await env.currentTimeMs()).toISOString();
    await insertTestIncident(db, id, {
      severity: 'high',
      createdAt: start,
      detectionMethod: 'other',
      createdBy: 'tester',
    });
    await db.run(
      "INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES (?, 'A', 'a@example.com', NULL, 'DE', 'en', 'i1', 'k1'), (?, 'B', 'b@example.com', NULL, 'US-CA', 'en', 'i1', 'k2')",
      [id, id],
    );

    const worker = await timeskipWorker('timeskip');

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(incidentWorkflow, {
        workflowId: `incident-${id}`,
        taskQueue: 'timeskip',
        args: [
          {
            incidentId: id,
            createdAt: start,
            openedBy: actor,
            severity: 'high',
            detectedAt: start,
            detectionMethod: 'other',
            dataCategories: [],
          },
        ],
      });
      await handle.executeUpdate(triageUpdate, { args: [{ decision: 'confirm', reasonNoteId: 'n1', actor }] });
      await handle.executeUpdate(subjectsImportedUpdate, {
        args: [{ importId: 'i1', imported: 2, rejected: 0, actor }],
      });
      await handle.executeUpdate(placeHoldUpdate, {
        args: [{ holdId: 'h1', source: 'law_enforcement', form: 'written', reviewEveryDays: 30, actor }],
      });
      const assessed = await handle.executeUpdate(assessUpdate, {
        args: [
          {
            assessmentId: 'a1',
            dataElements: ['name', 'email', 'account_credentials'],
            encrypted: false,
            keyCompromised: false,
            role: 'controller',
            controllerIds: [],
            riskLevel: 'high_risk',
            affected: { DE: 1, 'US-CA': 1 },
            sectors: [],
            actor,
          },
        ],
      });
      await handle.executeUpdate(approveNoticesUpdate, {
        args: [{ noticeVersion: assessed.noticeVersion as string, noteId: 'n2', actor }],
      });

      let state = await handle.query(incidentStateQuery);
      const gdpr = state.obligations.find((o) => o.id.startsWith('eu-gdpr:regulator'))!;
      expect(gdpr.holdMayDelay).toBe(false);
      expect(Date.parse(gdpr.dueAt!) - Date.parse(state.awarenessAt!)).toBe(72 * HOUR);
      expect(state.obligations.filter((o) => o.audience === 'individuals' && o.required).map((o) => o.status)).toEqual([
        'held',
        'held',
      ]);

      // 47 hours in: no reminder yet (it is due 24 hours before the deadline).
      await env.sleep(47 * HOUR);
      expect(await events(id, 'deadline.reminder')).toBe(0);
      await env.sleep(2 * HOUR);
      expect(await events(id, 'deadline.reminder')).toBe(1);
      expect(await events(id, 'deadline.escalation')).toBe(0);
      // Past 72 hours with the report still unfiled: escalation.
      await env.sleep(24 * HOUR);
      expect(await events(id, 'deadline.escalation')).toBe(1);
      const reminders = await db.all<{ to_address: string; subject: string }>(
        "SELECT to_address, subject FROM dev_mailbox WHERE channel = 'email'",
      );
      expect(reminders.length).toBeGreaterThanOrEqual(3);
      expect(reminders.every((m) => m.to_address === 'security@example.org')).toBe(true);

      // The held notices have not gone out.
      expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'subject'"))!.n).toBe(0);

      // Thirty days after the hold: a review reminder.
      await env.sleep(27 * 24 * HOUR);
      expect(await events(id, 'deadline.hold_review')).toBe(1);

      await handle.executeUpdate(releaseHoldUpdate, { args: [{ reasonNoteId: 'n3', actor }] });
      await env.sleep(HOUR);
      state = await handle.query(incidentStateQuery);
      expect(state.obligations.filter((o) => o.audience === 'individuals' && o.required).map((o) => o.status)).toEqual([
        'sent',
        'sent',
      ]);
      const sent = await db.all<{ status: string }>("SELECT status FROM outbox WHERE kind = 'subject'");
      expect(sent.map((r) => r.status)).toEqual(['sent', 'sent']);
      // Released deadlines were recomputed from the release, so the California clock restarts in the future.
      await recordHistory(env.client, `incident-${id}`, 'v2-hold-and-deadlines');
    });
  });
});

describe('obligations due at once', () => {
  it('remind a day after their clock started and escalate after three days, though they have no date', async () => {
    const id = '01JTIMESKIP0000000000000002';
    const start = new Date(await env.currentTimeMs()).toISOString();
    await insertTestIncident(db, id, {
      severity: 'high',
      createdAt: start,
      detectionMethod: 'other',
      createdBy: 'tester',
    });
    const worker = await timeskipWorker('timeskip-due-now');
    const timerEvents = async (type: string, obligationId: string) =>
      (
        await db.all<{ details_json: string }>(
          'SELECT details_json FROM audit_log WHERE incident_id = ? AND type = ? ORDER BY seq',
          [id, type],
        )
      ).filter((e) => (JSON.parse(e.details_json) as { obligationId?: string }).obligationId === obligationId).length;

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(incidentWorkflow, {
        workflowId: `incident-${id}`,
        taskQueue: 'timeskip-due-now',
        args: [
          {
            incidentId: id,
            createdAt: start,
            openedBy: actor,
            severity: 'high',
            detectedAt: start,
            detectionMethod: 'other',
            dataCategories: [],
          },
        ],
      });
      await handle.executeUpdate(triageUpdate, { args: [{ decision: 'confirm', reasonNoteId: 'n1', actor }] });
      await handle.executeUpdate(assessUpdate, {
        args: [
          {
            assessmentId: 'a1',
            dataElements: ['name', 'email', 'account_credentials'],
            encrypted: false,
            keyCompromised: false,
            role: 'controller',
            controllerIds: [],
            riskLevel: 'high_risk',
            affected: { CN: 10 },
            sectors: [],
            actor,
          },
        ],
      });
      const state = await handle.query(incidentStateQuery);
      const atOnce = state.obligations.find((o) => o.required && o.dueNow && !o.dueAt)!;
      expect(atOnce, JSON.stringify(state.obligations.map((o) => [o.id, o.dueAt, o.dueNow]))).toBeDefined();
      // 23 hours after the clock started: nothing yet (24 hours is the reminder).
      await env.sleep(23 * HOUR);
      expect(await timerEvents('deadline.reminder', atOnce.id)).toBe(0);
      await env.sleep(2 * HOUR);
      expect(await timerEvents('deadline.reminder', atOnce.id)).toBe(1);
      expect(await timerEvents('deadline.escalation', atOnce.id)).toBe(0);
      await env.sleep(48 * HOUR);
      expect(await timerEvents('deadline.escalation', atOnce.id)).toBe(1);
      const mail = await db.all<{ subject: string }>(
        "SELECT subject FROM dev_mailbox WHERE channel = 'email' AND subject LIKE 'Due now%'",
      );
      expect(mail.length).toBeGreaterThanOrEqual(1);
    });
  });
});
