// The workflow code bundled once for the whole test run (test/support/global-setup.ts). Webpack costs
// about 4 s of CPU per worker, and a run starts well over a hundred workers and apps; every one that
// runs the production workflows loads this file instead.
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { buildWorkflowBundle, BUNDLE_ENV, WORKFLOWS_PATH } from '../../bin/workflow-bundle';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the production workflows bundled at the start of the run; '' outside the integration project. */
    workflowBundle: string;
  }
}

/** Bundles into `dir` for the global setup; returns the file. */
export async function bundleForRun(dir: string): Promise<string> {
  const file = path.join(dir, 'workflow-bundle.js');
  await buildWorkflowBundle(file);
  return file;
}

/** The shared bundle's path, or undefined where none was built (the unit project, a file run by hand elsewhere). */
export function sharedWorkflowBundle(): string | undefined {
  const file = inject('workflowBundle');
  return file && fs.existsSync(file) ? file : undefined;
}

/** What Worker.create needs to run the production workflows in a test. */
export function testWorkflowSource(): { workflowBundle: WorkflowBundleOption } | { workflowsPath: string } {
  const file = sharedWorkflowBundle();
  return file ? { workflowBundle: { codePath: file } } : { workflowsPath: WORKFLOWS_PATH };
}

/** The environment that makes a worker process (bin/worker.ts, notify-worker-process.ts) load the shared bundle. */
export function workflowBundleEnv(): Record<string, string> {
  const file = sharedWorkflowBundle();
  return file ? { [BUNDLE_ENV]: file } : {};
}
