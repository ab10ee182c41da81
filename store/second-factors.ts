// A person's second factor: their TOTP secret (sealed by the caller) with the
// last time step it accepted, and their recovery codes (hashed by the caller).
// Policy (what counts as a right code, who may reset) lives in
// server/use-cases/second-factor.ts.
import type { Db } from './connection';

export interface TotpRow {
  user_id: string;
  secret_enc: string;
  created_at: string;
  confirmed_at: string | null;
  last_step: number | null;
}

export const findTotp = (db: Db, userId: string) =>
  db.get<TotpRow>('SELECT * FROM user_totp WHERE user_id = ?', [userId]);

/** A new secret waiting for its first code; replaces one that was never confirmed, never a confirmed one. */
export async function startTotp(db: Db, t: { userId: string; secretEnc: string; at: string }): Promise<boolean> {
  const r = await db.run(
    `INSERT INTO user_totp (user_id, secret_enc, created_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET secret_enc = excluded.secret_enc, created_at = excluded.created_at
       WHERE user_totp.confirmed_at IS NULL`,
    [t.userId, t.secretEnc, t.at],
  );
  return r.changes === 1;
}

/**
 * Takes time step `step` of a confirmed factor: true only when it is later than every step taken
 * before, in one statement, so two requests with the same code cannot both succeed.
 */
export async function takeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const r = await db.run(
    `UPDATE user_totp SET last_step = ?
     WHERE user_id = ? AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < ?)`,
    [step, userId, step],
  );
  return r.changes === 1;
}

/** The codes replace any earlier set, in the same transaction as the confirmation that shows them. */
export const confirmTotpWithCodes = (
  db: Db,
  c: { userId: string; step: number; at: string; codeHashes: readonly string[] },
) =>
  db.transaction(async (tx) => {
    const r = await tx.run(
      `UPDATE user_totp SET last_step = ?, confirmed_at = ?
       WHERE user_id = ? AND confirmed_at IS NULL AND (last_step IS NULL OR last_step < ?)`,
      [c.step, c.at, c.userId, c.step],
    );
    if (r.changes !== 1) return false;
    await tx.run('DELETE FROM user_recovery_codes WHERE user_id = ?', [c.userId]);
    for (const hash of c.codeHashes)
      await tx.run('INSERT INTO user_recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)', [
        c.userId,
        hash,
        c.at,
      ]);
    return true;
  });

/** A new set of recovery codes; every earlier one, used or not, stops working. */
export const replaceRecoveryCodes = (db: Db, c: { userId: string; at: string; codeHashes: readonly string[] }) =>
  db.transaction(async (tx) => {
    await tx.run('DELETE FROM user_recovery_codes WHERE user_id = ?', [c.userId]);
    for (const hash of c.codeHashes)
      await tx.run('INSERT INTO user_recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)', [
        c.userId,
        hash,
        c.at,
      ]);
  });

/** Uses the code once: true only for the request that marks it used. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, at: string): Promise<boolean> {
  const r = await db.run(
    'UPDATE user_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL',
    [at, userId, codeHash],
  );
  return r.changes === 1;
}

export const countUnusedRecoveryCodes = async (db: Db, userId: string) =>
  (
    await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM user_recovery_codes WHERE user_id = ? AND used_at IS NULL', [
      userId,
    ])
  )?.n ?? 0;

/** The person logs in with a password alone again, and enrols afresh. Returns whether they had a factor. */
export const deleteSecondFactor = (db: Db, userId: string) =>
  db.transaction(async (tx) => {
    await tx.run('DELETE FROM user_recovery_codes WHERE user_id = ?', [userId]);
    return (await tx.run('DELETE FROM user_totp WHERE user_id = ?', [userId])).changes === 1;
  });

/** Whose second factor is on, for the admin's user list. */
export const listConfirmedTotpUsers = async (db: Db) =>
  new Set(
    (await db.all<{ user_id: string }>('SELECT user_id FROM user_totp WHERE confirmed_at IS NOT NULL')).map(
      (r) => r.user_id,
    ),
  );

/** Every sealed secret, for `npm run secrets:reseal`. */
export const listTotpSecrets = (db: Db) =>
  db.all<{ user_id: string; secret_enc: string }>('SELECT user_id, secret_enc FROM user_totp');
export const setTotpSecret = (db: Db, userId: string, secretEnc: string) =>
  db.run('UPDATE user_totp SET secret_enc = ? WHERE user_id = ?', [secretEnc, userId]);
