// A new rules catalog reaches a running incident only when a person asks:
// until then the incident keeps the obligations it was assessed under and the
// timeline says a newer catalog is available. (Workflow unit test: the rules
// activity is wrapped to report a newer catalog; everything else is real.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createProviders } from '../../activities/providers';
import { createMailboxStore } from '../../activities/mailbox-store';
import { createLogger } from '../../lib/logger';
import { incidentWorkflowV2 as incidentWorkflow } from '../../workflows/incident/workflow';
import { assessUpdate, incidentStateQuery, recomputeUpdate, triageUpdate } from '../../workflows/incident/messages';
import type { Actor } from '../../workflows/types';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { insertTestIncident } from '../support/incident-row';
import { openTestDb, type TestDb } from '../support/test-db';
import { testWorkflowSource } from '../support/workflow-bundle';

const actor: Actor = { kind: 'user', id: 'dpo' };
let testDb: TestDb;
let db: Db;
let client: Client;
let connection: Connection;

beforeAll(async () => {
  testDb = await openTestDb(undefined, 'catalog');
  db = testDb.db;
  connection = await Connection.connect({ address: testTemporalAddress() });
  client = new Client({ connection });
});
afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
});

describe('rules catalog version', () => {
  it('keeps the assessed catalog until a person asks for a recompute', async () => {
    const local = createProviders({}, createMailboxStore(db));
    const real = createActivities({
      db,
      email: local.email,
      sms: local.sms,
      logger: createLogger('test', 'silent'),
      baseUrl: 'http://localhost',
    });
    let upgraded = false;
    const activities = {
      ...real,
      // v2 asks for the changed obligations only; the next catalog is asked for them all, one of them changed.
      computeObligationsDelta: async (input: Parameters<typeof real.computeObligationsDelta>[0]) => {
        const r = await real.computeObligationsDelta(upgraded ? { ...input, knownDigests: {} } : input);
        return upgraded
          ? {
              ...r,
              catalogVersion: `${r.catalogVersion}-next`,
              obligations: r.obligations.map((o) =>
                !('unchanged' in o) && o.regime === 'eu-gdpr' && o.audience === 'regulator'
                  ? { ...o, deadline: 'changed by the next catalog' }
                  : o,
              ),
            }
          : r;
      },
    };
    const taskQueue = uniqueTaskQueue('catalog');
    const nc = await NativeConnection.connect({ address: testTemporalAddress() });
    const worker = await Worker.create({
      connection: nc,
      taskQueue,
      ...testWorkflowSource(),
      activities,
    });
    const id = '01JCATALOGVERSION000000001';
    const now = new Date().toISOString();
    await insertTestIncident(db, id);
    await worker.runUntil(async () => {
      const handle = await client.workflow.start(incidentWorkflow, {
        workflowId: `incident-${id}`,
        taskQueue,
        args: [
          {
            incidentId: id,
            createdAt: now,
            openedBy: actor,
            severity: 'low',
            detectedAt: now,
            detectionMethod: 'other',
            dataCategories: [],
          },
        ],
      });
      await handle.executeUpdate(triageUpdate, { args: [{ decision: 'confirm', reasonNoteId: 'n', actor }] });
      const assess = (affected: Record<string, number>) =>
        handle.executeUpdate(assessUpdate, {
          args: [
            {
              assessmentId: 'a',
              dataElements: ['email'],
              encrypted: false,
              keyCompromised: false,
              role: 'controller',
              controllerIds: [],
              riskLevel: 'risk',
              affected,
              sectors: [],
              actor,
            },
          ],
        });
      await assess({ DE: 10 });
      const first = await handle.query(incidentStateQuery);
      const version = first.catalogVersion!;

      upgraded = true;
      await assess({ DE: 10, FR: 5 });
      let s = await handle.query(incidentStateQuery);
      expect(s.catalogVersion).toBe(version);
      expect(s.availableCatalogVersion).toBe(`${version}-next`);
      expect(s.obligations.find((o) => o.id.startsWith('eu-gdpr:regulator'))!.deadline).not.toBe(
        'changed by the next catalog',
      );
      const notes = await db.all<{ type: string }>(
        "SELECT type FROM audit_log WHERE incident_id = ? AND type = 'catalog.update_available'",
        [id],
      );
      expect(notes).toHaveLength(1);

      await handle.executeUpdate(recomputeUpdate, { args: [{ reasonNoteId: 'note-apply-catalog', actor }] });
      s = await handle.query(incidentStateQuery);
      expect(s.catalogVersion).toBe(`${version}-next`);
      expect(s.availableCatalogVersion).toBeNull();
      expect(
        s.obligations.find((o) => o.id.startsWith('eu-gdpr:regulator') && o.status !== 'superseded')!.deadline,
      ).toBe('changed by the next catalog');
      await handle.terminate('test done');
    });
    await nc.close();
  });
});
