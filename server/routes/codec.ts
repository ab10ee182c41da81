// The codec endpoint of the Temporal Web UI ("remote codec"): the UI posts the encrypted payloads of
// a history it shows and gets them back opened, so an admin sees workflow inputs and results while
// Temporal itself, and anyone else using its UI, sees ciphertext. Admins only, by session (the UI's
// "include cross-origin credentials") or API token; CORS only for the UI's origins. Decoding only:
// no encode route, so nothing can be sealed into a history through here.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, type PayloadKey } from '../../lib/payload-codec';
import { allow, bearerAuth, requireSecondFactorFor, sessionAuth } from '../auth';
import { HttpError } from '../errors';
import { parse } from '../schemas';
import type { UseCaseContext } from '../use-cases/context';
import type { UserSessions } from '../use-cases/sessions';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const bodySchema = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), base64).default({}), data: base64.optional() }))
    .max(10_000, 'at most 10,000 payloads'),
});

const fromWire = (p: z.infer<typeof bodySchema>['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toWire = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

export function codecRouter(
  ctx: Pick<UseCaseContext, 'db'>,
  opts: {
    keys: readonly PayloadKey[];
    origins: readonly string[];
    mfaRoles: readonly string[];
    sessions: UserSessions;
  },
): Router {
  const r = Router();
  const codec = new AesGcmPayloadCodec(opts.keys);
  const allowed = new Set(opts.origins);
  const cors = (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin && allowed.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Credentials', 'true');
      res.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.set('Access-Control-Allow-Headers', 'content-type, x-namespace, authorization');
      res.set('Access-Control-Max-Age', '600');
    }
    next();
  };
  const bySessionOrToken = (req: Request, res: Response, next: NextFunction) =>
    req.get('authorization') ? bearerAuth(ctx.db)(req, res, next) : sessionAuth(ctx.db, opts.sessions)(req, res, next);

  r.options('/decode', cors, (_req, res) => {
    res.status(204).end();
  });
  r.post(
    '/decode',
    cors,
    bySessionOrToken,
    requireSecondFactorFor(opts.mfaRoles),
    allow('payloads.decode'),
    express.json({ limit: '4mb' }),
    async (req, res) => {
      const { payloads } = parse(bodySchema, req.body);
      let opened: Payload[];
      try {
        opened = await codec.decode(payloads.map(fromWire));
      } catch (err) {
        throw new HttpError(400, `cannot open a payload: ${(err as Error).message}`, 'payloads');
      }
      res.json({ payloads: opened.map(toWire) });
    },
  );
  return r;
}
