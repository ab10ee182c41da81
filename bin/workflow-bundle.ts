// The workflow code as one prebuilt bundle. Bundling with webpack costs a worker
// several hundred MB at start and that peak stays as its high-water mark for the
// process's life, so `npm start` bundles once in a short-lived child and hands the
// file to the worker (BREACHLINE_WORKFLOW_BUNDLE); a worker started alone still
// bundles for itself. Run as a script: `tsx bin/workflow-bundle.ts <out.js>`.
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleOption } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../temporal.config';

export const WORKFLOWS_PATH = path.join(__dirname, '../workflows/index.ts');
export const BUNDLE_ENV = 'BREACHLINE_WORKFLOW_BUNDLE';

export async function buildWorkflowBundle(outFile: string): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: quietLogger,
  });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  // Written aside and renamed, so a worker never loads half a file.
  const tmp = `${outFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, code);
  fs.renameSync(tmp, outFile);
}

/** What Worker.create needs to find the workflows: the prebuilt bundle when one is named, else the source. */
export function workflowSource(
  env: NodeJS.ProcessEnv = process.env,
): { workflowBundle: WorkflowBundleOption } | { workflowsPath: string } {
  const file = env[BUNDLE_ENV];
  if (file) {
    if (!fs.existsSync(file)) throw new Error(`${BUNDLE_ENV}: ${file} does not exist`);
    return { workflowBundle: { codePath: file } };
  }
  return { workflowsPath: WORKFLOWS_PATH };
}

const noop = () => {};
const quietLogger = {
  log: noop,
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: (message: string) => console.error(message),
};

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: tsx bin/workflow-bundle.ts <out.js>');
    process.exit(2);
  }
  buildWorkflowBundle(path.resolve(out)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
