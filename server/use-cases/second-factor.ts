// A second factor for logging in: TOTP (RFC 6238, through otpauth) with
// recovery codes. The secret is sealed with BREACHLINE_SECRETS_KEY because it
// must be read back to check codes; a code's time step is taken once, so a code
// seen over someone's shoulder cannot be used again; wrong codes count toward
// the same (account, address) login throttle as wrong passwords, so the six
// digits cannot be guessed faster than a password. API tokens do not pass
// through here: a token is already a secret of its own.
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../../store/connection';
import { appendAudit } from '../../store/audit';
import * as factors from '../../store/second-factors';
import { findUserById } from '../../store/users';
import type { Actor } from '../../workflows/types';
import { nowIso } from '../../lib/clock';
import { HttpError } from '../errors';
import { openAny, seal, type Keyring } from '../../lib/secret-box';
import { holdBackAccount, loginWaitMs, recordFailedLogin, recordLogin } from './accounts';

export const TOTP_ISSUER = 'Breachline';
/** A code from the step before or after the server's is accepted: phones' clocks drift. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
export const NO_TOTP_KEY_MESSAGE =
  'Two-factor login needs BREACHLINE_SECRETS_KEY set on the server (it encrypts the authenticator secrets); ask an admin.';

const purpose = (userId: string) => `totp:${userId}`;
const totpFor = (secret: Secret, email: string) =>
  new TOTP({ issuer: TOTP_ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: 30, secret });

/** Recovery codes are 50 random bits each, so one SHA-256 (with the person's id) is enough to store them. */
const hashRecoveryCode = (userId: string, code: string) =>
  createHash('sha256')
    .update(`${userId}:${code.toLowerCase().replace(/[\s-]/g, '')}`, 'utf8')
    .digest('hex');
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => BASE32[b & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const SIX_DIGITS = /^\d{6}$/;

const audit = (db: Db, actor: Actor, type: string, summary: string, details: Record<string, unknown> = {}) =>
  appendAudit(db, { incidentId: null, type, at: nowIso(), actor, summary, details });

export type SecondFactorStatus =
  | { state: 'off' }
  /** Enrolment started, waiting for the first code: what the authenticator needs. */
  | { state: 'pending'; secret: string; uri: string }
  | { state: 'on'; since: string; recoveryCodesLeft: number }
  /** Enrolment cannot start: no key to seal the secret with. */
  | { state: 'unavailable'; reason: string };

async function openSecret(db: Db, keys: Keyring, userId: string) {
  const row = await factors.findTotp(db, userId);
  if (!row) return null;
  const base32 = openAny(keys, row.secret_enc, purpose(userId));
  // A secret no key opens (a key dropped too early) cannot check codes: say so rather than refuse every code silently.
  if (base32 === null)
    throw new HttpError(500, 'the two-factor secret cannot be opened with the keys configured', null);
  return { row, secret: Secret.fromBase32(base32) };
}

export async function secondFactorStatus(db: Db, keys: Keyring, userId: string): Promise<SecondFactorStatus> {
  const user = await findUserById(db, userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  const row = await factors.findTotp(db, user.id);
  if (row?.confirmed_at)
    return {
      state: 'on',
      since: row.confirmed_at,
      recoveryCodesLeft: await factors.countUnusedRecoveryCodes(db, user.id),
    } satisfies SecondFactorStatus;
  if (!keys.current) return { state: 'unavailable', reason: NO_TOTP_KEY_MESSAGE } satisfies SecondFactorStatus;
  if (!row) return { state: 'off' } satisfies SecondFactorStatus;
  const opened = await openSecret(db, keys, user.id);
  const totp = totpFor(opened!.secret, user.email);
  return { state: 'pending', secret: totp.secret.base32, uri: totp.toString() } satisfies SecondFactorStatus;
}

/** A new secret for the person's authenticator; it does nothing until `confirmEnrolment` sees a code from it. */
export async function startEnrolment(db: Db, keys: Keyring, userId: string): Promise<void> {
  if (!keys.current) throw new HttpError(409, NO_TOTP_KEY_MESSAGE, null);
  const secret = new Secret({ size: 20 });
  const started = await factors.startTotp(db, {
    userId,
    secretEnc: seal(keys.current, secret.base32, purpose(userId)),
    at: nowIso(),
  });
  if (!started) throw new HttpError(409, 'two-factor login is already on', null);
}

/** The step `code` belongs to, or null when it is not a current code of `secret`. */
function stepOf(secret: Secret, code: string, now: Date): number | null {
  const totp = totpFor(secret, '');
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/**
 * The first right code turns the factor on and returns the recovery codes: in plaintext only here,
 * to be shown once. Any earlier set is replaced.
 */
export async function confirmEnrolment(
  db: Db,
  keys: Keyring,
  userId: string,
  code: string,
  now = new Date(),
): Promise<string[]> {
  const opened = await openSecret(db, keys, userId);
  if (!opened) throw new HttpError(409, 'start setting up two-factor login first', null);
  if (opened.row.confirmed_at) throw new HttpError(409, 'two-factor login is already on', null);
  const step = SIX_DIGITS.test(code.trim()) ? stepOf(opened.secret, code.trim(), now) : null;
  if (step === null)
    throw new HttpError(400, 'that code is not right: enter the six digits your authenticator shows now', 'code');
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const confirmed = await factors.confirmTotpWithCodes(db, {
    userId,
    step,
    at: now.toISOString(),
    codeHashes: codes.map((c) => hashRecoveryCode(userId, c)),
  });
  if (!confirmed) throw new HttpError(409, 'that code was already used; wait for the next one', 'code');
  await audit(db, { kind: 'user', id: userId }, 'user.second_factor_enabled', 'turned on two-factor login');
  return codes;
}

export type SecondFactorOutcome = { ok: true } | { ok: false; retryAfterMs: number | null; stale?: boolean };

/**
 * The second step of a login whose password was right at `passwordAt`: a current code not used
 * before, or an unused recovery code. The person's email and `source` key the login throttle as for
 * the password. A password changed, or sessions ended, since `passwordAt` make it a new login: the
 * password step must be passed again (`stale`).
 */
export async function verifySecondFactor(
  db: Db,
  keys: Keyring,
  login: { userId: string; source: string; passwordAt: string },
  code: string,
  now = new Date(),
): Promise<SecondFactorOutcome> {
  const user = await findUserById(db, login.userId);
  if (!user) return { ok: false, retryAfterMs: null, stale: true };
  if (user.password_changed_at > login.passwordAt || (user.sessions_ended_at ?? '') > login.passwordAt)
    return { ok: false, retryAfterMs: null, stale: true };
  const waitMs = await loginWaitMs(db, user.email, login.source, now);
  if (waitMs > 0) return { ok: false, retryAfterMs: waitMs };
  // Codes guessed from many addresses at once are slowed like passwords guessed that way.
  await holdBackAccount(db, user.email, now);
  const opened = !user.disabled_at ? await openSecret(db, keys, login.userId) : null;
  let how: string | null = null;
  if (opened?.row.confirmed_at) {
    const typed = code.trim();
    if (SIX_DIGITS.test(typed)) {
      const step = stepOf(opened.secret, typed, now);
      if (step !== null && (await factors.takeTotpStep(db, login.userId, step))) how = 'authenticator code';
    } else if (typed.length > 0 && typed.length <= 32) {
      if (await factors.useRecoveryCode(db, login.userId, hashRecoveryCode(login.userId, typed), now.toISOString()))
        how = 'recovery code';
    }
  }
  if (!how) {
    await recordFailedLogin(db, user.email, login.source, login.userId, now);
    return { ok: false, retryAfterMs: null };
  }
  await recordLogin(db, user.email, login.source, login.userId, `password and ${how}`);
  return { ok: true };
}

/**
 * A current authenticator code from a logged-in person, for changing their own second factor. Wrong
 * codes count toward their login throttle from this address, so a stolen session cannot guess its way
 * to turning the factor off.
 */
async function requireCurrentCode(
  db: Db,
  keys: Keyring,
  who: { userId: string; source: string },
  code: string,
  now: Date,
) {
  const user = await findUserById(db, who.userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  const waitMs = await loginWaitMs(db, user.email, who.source, now);
  if (waitMs > 0)
    throw new HttpError(429, `too many wrong codes: try again in ${Math.ceil(waitMs / 1000)} seconds`, 'code');
  const opened = await openSecret(db, keys, who.userId);
  if (!opened?.row.confirmed_at) throw new HttpError(409, 'two-factor login is not on', null);
  const typed = code.trim();
  const step = SIX_DIGITS.test(typed) ? stepOf(opened.secret, typed, now) : null;
  if (step === null || !(await factors.takeTotpStep(db, who.userId, step))) {
    await recordFailedLogin(db, user.email, who.source, who.userId, now);
    throw new HttpError(400, 'that code is not right or was already used: enter the current one from your app', 'code');
  }
}

/** Ten new recovery codes for a current authenticator code; the old ones stop working. Plaintext only here. */
export async function renewRecoveryCodes(
  db: Db,
  keys: Keyring,
  who: { userId: string; source: string },
  code: string,
  now = new Date(),
): Promise<string[]> {
  await requireCurrentCode(db, keys, who, code, now);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await factors.replaceRecoveryCodes(db, {
    userId: who.userId,
    at: now.toISOString(),
    codeHashes: codes.map((c) => hashRecoveryCode(who.userId, c)),
  });
  await audit(db, { kind: 'user', id: who.userId }, 'user.recovery_codes_renewed', 'made new recovery codes');
  return codes;
}

/** The person turns their own second factor off with a current code, unless their role requires one. */
export async function turnOffSecondFactor(
  db: Db,
  keys: Keyring,
  who: { userId: string; source: string; role: string },
  requiredFor: readonly string[],
  code: string,
  now = new Date(),
): Promise<void> {
  if (requiredFor.includes(who.role))
    throw new HttpError(409, `your role (${who.role}) must log in with a second factor`, null);
  await requireCurrentCode(db, keys, who, code, now);
  await factors.deleteSecondFactor(db, who.userId);
  await audit(db, { kind: 'user', id: who.userId }, 'user.second_factor_disabled', 'turned off two-factor login');
}

/** An admin turns someone's second factor off (a lost phone): they log in with the password and may enrol again. */
export async function resetSecondFactor(db: Db, userId: string, by: Actor) {
  if (!(await findUserById(db, userId))) throw new HttpError(404, 'user not found', null);
  const had = await factors.deleteSecondFactor(db, userId);
  await audit(db, by, 'user.second_factor_reset', `two-factor login of ${userId} reset by an admin`, {
    userId,
    had,
  });
}

/** Which people have a second factor on, for the admin's user list. */
export const usersWithSecondFactor = (db: Db) => factors.listConfirmedTotpUsers(db);

/** For `npm run secrets:reseal`: every TOTP secret sealed again with the current key. */
export async function resealTotpSecrets(db: Db, keys: Keyring): Promise<{ resealed: number; unreadable: string[] }> {
  if (!keys.current) throw new HttpError(400, 'no current key to seal with', 'BREACHLINE_SECRETS_KEY');
  let resealed = 0;
  const unreadable: string[] = [];
  for (const row of await factors.listTotpSecrets(db)) {
    const plain = openAny(keys, row.secret_enc, purpose(row.user_id));
    if (plain === null) {
      unreadable.push(row.user_id);
      continue;
    }
    await factors.setTotpSecret(db, row.user_id, seal(keys.current, plain, purpose(row.user_id)));
    resealed++;
  }
  return { resealed, unreadable };
}
