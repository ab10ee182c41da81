// Named places in the send path, the alert forwarder and the incident's state write where a crash test can have this process kill itself
// (SIGKILL, as the OOM killer or a pulled plug would), to show that dying at any line
// of a send leaves nothing claimed and nobody told twice unflagged. Off unless
// BREACHLINE_FAILPOINT is set, as `<place>` or `<place>:<nth hit>`, e.g. `page.claimed:3`.
const spec = process.env.BREACHLINE_FAILPOINT ?? '';
const [armed, nth] = spec.split(':');
const killAt = Math.max(1, Number(nth ?? 1) || 1);
let hits = 0;

export function failpoint(place: string): void {
  if (!armed || place !== armed) return;
  hits += 1;
  if (hits === killAt) process.kill(process.pid, 'SIGKILL');
}
