// Signed alert webhooks. The signature is checked on the raw bytes before
// parsing; a signature seen in the last ten minutes gets the first answer again
// and is not counted twice.
import express, { Router } from 'express';
import type { AppConfig } from '../../app.config';
import { HttpError } from '../errors';
import { parseAlert } from '../webhooks/alert-payload';
import { SIGNATURE_HEADER, verifySignature } from '../webhooks/signature';
import type { UseCaseContext } from '../use-cases/context';
import { ingestAlert } from '../use-cases/ingest-alert';
import { secretsFor } from '../use-cases/webhook-sources';
import { earlierAnswer, rememberAnswer } from '../use-cases/webhook-replay';

export function webhookRouter(ctx: UseCaseContext, config: Pick<AppConfig, 'webhookSecrets' | 'secretKeys'>): Router {
  const r = Router();
  r.post('/alerts/:source', express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
    const source = String(req.params.source);
    const secrets = await secretsFor(ctx.db, config.webhookSecrets, config.secretKeys, source);
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const header = req.get(SIGNATURE_HEADER);
    // An unknown source answers like a bad signature, so sources cannot be enumerated.
    const check =
      secrets.length > 0
        ? verifySignature(header, body, secrets, Math.floor(Date.now() / 1000))
        : { ok: false as const, reason: 'signature does not match' };
    if (!check.ok) throw new HttpError(401, check.reason, SIGNATURE_HEADER);

    const seen = await earlierAnswer(ctx.db, header!);
    if (seen) {
      res.status(seen.status).json({ ...seen.body, replayed: true });
      return;
    }

    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'malformed JSON', 'body');
    }
    const parsed = parseAlert(payload);
    if (!parsed.ok) throw new HttpError(400, parsed.error, parsed.field);
    const outcome = await ingestAlert(ctx, source, parsed.alert, body.toString('utf8'), header!);
    await rememberAnswer(ctx.db, { signature: header!, source, status: 202, body: outcome });
    res.status(202).json(outcome);
  });
  return r;
}
