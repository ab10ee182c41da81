// Admin settings: users (create, role, clear login delays, reset two-factor login), every API token,
// alert webhook sources and regulator contact addresses. Every change goes
// to the audit trail with the admin who made it.
import express, { Router } from 'express';
import type { AppConfig } from '../../app.config';
import { actorOf, allow } from '../auth';
import {
  newUserSchema,
  passwordResetSchema,
  regulatorAddressSchema,
  roleChangeSchema,
  tokenSchema,
  alertSnoozeSchema,
  webhookSourceSchema,
} from '../account-schemas';
import { HttpError } from '../errors';
import { ROLES } from '../permissions';
import { parse } from '../schemas';
import {
  changeRole,
  createApiToken,
  createUser,
  disableUser,
  recentLoginFailures,
  enableUser,
  clearLoginDelays,
  listAccounts,
  listAllTokens,
  resetPassword,
  revokeApiToken,
} from '../use-cases/accounts';
import {
  changeOrgProfile,
  orgProfileOf,
  orgProfileSchema,
  removeRegulatorAddress,
  saveRegulatorAddress,
} from '../use-cases/organisation';
import type { UseCaseContext } from '../use-cases/context';
import type { UserSessions } from '../use-cases/sessions';
import { resetSecondFactor, usersWithSecondFactor } from '../use-cases/second-factor';
import { createSource, listSources, NO_KEY_MESSAGE, rotateSource } from '../use-cases/webhook-sources';
import { page, type Csrf } from '../page';
import { intakeStatus } from '../use-cases/intake-status';
import { endSnooze, snoozeKey, snoozesInForce } from '../use-cases/alert-snoozes';
import { createIntake } from '../use-cases/ingest-alert';
import { sendTestAlert } from '../use-cases/test-alert';
import { lastPayloads } from '../use-cases/last-payloads';
import { allowSsoLink, singleSignOnStatus } from '../use-cases/single-sign-on';

export function settingsRouter(
  ctx: UseCaseContext,
  csrf: Csrf,
  config: Pick<AppConfig, 'webhookSecrets' | 'secretKeys' | 'intake' | 'alertSources' | 'oidc'>,
  sessions: UserSessions,
): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const nullable = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

  /** Form errors go back to the page as a flash naming the field, with what was typed (never a password). */
  const guarded =
    (back: string, fn: (req: express.Request, res: express.Response) => Promise<void>) =>
    async (req: express.Request, res: express.Response) => {
      try {
        await fn(req, res);
      } catch (err) {
        if (!(err instanceof HttpError) || err.status >= 500) throw err;
        const { password: _p, secret: _s, _csrf, ...typed } = req.body ?? {};
        req.session.flash = { error: err.message, field: err.field, form: typed };
        res.redirect(303, back);
      }
    };

  const usersPage = async (req: express.Request, res: express.Response, extra: Record<string, unknown> = {}) => {
    const now = Date.now();
    const failures = await recentLoginFailures(ctx.db, new Date(now));
    const withSecondFactor = await usersWithSecondFactor(ctx.db);
    const sso = config.oidc ? await singleSignOnStatus(ctx.db, new Date(now)) : null;
    const users = (await listAccounts(ctx.db)).map((account) => {
      const failed = failures.get(account.email);
      return {
        id: account.id,
        email: account.email,
        name: account.display_name,
        role: account.role,
        failedLogins: failed?.failures ?? 0,
        failedFrom: failed?.sources ?? 0,
        // Some address of theirs must wait before its next try (the latest wait of any address).
        waitingUntil: failed?.blocked_until && Date.parse(failed.blocked_until) > now ? failed.blocked_until : null,
        disabledAt: account.disabled_at,
        self: account.id === req.user!.userId,
        secondFactor: withSecondFactor.has(account.id),
        singleSignOn: sso && { linked: sso.linked.has(account.id), linkAllowedUntil: sso.approvals.get(account.id) },
        createdAt: account.created_at,
      };
    });
    res.render(
      'settings-users',
      page(req, res, csrf, { title: 'Users', section: 'users', users, roles: ROLES, ...extra }),
    );
  };

  r.get('/', (_req, res) => res.redirect('/settings/users'));
  r.get('/users', allow('users.manage'), (req, res) => usersPage(req, res));
  r.post(
    '/users',
    allow('users.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/users', async (req, res) => {
      const created = await createUser(ctx.db, parse(newUserSchema, req.body), actorOf(req.user!));
      req.session.notice = `Created ${created.role} ${created.email}. Give them the password through a separate channel.`;
      res.redirect(303, '/settings/users');
    }),
  );
  r.post(
    '/users/:userId/single-sign-on/allow',
    allow('users.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/users', async (req, res) => {
      if (!config.oidc) throw new HttpError(404, 'single sign-on is not set up', null);
      const until = await allowSsoLink(ctx.db, String(req.params.userId), actorOf(req.user!));
      req.session.notice = `Their next single sign-on with the same email, before ${until}, will link to this account and take the role the identity provider gives.`;
      res.redirect(303, '/settings/users');
    }),
  );
  r.post(
    '/users/:userId/role',
    allow('users.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/users', async (req, res) => {
      await changeRole(ctx.db, String(req.params.userId), parse(roleChangeSchema, req.body).role, actorOf(req.user!));
      req.session.notice = 'Role changed.';
      res.redirect(303, '/settings/users');
    }),
  );
  r.post(
    '/users/:userId/disable',
    allow('users.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/users', async (req, res) => {
      await disableUser(
        ctx.db,
        String(req.params.userId),
        { ...actorOf(req.user!), userId: req.user!.userId },
        sessions,
      );
      req.session.notice = 'Account disabled: its sessions ended and its API tokens were revoked.';
      res.redirect(303, '/settings/users');
    }),
  );
  r.post(
    '/users/:userId/enable',
    allow('users.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/users', async (req, res) => {
      await enableUser(ctx.db, String(req.params.userId), actorOf(req.user!));
      req.session.notice = 'Account enabled again: they log in afresh; their old sessions and API tokens stay ended.';
      res.redirect(303, '/settings/users');
    }),
  );
  r.post(
    '/users/:userId/password',
    allow('users.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/users', async (req, res) => {
      await resetPassword(
        ctx.db,
        String(req.params.userId),
        parse(passwordResetSchema, req.body).password,
        actorOf(req.user!),
        sessions,
      );
      req.session.notice =
        'New password set; their sessions have ended and their API tokens were revoked. Give it to them through a separate channel.';
      res.redirect(303, '/settings/users');
    }),
  );
  r.post(
    '/users/:userId/two-factor/reset',
    allow('users.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/users', async (req, res) => {
      await resetSecondFactor(ctx.db, String(req.params.userId), actorOf(req.user!));
      req.session.notice =
        'Two-factor login reset: they log in with their password alone and can set it up again from their account page.';
      res.redirect(303, '/settings/users');
    }),
  );
  r.post(
    '/users/:userId/login-delays/clear',
    allow('users.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/users', async (req, res) => {
      await clearLoginDelays(ctx.db, String(req.params.userId), actorOf(req.user!));
      req.session.notice = 'Login delays cleared: every address may try again now.';
      res.redirect(303, '/settings/users');
    }),
  );

  const tokensPage = async (req: express.Request, res: express.Response, extra: Record<string, unknown> = {}) => {
    const names = new Map((await listAccounts(ctx.db)).map((account) => [account.id, account.display_name]));
    const tokens = (await listAllTokens(ctx.db)).map((token) => ({
      ...token,
      owner: token.user_id ? (names.get(token.user_id) ?? token.user_id) : 'none (bootstrap)',
    }));
    res.render(
      'settings-tokens',
      page(req, res, csrf, {
        title: 'API tokens',
        section: 'tokens',
        tokens,
        users: [...names].map(([id, name]) => ({ id, name })),
        ...extra,
      }),
    );
  };
  r.get('/tokens', allow('tokens.manage'), (req, res) => tokensPage(req, res));
  r.post(
    '/tokens',
    allow('tokens.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/tokens', async (req, res) => {
      const { name } = parse(tokenSchema, req.body);
      const owner = (await listAccounts(ctx.db)).find((account) => account.id === req.body.userId);
      if (!owner) throw new HttpError(400, 'choose the person the token acts for', 'userId');
      const created = await createApiToken(ctx.db, { id: owner.id, role: owner.role }, name, actorOf(req.user!));
      res.status(201);
      await tokensPage(req, res, { created });
    }),
  );
  r.post('/tokens/:tokenId/revoke', allow('tokens.manage'), form, csrf.doubleCsrfProtection, async (req, res) => {
    await revokeApiToken(ctx.db, String(req.params.tokenId), {
      ...actorOf(req.user!),
      userId: req.user!.userId,
      asAdmin: true,
    });
    req.session.notice = 'Token revoked.';
    res.redirect(303, '/settings/tokens');
  });

  const toolSources = [...config.alertSources.values()]
    .map((s) => ({ name: s.name, format: s.format, auth: s.auth.type, groupBy: s.groupBy ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const hmacSources = () => listSources(ctx.db, config.webhookSecrets);
  const sourceNames = async () => new Set([...config.alertSources.keys(), ...(await hmacSources()).map((s) => s.name)]);
  // The test alert is one row an admin asked for: it is not refused for the backlog.
  const intake = createIntake(ctx.db, { maxBacklog: Infinity });

  const webhooksPage = async (req: express.Request, res: express.Response, extra: Record<string, unknown> = {}) => {
    const sources = (await hmacSources()).filter((s) => !config.alertSources.has(s.name));
    res.render(
      'settings-webhooks',
      page(req, res, csrf, {
        title: 'Webhook sources',
        section: 'webhooks',
        sources,
        toolSources,
        payloads: await lastPayloads(ctx.db, [...toolSources.map((s) => s.name), ...sources.map((s) => s.name)]),
        snoozes: await snoozesInForce(ctx.db),
        keyMissing: config.secretKeys.current ? null : NO_KEY_MESSAGE,
        intake: await intakeStatus(ctx.db, config.intake.maxBacklog),
        // The forwarder's own settings (the same environment): the lag a storm may show by design.
        maxLingerSeconds: Math.max(config.intake.forwarderLingerMs, config.intake.forwarderMaxLingerMs) / 1000,
        ...extra,
      }),
    );
  };
  r.get('/webhooks', allow('webhooks.manage'), (req, res) => webhooksPage(req, res));
  r.post(
    '/webhooks',
    allow('webhooks.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/webhooks', async (req, res) => {
      const spec = parse(webhookSourceSchema, req.body);
      const envNames = new Set([...config.webhookSecrets.keys(), ...config.alertSources.keys()]);
      const secret = await createSource(ctx.db, envNames, config.secretKeys.current, spec, actorOf(req.user!));
      res.status(201);
      if (secret) await webhooksPage(req, res, { shown: { name: spec.name, secret, authType: spec.authType } });
      else await webhooksPage(req, res, { created: spec.name });
    }),
  );
  r.post(
    '/webhooks/:name/rotate',
    allow('webhooks.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/webhooks', async (req, res) => {
      const name = String(req.params.name);
      const secret = await rotateSource(ctx.db, config.secretKeys.current, name, actorOf(req.user!));
      const authType = (await hmacSources()).find((s) => s.name === name)?.authType;
      await webhooksPage(req, res, { shown: { name, secret, rotated: true, authType } });
    }),
  );

  r.post(
    '/webhooks/:name/test',
    allow('webhooks.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/webhooks', async (req, res) => {
      const name = String(req.params.name);
      if (!(await sourceNames()).has(name)) throw new HttpError(404, 'no alert source by this name', 'name');
      const outcome = await sendTestAlert(
        intake,
        { name, format: config.alertSources.get(name)?.format ?? 'generic' },
        req.user!,
      );
      req.session.notice =
        'incidentId' in outcome
          ? `Test alert ${outcome.alertId} is in the intake buffer for incident ${outcome.incidentId}; the forwarder delivers it within seconds. Dismiss that incident when you have seen it.`
          : `Test alert ${outcome.alertId} was kept but opened no incident: ${outcome.reason}.`;
      res.redirect(303, '/settings/webhooks');
    }),
  );
  r.post(
    '/webhooks/snoozes',
    allow('webhooks.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/webhooks', async (req, res) => {
      const b = req.body as Record<string, unknown>;
      const request = parse(alertSnoozeSchema, { ...b, hours: Number(b.hours) });
      const row = await snoozeKey(ctx.db, await sourceNames(), request, actorOf(req.user!));
      req.session.notice = `Key ${row.dedup_key} on ${row.source} opens no incident until ${row.until}.`;
      res.redirect(303, '/settings/webhooks');
    }),
  );
  r.post(
    '/webhooks/snoozes/:id/end',
    allow('webhooks.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/webhooks', async (req, res) => {
      const row = await endSnooze(ctx.db, String(req.params.id), actorOf(req.user!));
      req.session.notice = `Snooze on ${row.source} key ${row.dedup_key} ended: its next trigger opens an incident.`;
      res.redirect(303, '/settings/webhooks');
    }),
  );

  r.get('/organisation', allow('settings.manage'), async (req, res) => {
    res.render(
      'settings-organisation',
      page(req, res, csrf, { title: 'Organisation', section: 'organisation', profile: await orgProfileOf(ctx.db) }),
    );
  });
  r.post(
    '/organisation',
    allow('settings.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/organisation', async (req, res) => {
      const current = await orgProfileOf(ctx.db);
      const b = req.body as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
      const profile = parse(orgProfileSchema, {
        ...current,
        legalName: text(b.legalName),
        mainEstablishment: text(b.mainEstablishment).toUpperCase(),
        dpo: { name: text(b.dpoName), email: text(b.dpoEmail), phone: nullable(b.dpoPhone) },
        incidentOwnerEmail: text(b.incidentOwnerEmail),
        contactUrl: nullable(b.contactUrl),
        postalAddress: nullable(b.postalAddress),
        contactPhone: nullable(b.contactPhone),
      });
      await changeOrgProfile(ctx.db, profile, actorOf(req.user!));
      req.session.notice = 'Organisation profile saved.';
      res.redirect(303, '/settings/organisation');
    }),
  );

  r.get('/regulators', allow('settings.manage'), async (req, res) => {
    const profile = await orgProfileOf(ctx.db);
    const regulators = Object.entries(profile.regulators)
      .map(([key, c]) => ({ key, ...c }))
      .sort((a, b) => a.key.localeCompare(b.key));
    res.render(
      'settings-regulators',
      page(req, res, csrf, { title: 'Regulator addresses', section: 'regulators', regulators, profile }),
    );
  });
  r.post(
    '/regulators',
    allow('settings.manage'),
    form,
    csrf.doubleCsrfProtection,
    guarded('/settings/regulators', async (req, res) => {
      const body = parse(regulatorAddressSchema, {
        key: req.body.key,
        name: req.body.name,
        email: nullable(req.body.email),
        portalUrl: nullable(req.body.portalUrl),
      });
      if (!body.email && !body.portalUrl) throw new HttpError(400, 'give an email address or a portal URL', 'email');
      await saveRegulatorAddress(
        ctx.db,
        body.key,
        { name: body.name, email: body.email, portalUrl: body.portalUrl },
        actorOf(req.user!),
      );
      req.session.notice = `Saved the address for ${body.key}.`;
      res.redirect(303, '/settings/regulators');
    }),
  );
  r.post('/regulators/remove', allow('settings.manage'), form, csrf.doubleCsrfProtection, async (req, res) => {
    const key = String(req.body.key ?? '');
    await removeRegulatorAddress(ctx.db, key, actorOf(req.user!));
    req.session.notice = `Removed the address for ${key}.`;
    res.redirect(303, '/settings/regulators');
  });
  return r;
}
