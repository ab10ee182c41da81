import { describe, expect, it } from 'vitest';
import { createSendGate } from '../../activities/send-gate';

describe('send gate', () => {
  it('lets one holder in at a time, in the order they asked, and a double release passes it on once', async () => {
    const gate = createSendGate();
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const release = await gate.acquire();
        order.push(i);
        most = Math.max(most, ++inside);
        await new Promise((r) => setTimeout(r, 5));
        inside--;
        release();
        release();
      }),
    );
    expect(most).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
