// Paces SMS to a sender's throughput, counted in segments as carriers and Twilio
// count it, with at most `concurrency` requests in flight. Each send reserves its
// slot on a schedule with no burst allowance, so any one-second window carries at
// most the configured segments (a token bucket with capacity one message).

export interface SegmentPacer {
  /** Resolves when a message of `segments` may go; call release() when its request ends. */
  acquire(segments: number): Promise<() => void>;
}

export function createSegmentPacer(opts: { segmentsPerSecond: number; concurrency: number; now?: () => number }): SegmentPacer {
  if (!(opts.segmentsPerSecond > 0)) throw new Error('segmentsPerSecond: must be positive');
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) throw new Error('concurrency: must be a positive integer');
  const now = opts.now ?? (() => performance.now());
  const msPerSegment = 1000 / opts.segmentsPerSecond;
  let nextFree = 0;
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  const slot = async () => {
    if (inFlight < opts.concurrency) {
      inFlight++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };

  return {
    async acquire(segments) {
      // The socket first, then the schedule: a send that waited for a socket must not
      // then go out in a burst with others that waited too.
      await slot();
      const t = now();
      const at = Math.max(t, nextFree);
      nextFree = at + Math.max(1, segments) * msPerSegment;
      if (at > t) await new Promise((r) => setTimeout(r, at - t));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
  };
}
