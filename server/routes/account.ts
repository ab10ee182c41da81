// A person's own account: password change, two-factor login (set up here,
// confirmed with a first code, recovery codes shown once), their web sessions (listed with
// when each began and was last used, any of them ended here) and their API
// tokens (created here, shown once, revoked here).
import express, { Router } from 'express';
import { actorOf, allow } from '../auth';
import { passwordChangeSchema, tokenSchema } from '../account-schemas';
import { HttpError } from '../errors';
import { parse } from '../schemas';
import { changePassword, createApiToken, revokeApiToken, tokensOf } from '../use-cases/accounts';
import type { UseCaseContext } from '../use-cases/context';
import { sessionHandle, type UserSessions } from '../use-cases/sessions';
import { page, type Csrf } from '../page';
import type { AppConfig } from '../../app.config';
import {
  confirmEnrolment,
  renewRecoveryCodes,
  secondFactorStatus,
  startEnrolment,
  turnOffSecondFactor,
} from '../use-cases/second-factor';

export function accountRouter(
  ctx: UseCaseContext,
  csrf: Csrf,
  sessions: UserSessions,
  config: Pick<AppConfig, 'secretKeys' | 'mfaRoles'>,
): Router {
  const keys = config.secretKeys;
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  const accountPage = async (req: express.Request, res: express.Response, extra: Record<string, unknown> = {}) => {
    const userId = req.user!.userId;
    res.render(
      'account',
      page(req, res, csrf, {
        title: 'Your account',
        tokens: await tokensOf(ctx.db, userId),
        sessions: userId ? await sessions.listingOf(userId, req.session.id) : [],
        secondFactor: userId ? await secondFactorStatus(ctx.db, keys, userId) : null,
        secondFactorRequired: config.mfaRoles.includes(req.user!.role),
        ...extra,
      }),
    );
  };

  r.get('/account', allow('account.self'), (req, res) => accountPage(req, res));
  r.post('/account/password', allow('account.self'), form, csrf.doubleCsrfProtection, async (req, res) => {
    try {
      const body = parse(passwordChangeSchema, req.body);
      // This session stays logged in; every other session of this person ends and their tokens are revoked.
      req.session.authAt = await changePassword(
        ctx.db,
        req.user!.userId!,
        body.current,
        body.next,
        sessions,
        req.session.id,
      );
      req.session.notice =
        'Password changed. Your other sessions were logged out and your API tokens were revoked; create new ones where scripts need them.';
    } catch (err) {
      if (!(err instanceof HttpError) || err.status >= 500) throw err;
      req.session.flash = { error: err.message, field: err.field === 'next' ? 'new password' : err.field };
    }
    res.redirect(303, '/account');
  });
  r.post('/account/two-factor/start', allow('account.self'), form, csrf.doubleCsrfProtection, async (req, res) => {
    const userId = req.user!.userId;
    if (!userId) throw new HttpError(400, 'only a person can log in with a second factor', null);
    await startEnrolment(ctx.db, keys, userId);
    res.redirect(303, '/account#two-factor');
  });
  r.post('/account/two-factor/confirm', allow('account.self'), form, csrf.doubleCsrfProtection, async (req, res) => {
    const userId = req.user!.userId;
    if (!userId) throw new HttpError(400, 'only a person can log in with a second factor', null);
    let recoveryCodes: string[];
    try {
      recoveryCodes = await confirmEnrolment(ctx.db, keys, userId, String(req.body.code ?? '').slice(0, 64));
    } catch (err) {
      if (!(err instanceof HttpError) || err.status >= 500) throw err;
      req.session.flash = { error: err.message, field: err.field };
      return res.redirect(303, '/account#two-factor');
    }
    // Rendered, not redirected: the recovery codes exist in plaintext only in this response.
    res.status(201);
    await accountPage(req, res, { recoveryCodes });
  });
  /** A change to one's own factor that needs a current code: a refusal goes back to the page, naming the field. */
  const withCode =
    (fn: (req: express.Request, res: express.Response, userId: string) => Promise<void>) =>
    async (req: express.Request, res: express.Response) => {
      const userId = req.user!.userId;
      if (!userId) throw new HttpError(400, 'only a person can log in with a second factor', null);
      try {
        await fn(req, res, userId);
      } catch (err) {
        if (!(err instanceof HttpError) || err.status >= 500) throw err;
        req.session.flash = { error: err.message, field: err.field };
        res.redirect(303, '/account#two-factor');
      }
    };
  r.post(
    '/account/two-factor/recovery-codes',
    allow('account.self'),
    form,
    csrf.doubleCsrfProtection,
    withCode(async (req, res, userId) => {
      const recoveryCodes = await renewRecoveryCodes(
        ctx.db,
        keys,
        { userId, source: req.ip ?? 'unknown' },
        String(req.body.code ?? '').slice(0, 64),
      );
      res.status(201);
      await accountPage(req, res, { recoveryCodes });
    }),
  );
  r.post(
    '/account/two-factor/off',
    allow('account.self'),
    form,
    csrf.doubleCsrfProtection,
    withCode(async (req, res, userId) => {
      await turnOffSecondFactor(
        ctx.db,
        keys,
        { userId, source: req.ip ?? 'unknown', role: req.user!.role },
        config.mfaRoles,
        String(req.body.code ?? '').slice(0, 64),
      );
      req.session.notice = 'Two-factor login is off: logging in takes your password alone.';
      res.redirect(303, '/account');
    }),
  );
  r.post('/account/tokens', allow('account.self'), form, csrf.doubleCsrfProtection, async (req, res) => {
    const user = req.user!;
    if (!user.userId) throw new HttpError(400, 'only a person can own a token', null);
    const { name } = parse(tokenSchema, req.body);
    const created = await createApiToken(ctx.db, { id: user.userId, role: user.role }, name, actorOf(user));
    // Rendered, not redirected: the plaintext exists only in this response.
    res.status(201);
    await accountPage(req, res, { created });
  });
  r.post('/account/sessions/:handle/end', allow('account.self'), form, csrf.doubleCsrfProtection, async (req, res) => {
    const userId = req.user!.userId;
    const handle = String(req.params.handle);
    if (!userId) throw new HttpError(404, 'session not found', null);
    if (handle === sessionHandle(req.session.id)) {
      // Ending the session in hand is logging out.
      await sessions.loggedOut(req.session.id);
      return req.session.destroy(() => res.redirect(303, '/login'));
    }
    if (!(await sessions.endOne(userId, handle))) throw new HttpError(404, 'session not found', null);
    req.session.notice = 'Session ended: whoever used it is logged out.';
    res.redirect(303, '/account');
  });
  r.post(
    '/account/tokens/:tokenId/revoke',
    allow('account.self'),
    form,
    csrf.doubleCsrfProtection,
    async (req, res) => {
      const user = req.user!;
      await revokeApiToken(ctx.db, String(req.params.tokenId), {
        ...actorOf(user),
        userId: user.userId,
        asAdmin: false,
      });
      res.redirect(303, '/account');
    },
  );
  return r;
}
