import type { Facts } from './facts';

// Time-zone arithmetic is the engine's only costly step, and one incident asks
// the same questions (the local date of awarenessAt in a zone, 30 days from
// discovery in a zone) many times. Answers are cached per facts object, so the
// cache dies with it and results stay a pure function of the facts.

const caches = new WeakMap<Facts, Map<string, unknown>>();

export function memo<T>(f: Facts, key: string, compute: () => T): T {
  let cache = caches.get(f);
  if (!cache) {
    cache = new Map();
    caches.set(f, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
