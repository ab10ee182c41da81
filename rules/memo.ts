import type { Facts } from './facts';

// Time-zone arithmetic is the engine's only costly step, and one incident asks
// the same questions (the local date of awarenessAt in a zone, 30 days from
// discovery in a zone) many times. Answers are cached per facts object, so the
// cache dies with it and results stay a pure function of the facts.

const caches = new WeakMap<Facts, Map<string, unknown>>();

// The engine asks many questions of one facts object in a row: remembering the last one saves a WeakMap look-up
// per question. Only the reference is kept, so a result never depends on which facts came before.
let lastFacts: Facts | null = null;
let lastCache: Map<string, unknown> | null = null;

export function memo<T>(f: Facts, key: string, compute: () => T): T {
  let cache = f === lastFacts ? lastCache : caches.get(f);
  if (!cache) {
    cache = new Map();
    caches.set(f, cache);
  }
  lastFacts = f;
  lastCache = cache;
  // One lookup on a hit (the common case); has() only to tell a cached undefined from a miss.
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
