// While Temporal is away the forwarder waits longer after each failed pass (up to 5 s),
// so an outage costs neither a busy loop nor a log line every 50 ms; the first pass that
// works brings it back to its idle wait. In a storm an incident's linger grows while it stays busy.
import { describe, expect, it } from 'vitest';
import { nextLinger, retryDelay } from '../../server/use-cases/forward-alerts';

describe('the forwarder after failed passes', () => {
  it('doubles its wait per failure in a row from the idle wait, capped at 5 seconds', () => {
    expect([0, 1, 2, 3, 6, 7, 100].map((n) => retryDelay(n, 50))).toEqual([50, 100, 200, 400, 3200, 5000, 5000]);
  });
});

describe('the linger of an incident in a storm', () => {
  it('starts at the base linger, doubles while the incident stays busy up to the cap, and resets on a lone alert', () => {
    const base = 1_000;
    const max = 5_000;
    let l: { at: number; ms: number } | undefined;
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      l = { at: i, ms: nextLinger(l, 10, base, max) };
      seen.push(l.ms);
    }
    expect(seen).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
    // The stray alert after the storm: prompt delivery again from here.
    expect(nextLinger(l, 1, base, max)).toBe(base);
    // No cap given above the base: the linger never grows.
    expect(nextLinger({ at: 0, ms: base }, 10, base, base)).toBe(base);
  });
});
