// Median time to compute the obligations of one incident that touches every
// regime of the catalog at once. Prints one JSON line.
import { obligations, REGIMES, CATALOG_VERSION } from '../rules';
import { everyRegimeFacts, EXCLUSIVE_BY_DATE } from '../rules/probe';

const facts = everyRegimeFacts();

const result = obligations(facts);
const touched = new Set(result.map((o) => o.regime));
const missing = REGIMES.filter((r) => !touched.has(r.id) && !EXCLUSIVE_BY_DATE.has(r.id)).map((r) => r.id);
if (missing.length) throw new Error(`benchmark incident does not touch: ${missing.join(', ')}`);

// A fresh facts object each run, so no cached arithmetic carries over between runs.
for (let i = 0; i < 300; i++) obligations({ ...facts });
const runs = 2000;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  obligations({ ...facts });
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(
  JSON.stringify({
    bench: 'obligations',
    catalogVersion: CATALOG_VERSION,
    regimes: touched.size,
    obligations: result.length,
    runs,
    medianMs: Number(pct(0.5).toFixed(4)),
    p95Ms: Number(pct(0.95).toFixed(4)),
    goalMs: 1,
    node: process.version,
  }),
);
