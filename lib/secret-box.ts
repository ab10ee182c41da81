// Secrets that must be read back (HMAC keys cannot be hashed), sealed with
// AES-256-GCM under a key from the environment. The stored form is
// v1.<iv>.<tag>.<ciphertext>, base64url; the purpose is bound as associated
// data so a sealed value cannot be moved to another column and still open.
// Keys rotate: new values are sealed with the current key, and earlier keys
// still open what they sealed until `npm run secrets:reseal` moves it over.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export function seal(key: Buffer, plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(
    '.',
  );
}

/** The plaintext, or null when the key is wrong or the value was tampered with. */
export function open(key: Buffer, sealed: string, purpose: string): string | null {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The current key seals; it and the previous ones open. */
export interface Keyring {
  current: Buffer | undefined;
  previous: readonly Buffer[];
}

/** The plaintext under whichever key of the ring sealed it, or null. */
export function openAny(ring: Keyring, sealed: string, purpose: string): string | null {
  for (const key of ring.current ? [ring.current, ...ring.previous] : ring.previous) {
    const plain = open(key, sealed, purpose);
    if (plain !== null) return plain;
  }
  return null;
}
