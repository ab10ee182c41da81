// Contact data sealed at rest: each incident has its own data key, sealed by the installation's
// master key (BREACHLINE_SECRETS_KEY, or a key made in the data directory), and people's names,
// emails, phones and postal addresses are stored as `c1.<sealed>` under it. Values stored before
// sealing existed (plain text) are read as they are. The master key is set once per process at start
// (useContactMasterKeys); without it, values are written in clear, as before, and sealed ones
// cannot be read (an error says why).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { keyFile, readKeyFile } from '../lib/key-file';
import { openAny, seal, type Keyring } from '../lib/secret-box';
import type { Db, Tx } from './connection';

const PREFIX = 'c1.';
const CONTACT_KEY_FILE = 'contacts.key';
const NONCE = 12;
const TAG = 16;
/** The columns that hold contact data, as they come out of queries (aliases included). */
export const CONTACT_FIELDS = ['name', 'email', 'phone', 'postal_address', 'recipient', 'address'] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

let master: Keyring | null = null;
const dataKeys = new Map<string, Buffer>();

/** Called once at process start; null turns sealing off (tests of code that predates it). */
export function useContactMasterKeys(ring: Keyring | null): void {
  master = ring;
  dataKeys.clear();
}

export const contactSealingOn = () => master !== null && master.current !== undefined;

const purpose = (incidentId: string) => `incident-contact-key:${incidentId}`;

async function loadKey(db: Db | Tx, incidentId: string): Promise<Buffer | null> {
  const cached = dataKeys.get(incidentId);
  if (cached) return cached;
  const row = await db.get<{ key_sealed: string }>('SELECT key_sealed FROM incident_keys WHERE incident_id = ?', [
    incidentId,
  ]);
  if (!row) return null;
  if (!master)
    throw new Error(
      'contact data is sealed, and this process has no master key (BREACHLINE_SECRETS_KEY or contacts.key)',
    );
  const opened = openAny(master, row.key_sealed, purpose(incidentId));
  if (opened === null) throw new Error(`the key of incident ${incidentId} does not open with the master key in use`);
  const key = Buffer.from(opened, 'base64');
  dataKeys.set(incidentId, key);
  return key;
}

export interface IncidentKey {
  key: Buffer;
  /** Identity keys of this incident's people are HMACs under `key` (made before its first person was stored). */
  identityKeyed: boolean;
}

/** The incident's data key, made on first use (one statement, so two processes agree on one key). */
export async function ensureIncidentKey(db: Db, incidentId: string): Promise<IncidentKey | null> {
  if (!contactSealingOn()) return null;
  await db.run(
    `INSERT INTO incident_keys (incident_id, key_sealed, created_at, identity_keyed)
     SELECT ?, ?, ?, CAST(NOT EXISTS (SELECT 1 FROM subjects WHERE incident_id = ?) AS INTEGER) ON CONFLICT DO NOTHING`,
    [
      incidentId,
      seal(master!.current!, randomBytes(32).toString('base64'), purpose(incidentId)),
      new Date().toISOString(),
      incidentId,
    ],
  );
  const key = await loadKey(db, incidentId);
  const row = await db.get<{ identity_keyed: number }>(
    'SELECT identity_keyed FROM incident_keys WHERE incident_id = ?',
    [incidentId],
  );
  return key && row ? { key, identityKeyed: row.identity_keyed === 1 } : null;
}

/** What is stored as a person's identity key: keyed where the incident's key says so. */
export function storedIdentityKey(incidentKey: IncidentKey | null, unkeyed: string): string {
  if (!incidentKey?.identityKeyed) return unkeyed;
  return createHmac('sha256', incidentKey.key).update(`identity:${unkeyed}`).digest('hex').slice(0, 32);
}

/** Crypto-shredding: with the key gone, any copy of the sealed values stays unreadable. */
export async function destroyIncidentKeyTx(tx: Tx, incidentId: string): Promise<void> {
  await tx.run('DELETE FROM incident_keys WHERE incident_id = ?', [incidentId]);
  dataKeys.delete(incidentId);
}

/** A value sealed for this incident and column; null and empty stay as they are (queries test them). */
export function sealContact(key: Buffer | null, incidentId: string, field: string, value: string | null | undefined) {
  if (value === null || value === undefined || value === '' || !key) return value ?? null;
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(`${incidentId}:${field}`));
  return (
    PREFIX +
    Buffer.concat([nonce, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64')
  );
}

function openValue(key: Buffer | null, incidentId: string, field: string, value: string): string {
  if (!value.startsWith(PREFIX)) return value;
  if (!key) throw new Error(`contact data of incident ${incidentId} is sealed and its key is gone or not readable`);
  const data = Buffer.from(value.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE));
  decipher.setAAD(Buffer.from(`${incidentId}:${field}`));
  decipher.setAuthTag(data.subarray(data.length - TAG));
  return Buffer.concat([decipher.update(data.subarray(NONCE, data.length - TAG)), decipher.final()]).toString('utf8');
}

/**
 * Opens the contact fields of rows read for one incident, in place. A query aliasing a contact
 * column (`recipient`, `address`) names the column it came from in `aliases`, since the seal is bound
 * to the column.
 */
export async function openContacts<T extends object>(
  db: Db | Tx,
  incidentId: string,
  rows: T[],
  aliases: Partial<Record<ContactField, (row: T) => string>> = {},
): Promise<T[]> {
  if (rows.length === 0) return rows;
  const sealed = rows.some((row) =>
    CONTACT_FIELDS.some((f) => {
      const v = (row as Record<string, unknown>)[f];
      return typeof v === 'string' && v.startsWith(PREFIX);
    }),
  );
  if (!sealed) return rows;
  const key = await loadKey(db, incidentId);
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (const f of CONTACT_FIELDS) {
      const v = r[f];
      if (typeof v === 'string') r[f] = openValue(key, incidentId, aliases[f]?.(row) ?? f, v);
    }
  }
  return rows;
}

/**
 * The master keys for this installation: BREACHLINE_SECRETS_KEY (and its previous keys) when set,
 * else a key made once in the data directory (contacts.key), with a warning; a contacts.key left from
 * before BREACHLINE_SECRETS_KEY was set still opens the incident keys it sealed.
 */
export function contactMasterKeys(
  secretKeys: Keyring,
  dataDir: string,
  logger: { warn: (obj: object, msg: string) => void },
): Keyring {
  const file = path.join(dataDir, CONTACT_KEY_FILE);
  if (secretKeys.current) {
    const old = readKeyFile(file);
    return { current: secretKeys.current, previous: [...secretKeys.previous, ...(old ? [old] : [])] };
  }
  const made = keyFile(dataDir, CONTACT_KEY_FILE);
  logger.warn(
    { file: made.file },
    'BREACHLINE_SECRETS_KEY is not set: people’s contact data is sealed with a key kept in this file; back it up with the data directory (without it, contact data cannot be read) or set BREACHLINE_SECRETS_KEY',
  );
  return { current: made.key, previous: secretKeys.previous };
}
