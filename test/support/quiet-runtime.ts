// Temporal's SDK logs every worker state change at INFO; tests only want warnings.
import { DefaultLogger, Runtime } from '@temporalio/worker';

try {
  Runtime.install({ logger: new DefaultLogger(process.env.BREACHLINE_TEST_SDK_LOG === '1' ? 'INFO' : 'WARN') });
} catch {
  // Already installed in this process (a second setup run); keep the first.
}
