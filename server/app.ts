// The Express application: security headers, sessions in SQLite, CSRF on every
// form, the JSON API, signed webhooks, the public notice page and the UI.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import express from 'express';
import helmet from 'helmet';
import session from 'express-session';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import { rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../app.config';
import type { Db } from '../store/connection';
import type { Logger } from '../lib/logger';
import { webStateFor } from './web-state';
import { errorHandler, HttpError } from './errors';
import type { TemporalGateway } from './temporal-gateway';
import { apiRouter } from './routes/api';
import { codecRouter } from './routes/codec';
import type { PayloadKey } from '../lib/payload-codec';
import { webhookRouter } from './routes/webhooks';
import { deliveryWebhookRouter } from './routes/delivery-webhooks';
import { setDeliveryTracking } from './delivery-tracking';
import { publicRouter } from './routes/public';
import { uiRouter } from './routes/ui';
import { createViewEngine, VIEWS_DIR } from './views';
import { nowIso } from '../lib/clock';
import { findSessionSecret, saveSessionSecretOnce } from '../store/app-secrets';
import { createUserSessions } from './use-cases/sessions';
import { publicLinkSettingOf } from './use-cases/approval-readiness';
import { openApiDocument } from './openapi';
import { createOidcClient } from './oidc-client';

// A refused request answers like every other API error: JSON naming the problem.
const TOO_MANY = { error: 'too many requests: retry after the time in the RateLimit header', field: null };

/** Idle timeout: the cookie rolls on every request. The absolute lifetime is config.sessionMaxLifetimeMs. */
const SESSION_MAX_AGE_MS = 12 * 3600_000;

export interface AppDeps {
  db: Db;
  gateway: TemporalGateway;
  logger: Logger;
  config: AppConfig;
  /** Local outbox provider in use: the dev mailbox page is shown. */
  mailboxEnabled: boolean;
  /** The Temporal Web UI's codec endpoint (/codec/decode): the payload keys and the UI's origins. */
  codec?: { keys: readonly PayloadKey[]; origins: readonly string[] };
}

/** A secret that signs sessions and CSRF tokens: from the environment, or generated once and kept in the data dir's database. */
export async function sessionSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  const stored = await findSessionSecret(db);
  if (stored !== undefined) return stored;
  await saveSessionSecretOnce(db, randomBytes(32).toString('hex'), nowIso());
  return (await findSessionSecret(db))!;
}

export async function createApp(deps: AppDeps): Promise<express.Express> {
  const { db, gateway, logger, config } = deps;
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  const secret = await sessionSecret(db, config.sessionSecret);
  setDeliveryTracking(config);
  const webState = webStateFor(db, config.dataDir);
  const sessionStore = webState.sessionStore;
  if (config.mfaRoles.length > 0 && !config.secretKeys.current)
    logger.warn(
      { roles: config.mfaRoles },
      'two-factor login is not required of anyone: BREACHLINE_SECRETS_KEY is unset, so no TOTP secret could be sealed',
    );
  const ctx = {
    db,
    gateway,
    logger,
    baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    publicLink: publicLinkSettingOf(config),
  };

  const app = express();
  app.disable('x-powered-by');
  // Which proxies may name the client's address: the login limits key on it (see app.config.ts).
  app.set('trust proxy', config.trustProxy);
  app.engine('hbs', createViewEngine({ cache: process.env.NODE_ENV !== 'development' }));
  app.set('view engine', 'hbs');
  app.set('views', VIEWS_DIR);
  // Pages and answers below hold people's names and contacts and the breach itself: no browser or
  // proxy may keep a copy (a shared laptop's back button, a corporate cache). Static assets and the
  // public notice, which hold neither, are mounted before it and stay cacheable.
  const noStore: express.RequestHandler = (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  };
  // Monitoring tools post alerts here, thousands a second in a storm, and read only the status and
  // JSON: mounted first, so none of the middleware for browsers below (helmet's dozen headers, the
  // routes matched before the API's) runs for them. Their limits live in the router.
  app.use('/webhooks', noStore, webhookRouter(ctx, config, webState.limiterStore));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'frame-src': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          // Over plain http (a laptop, the dev default) upgrading would break every asset.
          'upgrade-insecure-requests': secure ? [] : null,
        },
      },
    }),
  );

  app.get('/favicon.ico', (_req, res) => {
    res.redirect(301, '/static/favicon.svg');
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // The API's description is public, like any published API reference: it holds no data.
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use('/static', express.static(path.join(__dirname, 'static'), { maxAge: '1h' }));
  app.use('/public', publicRouter(db));
  app.use(noStore);
  // Providers post delivery reports in bursts (SendGrid batches, a Twilio callback per message): no per-IP limit here.
  app.use('/webhooks', deliveryWebhookRouter(ctx, config));
  app.use(
    '/api',
    rateLimit({
      ...webState.limiterStore('api'),
      windowMs: 60_000,
      limit: config.apiRateLimit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      message: TOO_MANY,
    }),
    apiRouter(ctx, config),
  );

  const sessions = createUserSessions(db, sessionStore, {
    maxAgeMs: SESSION_MAX_AGE_MS,
    maxLifetimeMs: config.sessionMaxLifetimeMs,
  });
  app.use(cookieParser());
  app.use(
    session({
      name: 'bl.sid',
      secret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_MAX_AGE_MS },
      store: sessionStore,
    }),
  );
  const csrf = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => req.session.id,
    cookieName: secure ? '__Host-bl.csrf' : 'bl.csrf',
    cookieOptions: { sameSite: 'lax', secure, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) =>
      typeof req.body?._csrf === 'string' ? req.body._csrf : (req.headers['x-csrf-token'] as string | undefined),
    errorConfig: { statusCode: 403, message: 'invalid csrf token', code: 'EBADCSRFTOKEN' },
  });
  if (deps.codec)
    app.use(
      '/codec',
      codecRouter(ctx, { ...deps.codec, mfaRoles: config.secretKeys.current ? config.mfaRoles : [], sessions }),
    );
  // Counts refused logins only: guessing is what it slows down, and a team logging in after a shift
  // change from one office address must not be locked out by its own successes.
  app.use(
    '/login',
    rateLimit({
      ...webState.limiterStore('login'),
      windowMs: 15 * 60_000,
      limit: 20,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      skip: (req) => req.method === 'GET',
      skipSuccessfulRequests: true,
      requestWasSuccessful: (_req, res) => res.statusCode < 400 && res.locals.loginRefused !== true,
    }),
  );
  // The identity provider is asked for its metadata at the first login, so an outage at start costs nothing.
  const oidc = config.oidc ? createOidcClient(config.oidc) : undefined;
  app.use(uiRouter(ctx, csrf, { mailboxEnabled: deps.mailboxEnabled, config, sessions, oidc }));
  app.use((_req, _res, next) => next(new HttpError(404, 'not found', null)));
  app.use(errorHandler(logger));
  return app;
}
