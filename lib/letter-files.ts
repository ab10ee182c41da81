// Where an incident's letter batches (print-ready PDFs and their manifests, which name people and
// their postal addresses) are written, and their removal when contact data is purged.
import fs from 'node:fs';
import path from 'node:path';

export const letterDir = (dataDir: string, incidentId: string) => path.join(dataDir, 'letters', incidentId);

/** Deletes the incident's letter files; returns how many there were. The batch records stay. */
export function removeLetterFiles(dataDir: string, incidentId: string): number {
  const dir = letterDir(dataDir, incidentId);
  if (!fs.existsSync(dir)) return 0;
  const n = fs.readdirSync(dir).length;
  fs.rmSync(dir, { recursive: true, force: true });
  return n;
}
