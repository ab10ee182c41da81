// Recorded workflow histories for the replay test. Set RECORD_HISTORIES=1 to
// refresh them from a test run; commit the files so replay checks every later
// change to workflow code against runs of the code that produced them.
// Stored as protobuf binary: the SDK's JSON helpers trip over two protobufjs
// copies in this dependency tree, and binary is the server's own format.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { payloadKey, type PayloadKey } from '../../lib/payload-codec';

export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

/** True while a run refreshes the committed histories. */
export const recordingHistories = (): boolean => process.env.RECORD_HISTORIES === '1';

/**
 * The payload key of a recording run. Public on purpose: recorded histories hold test data only, and
 * the replay test must open their sealed payloads (an app's own key is made per data directory).
 */
export const RECORDING_PAYLOAD_KEY: PayloadKey = payloadKey(
  createHash('sha256').update('breachline: the key of recorded test histories').digest(),
);

/** Records the latest run of the workflow, or the run given (a run that continued as new). */
export async function recordHistory(client: Client, workflowId: string, name: string, runId?: string): Promise<void> {
  if (!recordingHistories()) return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.binpb`), temporal.api.history.v1.History.encode(history).finish());
}

export function readHistory(file: string): temporal.api.history.v1.History {
  return temporal.api.history.v1.History.decode(fs.readFileSync(path.join(HISTORIES_DIR, file)));
}
