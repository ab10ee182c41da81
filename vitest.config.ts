// CommonJS like the rest of the project, so Vite loads it without a module-format warning.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS form of import
import vitestConfig = require('vitest/config');

export = vitestConfig.defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // One in-memory Temporal dev server for the whole run (see test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/quiet-runtime.ts'],
    // Workflow tests start workers (webpack bundling ~1 s each) and wait on real servers.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Files run one at a time. CI has 2 cores, and every Temporal test file already runs
    // three busy processes at once (the shared Go dev server, a Rust-core worker, and often
    // a time-skipping server), so a second file in parallel mostly adds contention and
    // timeouts rather than speed. Serial runs also keep files from polling each other's
    // task queues on the shared server. The suite is budgeted at a few minutes serially,
    // well inside the 20-minute CI limit; revisit if it grows past ten.
    fileParallelism: false,
    // Child processes, not worker threads: the Temporal core bridge and sqlite3 are
    // native add-ons that are safest with one copy per process.
    pool: 'forks',
  },
});
