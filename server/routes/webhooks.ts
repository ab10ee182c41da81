// Alert webhooks. A source configured in BREACHLINE_ALERT_SOURCES, or made on Settings with a
// tool's format or credentials, proves itself its own way (bearer, basic, Sentry's signature, our
// HMAC) and speaks its tool's format; any other source name must carry our timestamped HMAC with a
// secret from BREACHLINE_WEBHOOK_SECRETS or Settings, in the generic or PagerDuty format. Checks
// run on the raw bytes before parsing. A delivery seen in the last ten minutes (by
// what was signed, or by its body for token senders) gets its first answer again,
// and an alert the tool identifies (Alertmanager's fingerprint and start, Sentry's
// event id) counts once however often the tool re-sends it.
//
// The 202 means the alert is committed in the intake buffer; the forwarder delivers it to its
// incident's workflow. When the buffer's backlog is over its depth, or an authenticated source
// sends more than its rate, the answer is 503 with Retry-After and nothing is written: the tools
// retry 5xx answers (Alertmanager does not retry a 429).
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../../app.config';
import { HttpError } from '../errors';
import { parseAlert } from '../webhooks/alert-payload';
import { adapterFor, type SourceOptions } from '../webhooks/adapters';
import { authenticateSource, type AlertSource } from '../webhooks/alert-sources';
import type { AdapterOutcome } from '../webhooks/normalized-alert';
import { SIGNATURE_HEADER, verifySignature } from '../webhooks/signature';
import type { UseCaseContext } from '../use-cases/context';
import { createIntake } from '../use-cases/ingest-alert';
import { sourceCredentials } from '../use-cases/webhook-sources';
import type { WebState } from '../web-state';

/** Seconds a refused sender is asked to wait: about what the forwarder needs to drain a page. */
const RETRY_AFTER_SECONDS = 5;

/** Set on res.locals by a request that proved its source: the per-source limit keys on it. */
const AUTHENTICATED_SOURCE = 'alertSource';

function refuse(res: Response, reason: string) {
  res.set('Retry-After', String(RETRY_AFTER_SECONDS)).status(503).json({ error: reason, field: null, retryable: true });
}

export function webhookRouter(
  ctx: UseCaseContext,
  config: Pick<AppConfig, 'webhookSecrets' | 'secretKeys' | 'alertSources' | 'intake'>,
  limiterStore: WebState['limiterStore'] = () => ({}),
): Router {
  const r = Router();
  const intake = createIntake(ctx.db, { maxBacklog: config.intake.maxBacklog });
  // Requests that fail to prove a source are limited per address (guessing credentials); a proven
  // source has its own limit instead, so one Alertmanager in a storm is not cut off at 600 a minute.
  const perAddressFailures = rateLimit({
    ...limiterStore('webhook-failures'),
    windowMs: 60_000,
    limit: 600,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'too many failed requests from this address', null)),
  });
  const refuseCredentials = async (req: Request, res: Response, err: HttpError): Promise<never> => {
    await new Promise<void>((resolve, reject) =>
      perAddressFailures(req, res, (e?: unknown) => (e ? reject(e as Error) : resolve())),
    );
    throw err;
  };
  const perSource = rateLimit({
    ...limiterStore('webhook-source'),
    windowMs: 60_000,
    limit: config.intake.sourceRatePerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `source:${String(res.locals[AUTHENTICATED_SOURCE])}`,
    handler: (_req, res) => refuse(res, 'this source is over its alert rate; retry later'),
  });
  // Proves the source before anything else reads the body; the limits after it key on what it proved.
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const source = String(req.params.source);
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const now = Math.floor(Date.now() / 1000);
    const env = config.alertSources.get(source);
    const known = env
      ? { candidates: [env] }
      : await sourceCredentials(ctx.db, config.webhookSecrets, config.secretKeys, source);
    if ('candidates' in known) {
      // One candidate per secret that works now (a rotated one for its 24 hours); all are tried, so
      // the time taken does not tell which one matched.
      const checks = known.candidates.map((c) => ({
        source: c,
        check: authenticateSource(c, (h) => req.get(h), body, now),
      }));
      const passed = checks.find((c) => c.check.ok);
      if (!passed || !passed.check.ok) {
        const failed = checks[0]?.check;
        const err =
          failed && !failed.ok
            ? new HttpError(401, failed.reason, failed.field)
            : new HttpError(401, 'missing or wrong credentials', 'authorization');
        return refuseCredentials(req, res, err);
      }
      res.locals.deliveryKey = passed.check.deliveryKey;
      res.locals.toolSource = passed.source;
    } else {
      // An unknown source answers like a bad signature, so sources cannot be enumerated.
      const check =
        known.secrets.length > 0
          ? verifySignature(req.get(SIGNATURE_HEADER), body, known.secrets, now)
          : { ok: false as const, reason: 'signature does not match' };
      if (!check.ok) return refuseCredentials(req, res, new HttpError(401, check.reason, SIGNATURE_HEADER));
      res.locals.deliveryKey = check.replayKey;
    }
    res.locals[AUTHENTICATED_SOURCE] = source;
    next();
  };

  r.post(
    '/alerts/:source',
    express.raw({ type: () => true, limit: '256kb' }),
    authenticate,
    perSource,
    async (req, res) => {
      const source = String(req.params.source);
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const now = Math.floor(Date.now() / 1000);
      const configured = res.locals.toolSource as AlertSource | undefined;
      const deliveryKey = String(res.locals.deliveryKey);

      let payload: unknown;
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        throw new HttpError(400, 'malformed JSON', 'body');
      }
      let parsed: AdapterOutcome;
      if (configured) {
        const options: SourceOptions = {
          groupBy: configured.groupBy,
          mapping: configured.mapping,
          hookResource: req.get('sentry-hook-resource'),
          requestId: req.get('request-id'),
        };
        parsed = adapterFor(configured.format)(payload, options);
      } else {
        const one = parseAlert(payload);
        parsed = one.ok ? { ok: true, alerts: [one.alert] } : one;
      }
      if (!parsed.ok) throw new HttpError(400, parsed.error, parsed.field);
      if (parsed.alerts.length === 0) throw new HttpError(400, 'the payload carries no alert', 'alerts');

      // What makes each alert the same alert when it comes again: the tool's own id for it, else this
      // delivery. A token sender signs nothing, so its body stands for the delivery only within the
      // replay window; a later identical body is a new alert.
      const base = deliveryKey.startsWith('body:') ? `${deliveryKey}@${now}` : deliveryKey;
      const alerts = parsed.alerts.map((alert, i) => ({
        alert,
        key: alert.eventId ? `event:${alert.eventId}` : parsed.alerts.length > 1 ? `${base}#${i}` : base,
      }));
      // The replay window and the backlog are checked in the transaction that would commit the
      // alerts, so two copies of one delivery racing each other still make one answer.
      const result = await intake({ source, alerts, rawBody: body.toString('utf8'), deliveryKey });
      if (result.kind === 'replayed')
        res.status(result.earlier.status).json({ ...result.earlier.body, replayed: true });
      else if (result.kind === 'overloaded') refuse(res, 'the alert intake is over its backlog; retry later');
      else res.status(202).json(result.answer);
    },
  );
  return r;
}
