// Logging in through the organisation's identity provider: /login/oidc sends
// the browser there with a PKCE challenge, state and nonce kept in its session;
// /login/oidc/callback takes the answer once, checks it, and logs the person in
// as server/use-cases/single-sign-on.ts decides. Neither needs a CSRF token: the
// start only redirects, and the callback is bound to the state in the session.
import { Router, type Request, type Response } from 'express';
import { nowIso } from '../../lib/clock';
import type { UseCaseContext } from '../use-cases/context';
import { signInWithOidc, type SsoMapping, type SsoRefusal } from '../use-cases/single-sign-on';
import type { UserSessions } from '../use-cases/sessions';
import { OidcRefused, OidcUnavailable, type OidcClient, type OidcPending } from '../oidc-client';

declare module 'express-session' {
  interface SessionData {
    /** Between leaving for the identity provider and coming back: what proves the answer is for this login. */
    oidcLogin?: OidcPending & { next: string; at: string };
  }
}

/** A problem shown on the login page: a bold title and a plain explanation. */
export interface SsoProblem {
  title: string;
  text: string;
}

/** How long the person may spend at the identity provider before coming back. */
const SSO_WAIT_MS = 10 * 60_000;

export const SSO_UNAVAILABLE: SsoProblem = {
  title: 'Single sign-on is unavailable.',
  text: "Breachline cannot reach your organisation's identity provider right now. Try again in a few minutes; if it keeps happening, tell your administrator.",
};
const SSO_INCOMPLETE: SsoProblem = {
  title: 'Single sign-on did not complete.',
  text: 'It was cancelled, took too long, or was started in another window, or its answer could not be verified. Start again from this page.',
};
export const SSO_REFUSALS: Record<SsoRefusal, SsoProblem> = {
  'no-role': {
    title: 'You have no access to Breachline.',
    text: 'Your identity provider signed you in, but none of your groups is given a role here. Ask your administrator to add you to the right group.',
  },
  'email-taken': {
    title: 'Your email address already has a Breachline account.',
    text: 'Single sign-on never takes over an existing account. If that account is yours, log in to it as before; otherwise ask your administrator.',
  },
  disabled: {
    title: 'Your Breachline account is disabled.',
    text: 'Ask your administrator if you should still have access.',
  },
};

/** `next`: where a new attempt from the page should lead (the dashboard when unknown). */
export type RenderLogin = (req: Request, res: Response, status: number, problem: SsoProblem, next?: string) => void;
export type StartSession = (
  req: Request,
  res: Response,
  login: { userId: string; singleSignOn: true },
  next: string,
  fail: (err: unknown) => void,
) => void;

export function oidcLoginRouter(
  ctx: Pick<UseCaseContext, 'db' | 'logger'>,
  deps: {
    oidc: OidcClient;
    redirectUri: string;
    mapping: SsoMapping;
    sessions: UserSessions;
    safeNext: (v: unknown) => string;
    renderLogin: RenderLogin;
    startSession: StartSession;
  },
): Router {
  const r = Router();

  const unavailable = (req: Request, res: Response, err: OidcUnavailable, next?: string) => {
    ctx.logger.warn({ err: err.message }, 'single sign-on unavailable');
    deps.renderLogin(req, res, 503, SSO_UNAVAILABLE, next);
  };

  r.get('/login/oidc', async (req, res, fail) => {
    const next = deps.safeNext(req.query.next);
    let started: Awaited<ReturnType<OidcClient['start']>>;
    try {
      started = await deps.oidc.start();
    } catch (err) {
      if (err instanceof OidcUnavailable) return unavailable(req, res, err, next);
      return fail(err);
    }
    req.session.oidcLogin = { ...started.pending, next, at: nowIso() };
    req.session.save((err) => (err ? fail(err) : res.redirect(started.url)));
  });

  r.get('/login/oidc/callback', async (req, res, fail) => {
    const pending = req.session.oidcLogin;
    // One answer per login: a replayed or second callback finds nothing to match.
    delete req.session.oidcLogin;
    if (!pending || Date.now() - Date.parse(pending.at) > SSO_WAIT_MS)
      return deps.renderLogin(req, res, 400, SSO_INCOMPLETE);
    // The URL the provider was given, not one built from the Host header: its token endpoint compares them.
    const callbackUrl = new URL(deps.redirectUri);
    callbackUrl.search = new URL(req.originalUrl, callbackUrl).search;
    let claims: Awaited<ReturnType<OidcClient['finish']>>;
    try {
      claims = await deps.oidc.finish(callbackUrl, pending);
    } catch (err) {
      if (err instanceof OidcUnavailable) return unavailable(req, res, err);
      if (err instanceof OidcRefused) {
        ctx.logger.info({ err: err.message }, 'single sign-on answer refused');
        return deps.renderLogin(req, res, 400, SSO_INCOMPLETE);
      }
      return fail(err);
    }
    const outcome = await signInWithOidc(ctx.db, claims, deps.mapping, req.ip ?? 'unknown', deps.sessions);
    if (!outcome.ok) return deps.renderLogin(req, res, 403, SSO_REFUSALS[outcome.reason]);
    deps.startSession(req, res, { userId: outcome.userId, singleSignOn: true }, pending.next, fail);
  });
  return r;
}
