// The payload codec that keeps Temporal's history ciphertext: what it seals only its keys open, a
// rotated key still opens what it sealed, a tampered or relabelled payload is refused, and payloads
// from before encryption pass through. The key made in the data directory is made once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, payloadKey } from '../../lib/payload-codec';
import { loadPayloadKeys } from '../../temporal.config';

const quiet = { warn: () => undefined };
const json = (v: unknown) => defaultPayloadConverter.toPayload(v);
const encoding = (p: { metadata?: Record<string, Uint8Array> | null }) =>
  Buffer.from(p.metadata!.encoding!).toString('utf8');

describe('AesGcmPayloadCodec', () => {
  const oldKey = payloadKey(randomBytes(32));
  const newKey = payloadKey(randomBytes(32));

  it('seals each payload whole and opens it again', async () => {
    const codec = new AesGcmPayloadCodec([newKey]);
    const value = { incidentId: 'INC1', reason: 'Datenschutz' };
    const [sealed] = await codec.encode([json(value)]);
    expect(encoding(sealed!)).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('INC1');
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('json/plain');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(value);
    // A fresh nonce each time: the same value never seals to the same bytes.
    const [again] = await codec.encode([json(value)]);
    expect(Buffer.from(again!.data!).equals(Buffer.from(sealed!.data!))).toBe(false);
  });

  it('opens with a previous key after rotation, and refuses a key it does not hold', async () => {
    const [sealedOld] = await new AesGcmPayloadCodec([oldKey]).encode([json('before rotation')]);
    const rotated = new AesGcmPayloadCodec([newKey, oldKey]);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([sealedOld!]))[0]!)).toBe('before rotation');
    const [sealedNew] = await rotated.encode([json('after')]);
    expect(Buffer.from(sealedNew!.metadata!['encryption-key-id']!).toString()).toBe(newKey.id);
    await expect(new AesGcmPayloadCodec([newKey]).decode([sealedOld!])).rejects.toThrow(
      /BREACHLINE_PAYLOAD_KEY_PREVIOUS/,
    );
  });

  it('refuses a tampered payload and one relabelled with another key id', async () => {
    const codec = new AesGcmPayloadCodec([newKey, oldKey]);
    const [sealed] = await codec.encode([json({ a: 1 })]);
    const flipped = Buffer.from(sealed!.data!);
    flipped[20] ^= 1;
    await expect(codec.decode([{ ...sealed!, data: flipped }])).rejects.toThrow();
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, 'encryption-key-id': Buffer.from(oldKey.id) } };
    await expect(codec.decode([relabelled])).rejects.toThrow();
  });

  it('passes payloads from before encryption through unopened', async () => {
    const plain = json({ recorded: 'before encryption' });
    expect(await new AesGcmPayloadCodec([newKey]).decode([plain])).toEqual([plain]);
  });
});

describe('loadPayloadKeys', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-keys-'));

  it('makes one key in the data directory, readable by its owner only, and warns', () => {
    const dataDir = dir();
    const warnings: string[] = [];
    const first = loadPayloadKeys({}, dataDir, { warn: (_o, msg) => warnings.push(msg) });
    const second = loadPayloadKeys({}, dataDir, quiet);
    expect(second.map((k) => k.id)).toEqual(first.map((k) => k.id));
    expect(fs.statSync(path.join(dataDir, 'payload.key')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual(['payload.key']);
    expect(warnings[0]).toMatch(/BREACHLINE_PAYLOAD_KEY is not set/);
  });

  it('seals with BREACHLINE_PAYLOAD_KEY and still opens with the previous keys and a key file left from before', () => {
    const dataDir = dir();
    const [generated] = loadPayloadKeys({}, dataDir, quiet);
    const current = randomBytes(32);
    const previous = randomBytes(32);
    const keys = loadPayloadKeys(
      {
        BREACHLINE_PAYLOAD_KEY: current.toString('base64'),
        BREACHLINE_PAYLOAD_KEY_PREVIOUS: previous.toString('base64'),
      },
      dataDir,
      quiet,
    );
    expect(keys.map((k) => k.id)).toEqual([payloadKey(current).id, payloadKey(previous).id, generated!.id]);
  });

  it('names the variable holding a key that is not 32 bytes of base64', () => {
    expect(() => loadPayloadKeys({ BREACHLINE_PAYLOAD_KEY: 'c2hvcnQ=' }, dir(), quiet)).toThrow(
      expect.objectContaining({ variable: 'BREACHLINE_PAYLOAD_KEY' }),
    );
  });
});
