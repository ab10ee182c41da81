// A 32-byte key the app makes for itself in the data directory when the environment gives none:
// made once, readable by its owner only, and shared by every process of the installation (the
// first to start writes it aside and links it into place, so a reader never sees half a key).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The key in `file` (base64), or null when there is none. Throws naming the file when it is not 32 bytes. */
export function readKeyFile(file: string): Buffer | null {
  if (!fs.existsSync(file)) return null;
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file}: not a 32-byte base64 key`);
  return key;
}

/** The key in `dataDir/name`, made first if missing. */
export function keyFile(dataDir: string, name: string): { key: Buffer; file: string } {
  const file = path.join(dataDir, name);
  const existing = readKeyFile(file);
  if (existing) return { key: existing, file };
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { key: readKeyFile(file)!, file };
}
