// X-Breachline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">.
// Checked on the raw bytes before parsing, in constant time, against every
// secret of the source (rotation), with a five-minute tolerance.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-breachline-signature';
export const TOLERANCE_SECONDS = 300;

export type SignatureCheck =
  /**
   * `replayKey` names the signed content (the timestamp and the MAC that matched), so reordering,
   * repeating or re-spacing the header's parts is still the same delivery.
   */
  { ok: true; timestamp: number; replayKey: string } | { ok: false; reason: string };

export function signPayload(secret: string, body: Buffer | string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export function verifySignature(
  header: string | undefined,
  body: Buffer,
  secrets: string[],
  nowSeconds: number,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing X-Breachline-Signature' };
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d{1,12}$/.test(v)) timestamp = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/i.test(v)) candidates.push(v.toLowerCase());
  }
  if (timestamp === null || candidates.length === 0) return { ok: false, reason: 'malformed signature header' };
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS)
    return { ok: false, reason: 'timestamp outside the 300-second tolerance' };
  for (const secret of secrets) {
    const expected = Buffer.from(
      createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex'),
      'utf8',
    );
    for (const c of candidates) {
      if (timingSafeEqual(expected, Buffer.from(c, 'utf8')))
        return { ok: true, timestamp, replayKey: `hmac:${timestamp}:${c}` };
    }
  }
  return { ok: false, reason: 'signature does not match' };
}
