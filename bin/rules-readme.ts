// Rewrites the US states table of rules/README.md from the state entries.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withStateTable } from '../rules/state-coverage';

const path = join(__dirname, '..', 'rules', 'README.md');
writeFileSync(path, withStateTable(readFileSync(path, 'utf8')));
console.log(`rewrote the state table of ${path}`);
