// CommonJS like the rest of the project, so Vite loads it without a module-format warning.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS form of import
import vitestConfig = require('vitest/config');

// Tests that start no Temporal server, worker or app process: the rules catalog, rendering, provider
// SDKs against their stand-ins, alert adapters, import rules and the replay of recorded histories.
// `npm test` runs them as their own vitest invocation beside the integration project, so they use the
// second core while the integration files wait on servers and timers.
const UNIT = [
  'test/architecture/**/*.test.ts',
  'test/rules/**/*.test.ts',
  'test/render/**/*.test.ts',
  'test/providers/**/*.test.ts',
  'test/server/alert-adapters/**/*.test.ts',
  'test/workflows/replay.test.ts',
];

// Tests that run whole process trees, browsers or fuzzers, and the delivery crash matrices (which kill a
// worker process at every failpoint): most of their time is spent waiting on child processes, paced sends
// and timeouts. They run as a second serial stream beside the in-process integration files, so the two
// streams share the 2 cores instead of taking turns; the split keeps the two streams about equally long.
const SYSTEM = [
  'test/e2e/**/*.test.ts',
  'test/browser/**/*.test.ts',
  'test/fuzz/**/*.test.ts',
  'test/runtime/**/*.test.ts',
  'test/delivery/crash-*.test.ts',
];

export = vitestConfig.defineConfig({
  test: {
    environment: 'node',
    // Workflow tests start workers (webpack bundling ~1 s each) and wait on real servers.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Files run one at a time within a project. CI has 2 cores, and every Temporal test file already
    // runs three busy processes at once (the shared Go dev server, a Rust-core worker, and often a
    // time-skipping server), so more files in parallel mostly add contention and timeouts rather than
    // speed. `npm test` runs the projects side by side: three streams, each one file at a time.
    fileParallelism: false,
    // Child processes, not worker threads: the Temporal core bridge and sqlite3 are
    // native add-ons that are safest with one copy per process.
    pool: 'forks',
    projects: [
      // One process for all of them (isolate: false): they share no mutable state, and importing the
      // catalog and the templates once instead of per file saves about a minute.
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...vitestConfig.configDefaults.exclude, ...UNIT, ...SYSTEM],
          // One in-memory Temporal dev server per project run (see test/support/global-setup.ts).
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/quiet-runtime.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: SYSTEM,
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/quiet-runtime.ts'],
        },
      },
    ],
  },
});
