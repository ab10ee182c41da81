// Encryption of every payload Breachline hands to Temporal: workflow inputs, results, signals,
// updates, queries, activity arguments, and (with the failure converter in failure-converter.ts)
// failure messages and stack traces. Temporal's history and its Web UI then hold ciphertext; only
// processes with the key (the worker, the web server, the forwarder, scripts) read it.
//
// AES-256-GCM over the whole serialised payload (metadata included, so even the encoding name is
// hidden), a fresh 96-bit nonce per payload, and the key id in the clear metadata so a rotated key
// still opens what it sealed. A payload without our encoding passes through on decode: histories
// recorded before encryption, and the recorded replay histories, still load.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const ENCODING_KEY = 'encoding';
const KEY_ID_KEY = 'encryption-key-id';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  /** Derived from the key, so the same key has the same id in every process without coordination. */
  id: string;
  key: Buffer;
}

export function payloadKey(key: Buffer): PayloadKey {
  if (key.length !== 32) throw new Error('a payload key is 32 bytes');
  return { id: createHash('sha256').update('breachline-payload-key').update(key).digest('hex').slice(0, 16), key };
}

const text = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  /** `keys[0]` seals; every key opens what it sealed (the previous ones during a rotation). */
  constructor(private readonly keys: readonly PayloadKey[]) {
    if (keys.length === 0) throw new Error('the payload codec needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0]!;
    return payloads.map((payload) => {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      // The key id is bound to the ciphertext, so a payload cannot be relabelled to another key.
      cipher.setAAD(Buffer.from(id));
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { [ENCODING_KEY]: text(ENCRYPTED_ENCODING), [KEY_ID_KEY]: text(id) }, data: sealed };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (read(payload.metadata?.[ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const id = read(payload.metadata?.[KEY_ID_KEY]) ?? '';
      const key = this.byId.get(id);
      if (!key)
        throw new Error(
          `payload sealed with key ${id}, which is neither BREACHLINE_PAYLOAD_KEY nor in BREACHLINE_PAYLOAD_KEY_PREVIOUS`,
        );
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < NONCE_BYTES + TAG_BYTES) throw new Error('encrypted payload too short');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
