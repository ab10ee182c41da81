// Rendered notices, stored under the version an approver saw. Senders read
// these rows and never render again, so what is approved is what is sent.
import type { Db, Tx } from './connection';

/**
 * The audience of the correction variant of the data-subject notice: the same notice opening with a
 * preface saying it updates the one the person was sent on an earlier day (a per-person token, see
 * PRIOR_NOTICE_DATE_TOKEN in activities/render). Stored beside the 'individuals' rows of the same
 * version, so it is approved with them; sent, when the approver chose a correction, to people another
 * version already told.
 */
export const CORRECTION_AUDIENCE = 'individuals_correction';

/**
 * The suffix of the link-free variant of a data-subject audience ('individuals_no_link'): the same
 * notice without the link to the public notice page, sent instead when the approver chose "no public
 * link" (notice_approval_options).
 */
export const NO_LINK_SUFFIX = '_no_link';

export interface StoredNotice {
  subject: string | null;
  html: string | null;
  text: string;
}

/** The legal variant everyone gets whose residence has none of its own (migration 026). */
export const DEFAULT_NOTICE_VARIANT = 'default';

export interface NoticeText extends StoredNotice {
  audience: string;
  locale: string;
  channel: string;
  /** DEFAULT_NOTICE_VARIANT, or the regime id of a US state's legal variant (`us-ca`); absent means the default. */
  variant?: string;
}

const INSERT_NOTICE = `INSERT INTO notices (incident_id, notice_version, audience, locale, channel, variant, subject, html, text, recipients, created_at)
   VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`;

/** Stores a notice set in one transaction; a version already stored keeps its rows. */
export async function saveNoticeSet(
  db: Db,
  set: { incidentId: string; noticeVersion: string; recipients: number; createdAt: string; notices: NoticeText[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const n of set.notices) {
      await tx.run(INSERT_NOTICE, [
        set.incidentId,
        set.noticeVersion,
        n.audience,
        n.locale,
        n.channel,
        n.variant ?? DEFAULT_NOTICE_VARIANT,
        n.subject,
        n.html,
        n.text,
        set.recipients,
        set.createdAt,
      ]);
    }
  });
}

/** Stores one notice that goes to no data subjects (a supplementary regulator report). */
export async function saveNotice(
  db: Db,
  n: NoticeText & { incidentId: string; noticeVersion: string; createdAt: string },
): Promise<void> {
  await db.run(INSERT_NOTICE, [
    n.incidentId,
    n.noticeVersion,
    n.audience,
    n.locale,
    n.channel,
    n.variant ?? DEFAULT_NOTICE_VARIANT,
    n.subject,
    n.html,
    n.text,
    0,
    n.createdAt,
  ]);
}

/** One stored notice; `variant` defaults to the default variant. */
export async function findStoredNotice(
  db: Db,
  key: {
    incidentId: string;
    noticeVersion: string;
    audience: string;
    locale: string;
    channel: string;
    variant?: string;
  },
): Promise<StoredNotice | undefined> {
  return db.get<StoredNotice>(
    'SELECT subject, html, text FROM notices WHERE incident_id = ? AND notice_version = ? AND audience = ? AND locale = ? AND channel = ? AND variant = ?',
    [key.incidentId, key.noticeVersion, key.audience, key.locale, key.channel, key.variant ?? DEFAULT_NOTICE_VARIANT],
  );
}

/**
 * A data-subject notice as it is sent: the audience's link-free variant when the approval of the
 * version chose no public link, else the audience itself.
 */
export async function findSubjectNotice(
  db: Db,
  key: {
    incidentId: string;
    noticeVersion: string;
    audience: string;
    locale: string;
    channel: string;
    variant?: string;
  },
): Promise<StoredNotice | undefined> {
  return db.get<StoredNotice>(
    `SELECT n.subject, n.html, n.text FROM notices n
     LEFT JOIN notice_approval_options o ON o.incident_id = n.incident_id AND o.notice_version = n.notice_version
     WHERE n.incident_id = ? AND n.notice_version = ? AND n.locale = ? AND n.channel = ? AND n.variant = ?
       AND n.audience = CASE WHEN o.no_public_link = 1 THEN ? ELSE ? END`,
    [
      key.incidentId,
      key.noticeVersion,
      key.locale,
      key.channel,
      key.variant ?? DEFAULT_NOTICE_VARIANT,
      key.audience + NO_LINK_SUFFIX,
      key.audience,
    ],
  );
}

/** Records the approval request's choice about the public link; the latest request for a version wins. */
export async function saveApprovalOptionsTx(
  tx: Tx,
  o: { incidentId: string; noticeVersion: string; noPublicLink: boolean; updateId: string; createdAt: string },
): Promise<void> {
  await tx.run(
    `INSERT INTO notice_approval_options (incident_id, notice_version, no_public_link, update_id, created_at) VALUES (?,?,?,?,?)
     ON CONFLICT (incident_id, notice_version) DO UPDATE SET no_public_link = excluded.no_public_link,
       update_id = excluded.update_id, created_at = excluded.created_at`,
    [o.incidentId, o.noticeVersion, o.noPublicLink ? 1 : 0, o.updateId, o.createdAt],
  );
}

export async function approvalChoseNoPublicLink(db: Db, incidentId: string, noticeVersion: string): Promise<boolean> {
  const row = await db.get<{ no_public_link: number }>(
    'SELECT no_public_link FROM notice_approval_options WHERE incident_id = ? AND notice_version = ?',
    [incidentId, noticeVersion],
  );
  return row?.no_public_link === 1;
}

/** Removes what a refused approval request recorded. */
export async function deleteApprovalOptionsTx(tx: Tx, updateId: string): Promise<void> {
  await tx.run('DELETE FROM notice_approval_options WHERE update_id = ?', [updateId]);
}

export interface NoticeRow {
  audience: string;
  locale: string;
  channel: string;
  variant: string;
  subject: string | null;
  html: string | null;
  text: string;
  recipients: number;
}

export async function listNotices(db: Db, incidentId: string, noticeVersion: string): Promise<NoticeRow[]> {
  return db.all<NoticeRow>(
    'SELECT audience, locale, channel, variant, subject, html, text, recipients FROM notices WHERE incident_id = ? AND notice_version = ? ORDER BY audience, locale, channel, variant',
    [incidentId, noticeVersion],
  );
}
