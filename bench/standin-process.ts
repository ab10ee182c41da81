// Runs a provider stand-in in its own process, so its bookkeeping of a million
// receipts neither shares the benchmark's CPU core nor counts toward the
// worker's memory. Talks over IPC: {cmd:'stats'} answers counts, {cmd:'mode'} sets a mode,
// {cmd:'count'}, {cmd:'repeats'} and {cmd:'log'} serve the fault benchmark.
import { startSendGridStandIn, type SendGridStandInMode } from '../test/support/sendgrid-standin';
import { startTwilioStandIn } from '../test/support/twilio-standin';
import { countSmsSegments } from '../activities/providers/sms-segments';

async function main() {
  const kind = process.argv[2];
  if (kind === 'sendgrid') {
    const s = await startSendGridStandIn({ apiKey: process.argv[3], keepContent: false });
    process.on('message', (m: { cmd: string; mode?: SendGridStandInMode }) => {
      if (m.cmd === 'stats') {
        const per = new Map<string, number>();
        for (const r of s.received) per.set(r.to, (per.get(r.to) ?? 0) + 1);
        let once = 0;
        let more = 0;
        for (const n of per.values()) {
          if (n === 1) once++;
          else more++;
        }
        process.send!({ received: s.received.length, distinct: per.size, once, more, requests: s.accepted });
      } else if (m.cmd === 'reset') {
        s.received.length = 0;
        process.send!({ ok: true });
      } else if (m.cmd === 'count') {
        // Cheap enough to poll while a fan-out runs.
        process.send!({ received: s.received.length, requests: s.accepted });
      } else if (m.cmd === 'repeats') {
        const per = new Map<string, number>();
        for (const r of s.received) per.set(r.to, (per.get(r.to) ?? 0) + 1);
        process.send!({ distinct: per.size, repeated: [...per.entries()].filter(([, n]) => n > 1) });
      } else if (m.cmd === 'log') {
        process.send!({ log: s.log });
      } else if (m.cmd === 'mode') {
        s.setMode(m.mode ?? {});
        process.send!({ ok: true });
      }
    });
    process.send!({ url: s.url });
  } else {
    const s = await startTwilioStandIn({ accountSid: process.argv[3]!, authToken: process.argv[4]! });
    process.on('message', (m: { cmd: string }) => {
      if (m.cmd !== 'stats') return;
      // Segments received per whole second of arrival.
      const perSecond = new Map<number, number>();
      for (const r of s.received) {
        const k = Math.floor(r.at / 1000);
        perSecond.set(k, (perSecond.get(k) ?? 0) + countSmsSegments(r.body).segments);
      }
      const distinct = new Set(s.received.map((r) => r.to)).size;
      const first = s.received[0]?.at ?? 0;
      const last = s.received[s.received.length - 1]?.at ?? 0;
      process.send!({
        received: s.received.length,
        distinct,
        perSecond: [...perSecond.entries()].sort((a, b) => a[0] - b[0]),
        first,
        last,
      });
    });
    process.send!({ url: s.url });
  }
}

void main();
