// A person whose email bounced, was dropped or was refused for good gets the
// SMS instead, where they have a phone and the incident's policy allows SMS.
// Reports that arrive while the wave is still running are caught here; the rest
// of those people count toward the public substitute notice.
import type { PendingSubjectRow } from '../store/outbox-pages';
import { sendRows, type SendNoticeDeps } from './send-notice-page';
import type { ChannelPolicy } from '../workflows/types';
import { nowIso } from '../lib/clock';

export const createSendFallbacks =
  (deps: SendNoticeDeps) =>
  async (input: {
    incidentId: string;
    noticeVersion: string;
    channelPolicy: ChannelPolicy;
  }): Promise<{ fallbacks: number }> => {
    if (input.channelPolicy === 'email') return { fallbacks: 0 };
    const now = nowIso();
    await deps.db.run(
      `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at, subject_id)
       SELECT printf('%012x', o.subject_id) || lower(hex(randomblob(10))), o.incident_id, 'subject', o.recipient_ref, 'sms', o.locale, o.notice_version, 'subject-sms', 'pending', ?, o.subject_id
       FROM outbox o JOIN subjects s ON s.id = o.subject_id
       WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.channel = 'email' AND o.status IN ('bounced','failed') AND s.phone IS NOT NULL
       ON CONFLICT (incident_id, kind, recipient_ref, channel, notice_version) DO NOTHING`,
      [now, input.incidentId, input.noticeVersion],
    );
    let sent = 0;
    for (;;) {
      const rows = await deps.db.all<PendingSubjectRow>(
        `SELECT o.id, o.subject_id, o.channel, o.locale, o.attempts, s.name, s.email, s.phone
         FROM outbox o JOIN subjects s ON s.id = o.subject_id
         WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.channel = 'sms' AND o.status = 'pending' LIMIT 1000`,
        [input.incidentId, input.noticeVersion],
      );
      if (rows.length === 0) return { fallbacks: sent };
      const r = await sendRows(deps, input.incidentId, input.noticeVersion, rows);
      sent += rows.length;
      // Rows a provider keeps refusing stay pending for the next call rather than looping here.
      if (r.sent + r.failed + r.uncertain === 0) return { fallbacks: sent };
    }
  };
