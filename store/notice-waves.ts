// Who a notice wave is to reach, per channel, counted once when its first page
// starts. A person's outbox row appears only when they are first claimed, so the
// progress bar and ETA count the people not reached yet from here.
import type { Db } from './connection';
import type { ChannelPolicyName } from './outbox-pages';
import { nowIso } from '../lib/clock';

// Waves this process has recorded: the check costs a read per page otherwise.
const recorded = new Set<string>();

export async function recordNoticeWave(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  policy: ChannelPolicyName,
): Promise<void> {
  const key = `${db.file}|${incidentId}|${noticeVersion}`;
  if (recorded.has(key)) return;
  const sms =
    policy === 'both'
      ? 'phone IS NOT NULL'
      : policy === 'sms_fallback'
        ? 'email IS NULL AND phone IS NOT NULL'
        : policy === 'sms_or_call'
          ? "email IS NULL AND phone IS NOT NULL AND phone_type IS DISTINCT FROM 'landline'"
          : '0';
  await db.transaction(async (tx) => {
    const known = await tx.get('SELECT 1 FROM notice_waves WHERE incident_id = ? AND notice_version = ?', [
      incidentId,
      noticeVersion,
    ]);
    if (known) return;
    await tx.run(
      `INSERT INTO notice_waves (incident_id, notice_version, email_expected, sms_expected, started_at)
       SELECT ?, ?, COALESCE(SUM(CAST(email IS NOT NULL AS INTEGER)), 0), COALESCE(SUM(CAST(${sms} AS INTEGER)), 0), ? FROM subjects WHERE incident_id = ?
       ON CONFLICT (incident_id, notice_version) DO NOTHING`,
      [incidentId, noticeVersion, nowIso(), incidentId],
    );
  });
  recorded.add(key);
}

/** People the incident's waves are to reach per channel, over all its notice versions. */
export async function expectedRecipients(db: Db, incidentId: string): Promise<{ email: number; sms: number }> {
  const r = await db.get<{ email: number | null; sms: number | null }>(
    'SELECT SUM(email_expected) AS email, SUM(sms_expected) AS sms FROM notice_waves WHERE incident_id = ?',
    [incidentId],
  );
  return { email: r?.email ?? 0, sms: r?.sms ?? 0 };
}
