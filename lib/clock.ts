// Wall-clock time for the server, the activities and the CLIs. Workflows keep their
// own deterministic clock and never import this.

/** Now as an ISO 8601 UTC string, the form every stored timestamp takes. */
export function nowIso(): string {
  return new Date().toISOString();
}
