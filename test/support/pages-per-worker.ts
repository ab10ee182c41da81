// Which worker sent which pages of a wave, read from the wave's history: a page activity's
// started event names the worker that ran it (the SDK's default identity is `pid@host`), its
// completed event carries the page's result. Only the attempt that completed counts, which is
// the one whose sends are recorded.
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { NoticePageResult } from '../../activities/send-notice-page';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export class PagesPerWorker {
  readonly byIdentity: Record<string, { pages: number; sent: number }> = {};

  /** Adds one run's events (a wave that continued as new has several runs). */
  add(events: HistoryEvent[]): void {
    const pages = new Set<string>();
    const startedBy = new Map<string, string>();
    for (const e of events) {
      if (e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendNoticePage') pages.add(String(e.eventId));
      const started = e.activityTaskStartedEventAttributes;
      if (started) startedBy.set(String(started.scheduledEventId), started.identity ?? '?');
      const done = e.activityTaskCompletedEventAttributes;
      if (done && pages.has(String(done.scheduledEventId))) {
        const payload = done.result?.payloads?.[0];
        const result = payload ? defaultPayloadConverter.fromPayload<NoticePageResult>(payload) : undefined;
        const entry = (this.byIdentity[startedBy.get(String(done.scheduledEventId)) ?? '?'] ??= { pages: 0, sent: 0 });
        entry.pages++;
        entry.sent += result?.sent ?? 0;
      }
    }
  }

  /** The pages and sends of the worker process `pid` (none when it ran no page). */
  of(pid: number): { pages: number; sent: number } {
    const key = Object.keys(this.byIdentity).find((k) => k.split('@')[0] === String(pid));
    return key ? this.byIdentity[key]! : { pages: 0, sent: 0 };
  }
}
