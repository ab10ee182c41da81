// While Temporal is away the forwarder waits longer after each failed pass (up to 5 s),
// so an outage costs neither a busy loop nor a log line every 50 ms; the first pass that
// works brings it back to its idle wait.
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../server/use-cases/forward-alerts';

describe('the forwarder after failed passes', () => {
  it('doubles its wait per failure in a row from the idle wait, capped at 5 seconds', () => {
    expect([0, 1, 2, 3, 6, 7, 100].map((n) => retryDelay(n, 50))).toEqual([50, 100, 200, 400, 3200, 5000, 5000]);
  });
});
