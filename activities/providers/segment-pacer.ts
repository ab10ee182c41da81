// Paces SMS to a sender's throughput, counted in segments as carriers and Twilio
// count it, with at most `concurrency` requests in flight. Each send reserves its
// slot on a schedule with no burst allowance (a token bucket with capacity one
// message), and a send whose timer fired well after its slot re-queues instead of
// going at once, so any one-second window carries at most the configured segments
// however busy the event loop was.

export interface SegmentPacer {
  /** Resolves when a message of `segments` may go; call release() when its request ends. */
  acquire(segments: number): Promise<() => void>;
}

// Timer lateness within this keeps the schedule; it admits at most this many ms of extra
// segments into a one-second window (5 at 1,000 a second), well inside the provider's margin.
const LATE_MS = 5;

export function createSegmentPacer(opts: {
  segmentsPerSecond: number;
  concurrency: number;
  now?: () => number;
}): SegmentPacer {
  if (!(opts.segmentsPerSecond > 0)) throw new Error('segmentsPerSecond: must be positive');
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1)
    throw new Error('concurrency: must be a positive integer');
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
      const cost = Math.max(1, segments) * msPerSegment;
      let at = Math.max(now(), nextFree);
      nextFree = at + cost;
      // A timer a little late keeps its place on the schedule. One much later (a blocked event
      // loop) gives its slot up and queues again behind the others: otherwise every sender
      // woken late would go at once, and a burst of late departures can overfill a second.
      for (;;) {
        const t = now();
        if (t < at) {
          await new Promise((r) => setTimeout(r, at - t));
          continue;
        }
        if (t - at <= LATE_MS) break;
        at = Math.max(t, nextFree);
        nextFree = at + cost;
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
  };
}
