// A validator's refusal reaches the caller as 409 {error, field}: the field read from rejectUpdate's
// details, and from the "field: message" text of refusals thrown by runs from before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { HttpError } from '../../server/errors';
import { createTemporalGateway, workflowIdFor, type TemporalGateway } from '../../server/temporal-gateway';
import { rejectionOf, rejectUpdate, UPDATE_REJECTED } from '../../workflows/incident/rejections';
import {
  rejectionWorkflow,
  rejectNewStyle,
  rejectOldClass,
  rejectPlainError,
} from '../workflows/fixtures/rejection-workflow';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';

describe('rejectionOf', () => {
  it('reads the field from the details of rejectUpdate', () => {
    const f = rejectUpdate('riskLevel', 'must be none, risk or high_risk');
    expect(f).toBeInstanceOf(ApplicationFailure);
    expect(f).toMatchObject({ type: UPDATE_REJECTED, nonRetryable: true, details: [{ field: 'riskLevel' }] });
    expect(rejectionOf(f)).toEqual({ field: 'riskLevel', message: 'must be none, risk or high_risk' });
  });

  it('walks the cause chain, parses the old "field: message", and answers null without a failure', () => {
    const old = ApplicationFailure.create({ type: 'UpdateRejected', message: 'hold: no hold is in force' });
    expect(rejectionOf(new Error('wrapper', { cause: old }))).toEqual({
      field: 'hold',
      message: 'no hold is in force',
    });
    const plain = ApplicationFailure.create({ type: 'Error', message: 'refused for no named field' });
    expect(rejectionOf(plain)).toEqual({ field: null, message: 'refused for no named field' });
    expect(rejectionOf(new Error('riskLevel: not a failure'))).toBeNull();
    expect(rejectionOf('riskLevel: a string')).toBeNull();
  });
});

describe('update refusals through a real server', () => {
  let connection: Connection;
  let nc: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let gateway: TemporalGateway;
  const incidentId = `rejections-${Date.now().toString(36)}`;

  beforeAll(async () => {
    const taskQueue = uniqueTaskQueue('rejections');
    connection = await Connection.connect({ address: testTemporalAddress() });
    nc = await NativeConnection.connect({ address: testTemporalAddress() });
    worker = await Worker.create({
      connection: nc,
      taskQueue,
      workflowsPath: require.resolve('../workflows/fixtures/rejection-workflow.ts'),
    });
    running = worker.run();
    const client = new Client({ connection });
    gateway = createTemporalGateway(client, { taskQueue, updateTimeoutMs: 20_000 });
    await client.workflow.start(rejectionWorkflow, { workflowId: workflowIdFor(incidentId), taskQueue });
  });

  afterAll(async () => {
    await gateway?.client.workflow
      .getHandle(workflowIdFor(incidentId))
      .terminate('test done')
      .catch(() => undefined);
    worker?.shutdown();
    await running;
    await nc?.close();
    await connection?.close();
  });

  const refusal = async (def: typeof rejectNewStyle) => {
    const err = await gateway.update(incidentId, def, {}, `key-${def.name}`).then(
      () => new Error('accepted'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HttpError);
    const { status, field, message } = err as HttpError;
    return { status, field, message };
  };

  it('answers rejectUpdate with 409 and the field from its details', async () => {
    expect(await refusal(rejectNewStyle)).toEqual({
      status: 409,
      field: 'riskLevel',
      message: 'must be none, risk or high_risk',
    });
  });

  it('answers the old UpdateRejected class with 409 and the field from its message', async () => {
    expect(await refusal(rejectOldClass)).toEqual({
      status: 409,
      field: 'affected.DE',
      message: 'must be a whole number of people',
    });
  });

  it('answers a plain Error("field: message") with 409 and the field from its message', async () => {
    expect(await refusal(rejectPlainError)).toEqual({
      status: 409,
      field: 'noticeVersion',
      message: 'stale: the current version is abc',
    });
  });
});
