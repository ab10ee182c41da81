// Alert webhook sources created in the UI, their secrets stored sealed. Sealing
// and opening happen in the use case; this module only moves the sealed text.
import type { Db, Tx } from './connection';

export interface WebhookSourceRow {
  name: string;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_valid_until: string | null;
  created_at: string;
  created_by: string;
  rotated_at: string | null;
  /** An AlertFormat; 'generic' also takes the PagerDuty shape. */
  format: string;
  /** 'hmac' | 'bearer' | 'basic' | 'hmac-sentry': what the sealed secret is. */
  auth_type: string;
  /** Basic auth only; not a secret. */
  username: string | null;
  group_by: string | null;
}

export const findWebhookSource = (db: Db, name: string) =>
  db.get<WebhookSourceRow>('SELECT * FROM webhook_sources WHERE name = ?', [name]);

export const listWebhookSources = (db: Db) => db.all<WebhookSourceRow>('SELECT * FROM webhook_sources ORDER BY name');

export const listWebhookSourcesTx = (tx: Tx) => tx.all<WebhookSourceRow>('SELECT * FROM webhook_sources ORDER BY name');

/** False when a source with this name exists. */
export async function insertWebhookSource(
  db: Db,
  s: {
    name: string;
    secretEnc: string;
    createdAt: string;
    createdBy: string;
    format: string;
    authType: string;
    username: string | null;
    groupBy: string | null;
  },
): Promise<boolean> {
  const r = await db.run(
    `INSERT INTO webhook_sources (name, secret_enc, created_at, created_by, format, auth_type, username, group_by)
     VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (name) DO NOTHING`,
    [s.name, s.secretEnc, s.createdAt, s.createdBy, s.format, s.authType, s.username, s.groupBy],
  );
  return r.changes === 1;
}

export const rotateWebhookSourceSecret = (
  db: Db,
  s: { name: string; secretEnc: string; previousSecretEnc: string; previousValidUntil: string; rotatedAt: string },
) =>
  db.run(
    'UPDATE webhook_sources SET secret_enc = ?, previous_secret_enc = ?, previous_valid_until = ?, rotated_at = ? WHERE name = ?',
    [s.secretEnc, s.previousSecretEnc, s.previousValidUntil, s.rotatedAt, s.name],
  );

/** The same secrets sealed again (with a newer key): nothing about their validity changes. */
export const resealWebhookSourceTx = (
  tx: Tx,
  s: { name: string; secretEnc: string; previousSecretEnc: string | null },
) =>
  tx.run('UPDATE webhook_sources SET secret_enc = ?, previous_secret_enc = ? WHERE name = ?', [
    s.secretEnc,
    s.previousSecretEnc,
    s.name,
  ]);
