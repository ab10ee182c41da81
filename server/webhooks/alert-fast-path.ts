// POST /webhooks/alerts/:source served without Express's router. In a storm the web process
// answers thousands of these a second, and a profile of bench:ingest put Express's app and router
// dispatch and body-parser at about a fifth of its CPU, all of it matching a path and reading a
// body that this route always reads the same way. A plain request with its length declared is
// served here by the route's own handlers (the same instances, so the same limits, groups and
// answers); anything else (another path or method, a compressed or chunked body, a body over the
// limit) goes through Express as before, which answers the 413s and 415s.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from '../errors';

/** Express's match for `/webhooks` + `/alerts/:source`: any case, an optional trailing slash and query. */
const ALERT_PATH = /^\/webhooks\/alerts\/([^/?#]+)\/?(?:\?.*)?$/i;

export interface AlertFastPath {
  /** Run before everything else for these requests (the app's `no-store`). */
  before: RequestHandler[];
  /** The route's handlers after its body parser (see AlertWebhook.afterBody). */
  afterBody: RequestHandler[];
  /** ALERT_BODY_LIMIT: larger bodies go through Express, which refuses them. */
  limit: number;
  /** The app's error handler, which answers what a handler throws exactly as it would behind Express. */
  onError: ErrorRequestHandler;
}

/** Makes `app` serve the alert webhook's plain requests itself; every other request is Express's as before. */
export function serveAlertsBeforeRouter(app: Express, fast: AlertFastPath): void {
  // Express's own entry (app(req, res) calls it), left out of its published types.
  const withHandle = app as Express & { handle: Handle };
  const handle = withHandle.handle.bind(app);
  const chain = [...fast.before, ...fast.afterBody];
  withHandle.handle = (req, res, next) => {
    const source = next ? undefined : plainAlertPost(req, fast.limit);
    if (source === undefined) return handle(req, res, next);
    // What app.handle sets up before its router: Express's request and response methods (res.json,
    // req.get, req.ip with 'trust proxy') and res.locals.
    const request = req as Request;
    const response = res as unknown as Response;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    request.res = response;
    response.req = request;
    if (!response.locals) response.locals = Object.create(null) as Response['locals'];
    request.params = { source };
    request.originalUrl = req.url ?? '';
    request.baseUrl = '/webhooks';
    const fail = (err: unknown) => fast.onError(err, request, response, () => undefined);
    readBody(req).then((body) => {
      request.body = body;
      runChain(chain, request, response, fail);
    }, fail);
  };
}

type Handle = (req: IncomingMessage, res: ServerResponse, next?: NextFunction) => void;

/** The decoded source name of a POST this path serves, else undefined (Express serves it). */
function plainAlertPost(req: IncomingMessage, limit: number): string | undefined {
  if (req.method !== 'POST') return undefined;
  const m = ALERT_PATH.exec(req.url ?? '');
  if (!m) return undefined;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return undefined;
  if (req.headers['transfer-encoding'] !== undefined) return undefined;
  const length = req.headers['content-length'];
  if (length === undefined || !/^\d+$/.test(length) || Number(length) > limit) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}

/** The body as raw-body reads it; Node's parser holds it to the declared length. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () =>
      // raw-body's error for it, which the error handler answers 400.
      reject(Object.assign(new HttpError(400, 'request body aborted', null), { type: 'request.aborted' })),
    );
  });
}

/** Calls each handler as Express 5's router would: next(err) or a rejected promise ends in `fail`. */
function runChain(chain: RequestHandler[], req: Request, res: Response, fail: (err: unknown) => void): void {
  let i = 0;
  const next: NextFunction = (err?: unknown) => {
    if (err !== undefined && err !== null && err !== 'route' && err !== 'router') return fail(err);
    const handler = chain[i++];
    // The last handler always answers; one that passes on would have reached Express's 404.
    if (!handler || err) return fail(new HttpError(404, 'not found', null));
    try {
      const ret: unknown = handler(req, res, next);
      if (ret instanceof Promise) ret.then(undefined, (e: unknown) => next(e ?? new Error('Rejected promise')));
    } catch (e) {
      next(e);
    }
  };
  next();
}
