// Who a single sign-on login is, against a real SQLite file: the provider's
// (issuer, subject) pair, never an email. An unknown pair gets an account only
// when its role claim maps to a role; a local account with the same email is
// never taken over unless an admin allowed it (for a day, and the provider
// vouches for the address); a known pair logs in as the same person, with the role the
// provider gives now; a linked person whose claim maps to no role any more is
// refused and loses their sessions and tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig, ConfigError } from '../../app.config';
import type { Db } from '../../store/connection';
import { findUserById } from '../../store/users';
import { createApiToken, createUser, disableUser, logIn } from '../../server/use-cases/accounts';
import {
  allowSsoLink,
  roleFromClaims,
  signInWithOidc,
  SSO_LINK_APPROVAL_MS,
  type SsoMapping,
} from '../../server/use-cases/single-sign-on';
import { userForToken } from '../../server/auth';
import { openTestDb, type TestDb } from '../support/test-db';

const ISSUER = 'https://idp.example.org';
const mapping: SsoMapping = {
  roleClaim: 'groups',
  roleMap: new Map([
    ['dpo', 'approver'],
    ['breach-team', 'responder'],
    ['it-admins', 'admin'],
  ]),
};
const claimsOf = (
  sub: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> & { iss: string; sub: string } => ({
  iss: ISSUER,
  sub,
  email: `${sub}@example.org`,
  name: `Person ${sub}`,
  ...over,
});

let t: TestDb;
let db: Db;
beforeAll(async () => {
  t = await openTestDb(undefined, 'sso');
  db = t.db;
});
afterAll(async () => {
  await t?.drop();
});

const auditOf = (type: string) =>
  db.all<{ summary: string; details: string }>(
    'SELECT summary, details_json AS details FROM audit_log WHERE type = ?',
    [type],
  );
const usersWithEmail = (email: string) => db.all<{ id: string }>('SELECT id FROM users WHERE email = ?', [email]);

describe('single sign-on', () => {
  it('maps the role claim to the highest role among its values, a list or one string', () => {
    expect(roleFromClaims({ groups: ['staff', 'breach-team', 'dpo'] }, mapping)).toBe('approver');
    expect(roleFromClaims({ groups: 'it-admins' }, mapping)).toBe('admin');
    expect(roleFromClaims({ groups: ['staff', 42] }, mapping)).toBeNull();
    expect(roleFromClaims({}, mapping)).toBeNull();
  });

  it('refuses an unknown person whose claim maps to no role, creates nothing, and audits it', async () => {
    const outcome = await signInWithOidc(db, claimsOf('nora', { groups: ['sales'] }), mapping, '127.0.0.1');
    expect(outcome).toEqual({ ok: false, reason: 'no-role' });
    expect(await usersWithEmail('nora@example.org')).toEqual([]);
    expect(await db.get('SELECT * FROM user_identities WHERE subject = ?', ['nora'])).toBeUndefined();
    const refused = await auditOf('user.sso_refused');
    expect(refused.some((r) => JSON.parse(r.details).subject === 'nora')).toBe(true);
  });

  it('never takes over a local account with the same email', async () => {
    const local = await createUser(
      db,
      { email: 'lena@example.org', displayName: 'Lena Local', role: 'viewer', password: 'lena-local-password-1' },
      { kind: 'system', id: 'test' },
    );
    const outcome = await signInWithOidc(db, claimsOf('lena', { groups: ['it-admins'] }), mapping, '127.0.0.1');
    expect(outcome).toEqual({ ok: false, reason: 'email-taken' });
    expect(await findUserById(db, local.id)).toMatchObject({ role: 'viewer', display_name: 'Lena Local' });
    expect(await db.get('SELECT * FROM user_identities WHERE user_id = ?', [local.id])).toBeUndefined();
    expect(await usersWithEmail('lena@example.org')).toEqual([{ id: local.id }]);
    // Her own password still logs her in, as herself.
    expect(await logIn(db, 'lena@example.org', 'lena-local-password-1', '127.0.0.9')).toMatchObject({
      ok: true,
      userId: local.id,
    });
  });

  it('links to an existing account only after an admin allowed it, within a day, for a verified email', async () => {
    const admin = { kind: 'user' as const, id: 'usr_admin' };
    const make = (email: string) =>
      createUser(
        db,
        { email, displayName: 'Moving Person', role: 'viewer', password: 'moving-local-password-1' },
        { kind: 'system', id: 'test' },
      );
    const mover = await make('mo@example.org');
    const claims = claimsOf('mo', { groups: ['dpo'], email_verified: true });

    // Allowed, but the provider does not say the address is verified: refused, and the approval stays.
    await allowSsoLink(db, mover.id, admin);
    const { email_verified: _v, ...unverified } = claims;
    expect(await signInWithOidc(db, unverified, mapping, '127.0.0.1')).toEqual({ ok: false, reason: 'email-taken' });

    expect(await signInWithOidc(db, claims, mapping, '127.0.0.1')).toEqual({
      ok: true,
      userId: mover.id,
      created: false,
    });
    expect(await findUserById(db, mover.id)).toMatchObject({ role: 'approver', email: 'mo@example.org' });
    expect((await auditOf('user.sso_linked')).some((r) => JSON.parse(r.details).userId === mover.id)).toBe(true);
    // Linked now: the next login is the same person, and a second approval is pointless.
    expect(await signInWithOidc(db, claims, mapping, '127.0.0.1')).toMatchObject({ ok: true, userId: mover.id });
    await expect(allowSsoLink(db, mover.id, admin)).rejects.toMatchObject({ status: 409 });

    // The approval is used once: another identity with the same email is refused.
    const other = { ...claims, sub: 'mo-impostor' };
    expect(await signInWithOidc(db, other, mapping, '127.0.0.1')).toEqual({ ok: false, reason: 'email-taken' });

    // An approval older than a day has lapsed.
    const late = await make('late@example.org');
    await allowSsoLink(db, late.id, admin, new Date(Date.now() - SSO_LINK_APPROVAL_MS - 60_000));
    expect(
      await signInWithOidc(db, claimsOf('late', { groups: ['dpo'], email_verified: true }), mapping, '127.0.0.1'),
    ).toEqual({ ok: false, reason: 'email-taken' });
    expect(await findUserById(db, late.id)).toMatchObject({ role: 'viewer' });
  });

  it('links a known (issuer, subject) to the same person at every login, with the role the provider gives now', async () => {
    const first = await signInWithOidc(db, claimsOf('otto', { groups: ['breach-team'] }), mapping, '127.0.0.1');
    expect(first).toMatchObject({ ok: true, created: true });
    const userId = (first as { userId: string }).userId;
    expect(await findUserById(db, userId)).toMatchObject({ role: 'responder', email: 'otto@example.org' });

    // A new email and a promotion at the provider: the same person, promoted, and no second account.
    const again = await signInWithOidc(
      db,
      claimsOf('otto', { email: 'otto.new@example.org', name: 'Otto Renamed', groups: ['dpo'] }),
      mapping,
      '127.0.0.1',
    );
    expect(again).toEqual({ ok: true, userId, created: false });
    expect(await findUserById(db, userId)).toMatchObject({ role: 'approver', display_name: 'Otto Renamed' });
    expect(await usersWithEmail('otto.new@example.org')).toEqual([]);
    expect((await auditOf('user.role_changed')).some((r) => JSON.parse(r.details).userId === userId)).toBe(true);

    // The same subject from another issuer is someone else.
    const elsewhere = await signInWithOidc(
      db,
      { ...claimsOf('otto', { email: 'otto@other.example', groups: ['dpo'] }), iss: 'https://other-idp.example' },
      mapping,
      '127.0.0.1',
    );
    expect(elsewhere).toMatchObject({ ok: true, created: true });
    expect((elsewhere as { userId: string }).userId).not.toBe(userId);
  });

  it('gives the account no password: the password login refuses it whatever is typed', async () => {
    const outcome = await signInWithOidc(db, claimsOf('pia', { groups: ['dpo'] }), mapping, '127.0.0.1');
    expect(outcome.ok).toBe(true);
    expect(await logIn(db, 'pia@example.org', '!single-sign-on', '127.0.0.2')).toMatchObject({ ok: false });
    expect(await logIn(db, 'pia@example.org', '', '127.0.0.2')).toMatchObject({ ok: false });
  });

  it('refuses a linked person whose claim maps to no role any more, and ends their sessions and tokens', async () => {
    const first = await signInWithOidc(db, claimsOf('ruth', { groups: ['breach-team'] }), mapping, '127.0.0.1');
    const userId = (first as { userId: string }).userId;
    const { token } = await createApiToken(db, { id: userId, role: 'responder' }, 'script', {
      kind: 'user',
      id: userId,
    });
    expect(await userForToken(db, token, 'token')).not.toBeNull();
    const ended: string[] = [];
    const outcome = await signInWithOidc(db, claimsOf('ruth', { groups: [] }), mapping, '127.0.0.1', {
      endAllOf: async (id) => {
        ended.push(id);
        return 1;
      },
    });
    expect(outcome).toEqual({ ok: false, reason: 'no-role' });
    expect(ended).toEqual([userId]);
    expect(await userForToken(db, token, 'token')).toBeNull();
    expect((await findUserById(db, userId))?.sessions_ended_at).not.toBeNull();
  });

  it('refuses a linked person an admin disabled', async () => {
    const first = await signInWithOidc(db, claimsOf('dirk', { groups: ['breach-team'] }), mapping, '127.0.0.1');
    const userId = (first as { userId: string }).userId;
    await disableUser(db, userId, { kind: 'system', id: 'test', userId: null });
    expect(await signInWithOidc(db, claimsOf('dirk', { groups: ['dpo'] }), mapping, '127.0.0.1')).toEqual({
      ok: false,
      reason: 'disabled',
    });
    expect(await findUserById(db, userId)).toMatchObject({ role: 'responder' });
  });
});

describe('single sign-on settings', () => {
  const base = { BREACHLINE_DATA_DIR: '/tmp/unused', PORT: '3000' };
  const sso = {
    BREACHLINE_OIDC_ISSUER: 'https://idp.example.org',
    BREACHLINE_OIDC_CLIENT_ID: 'breachline',
    BREACHLINE_OIDC_CLIENT_SECRET: 'a-client-secret',
    BREACHLINE_OIDC_ROLE_MAP: '{"dpo":"approver"}',
  };
  const problem = (env: Record<string, string>) => {
    try {
      loadAppConfig({ ...base, ...env });
      return null;
    } catch (err) {
      return err instanceof ConfigError ? err.variable : err;
    }
  };

  it('derives the redirect URI from the public URL, or the local one', () => {
    expect(loadAppConfig({ ...base, ...sso }).oidc?.redirectUri).toBe('http://localhost:3000/login/oidc/callback');
    expect(
      loadAppConfig({ ...base, ...sso, BREACHLINE_PUBLIC_URL: 'https://breach.example.org/' }).oidc?.redirectUri,
    ).toBe('https://breach.example.org/login/oidc/callback');
  });

  it('names the variable at fault', () => {
    expect(problem({ ...sso, BREACHLINE_OIDC_CLIENT_SECRET: '' })).toBe('BREACHLINE_OIDC_CLIENT_SECRET');
    expect(problem({ ...sso, BREACHLINE_OIDC_ROLE_MAP: '{"dpo":"owner"}' })).toBe('BREACHLINE_OIDC_ROLE_MAP');
    expect(problem({ ...sso, BREACHLINE_OIDC_ROLE_MAP: '' })).toBe('BREACHLINE_OIDC_ROLE_MAP');
    expect(problem({ BREACHLINE_LOCAL_LOGIN: 'off' })).toBe('BREACHLINE_LOCAL_LOGIN');
    expect(problem({ ...sso, BREACHLINE_LOCAL_LOGIN: 'maybe' })).toBe('BREACHLINE_LOCAL_LOGIN');
    expect(problem({ ...sso, BREACHLINE_LOCAL_LOGIN: 'off' })).toBeNull();
  });
});
