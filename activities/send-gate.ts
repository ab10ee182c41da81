// One SendGrid batch at a time per worker process, from its claim to its recorded
// outcome. The rows a killed worker leaves with an unknown outcome are then at most
// one batch (1,000 people), whatever the number of pages in flight: the pages still
// read, group and render side by side, and the request building they would share
// is on the one JavaScript thread anyway.
export interface SendGate {
  /** Resolves when the caller holds the gate; call the returned function to pass it on. */
  acquire(): Promise<() => void>;
}

export function createSendGate(): SendGate {
  let tail: Promise<void> = Promise.resolve();
  return {
    acquire() {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const ready = tail.then(() => {
        let done = false;
        return () => {
          if (done) return;
          done = true;
          release();
        };
      });
      tail = tail.then(() => held);
      return ready;
    },
  };
}
