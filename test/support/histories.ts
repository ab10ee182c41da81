// Recorded workflow histories for the replay test. Set RECORD_HISTORIES=1 to
// refresh them from a test run; commit the files so replay checks every later
// change to workflow code against runs of the code that produced them.
// Stored as protobuf binary: the SDK's JSON helpers trip over two protobufjs
// copies in this dependency tree, and binary is the server's own format.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

/** Records the latest run of the workflow, or the run given (a run that continued as new). */
export async function recordHistory(client: Client, workflowId: string, name: string, runId?: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.binpb`), temporal.api.history.v1.History.encode(history).finish());
}

export function readHistory(file: string): temporal.api.history.v1.History {
  return temporal.api.history.v1.History.decode(fs.readFileSync(path.join(HISTORIES_DIR, file)));
}
