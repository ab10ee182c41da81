// `npm run subjects:import` as an operator runs it beside a running Breachline: the
// people land in SQLite, the incident workflow hears of the import through the
// same update as the API's, a second run adds nobody, every rejected row is in
// the rejected-rows file without the person's data, and bad input exits 2.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsxNodeFlags } from '../../bin/supervise';
import { REPO_ROOT } from '../../bin/temporal-cli';
import {
  createTestUser,
  eventually,
  incidentBody,
  logInForm,
  openAndConfirm,
  startHarness,
  type Harness,
} from '../support/app-harness';
import { testTemporalAddress } from '../support/temporal-env';

const run = promisify(execFile);
let h: Harness;
let files: string;

beforeAll(async () => {
  h = await startHarness();
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-subjects-cli-'));
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(files, { recursive: true, force: true });
});

const cliEnv = (extraEnv: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...h.env,
  TEMPORAL_ADDRESS: testTemporalAddress(),
  TEMPORAL_NAMESPACE: 'default',
  BREACHLINE_LOG_LEVEL: 'silent',
  ...extraEnv,
});

async function subjectsImport(args: string[], extraEnv: Record<string, string> = {}) {
  const env = cliEnv(extraEnv);
  try {
    const r = await run(process.execPath, [...tsxNodeFlags(), 'bin/subjects-import.ts', ...args], {
      cwd: REPO_ROOT,
      env,
      timeout: 60_000,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const CSV = [
  'name,email,phone,jurisdiction,locale',
  'Ada Cli-Person,ada.cli@example.org,,DE,de',
  'Bob Cli-Person,,+49 30 1234567,DE,',
  'Cy Cli-Person,cy.cli@@example.org,,DE,en',
  'Di Cli-Person,di.cli@example.org,+1 415 555 0100,US-CA,en-US',
  'Ed Cli-Person,ed.cli@example.org,,XX,en',
].join('\n');

describe('npm run subjects:import', () => {
  it('imports people, tells the workflow, writes the rejected rows, and adds nobody the second time', async () => {
    const id = await openAndConfirm(h);
    const file = path.join(files, 'people.csv');
    fs.writeFileSync(file, `${CSV}\n`);

    const first = await subjectsImport([id, file]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(
      /Imported 3 people into \S+ \(0 duplicates, 2 rejected\) in [\d.]+ s, [\d,]+ rows\/s; import imp_\w+, stage assessment\./,
    );
    const rejectedPath = path.join(files, 'people.rejected.csv');
    expect(first.out).toContain(`Rejected rows (row,field,error): ${rejectedPath}`);
    expect(first.out).not.toMatch(/Cli-Person|example\.org|\+49/);
    expect(fs.readFileSync(rejectedPath, 'utf8')).toBe(
      'row,field,error\n3,email,invalid email address\n5,jurisdiction,unknown jurisdiction\n',
    );

    const view = await eventually(
      () => h.api('GET', `/api/incidents/${id}`),
      (r) => r.body.counts.subjects.total === 3,
    );
    expect(view.body.counts.subjects).toMatchObject({ total: 3, withEmail: 2, withPhone: 2 });
    const operator = `system:cli:${os.userInfo().username}`;
    expect(view.body.timeline.filter((e: { type: string }) => e.type === 'subjects.imported')).toEqual([
      expect.objectContaining({
        actor: `command line (${os.userInfo().username})`,
        actorId: operator,
        summary: 'Imported 3 people (2 rejected)',
      }),
    ]);
    const record = await h.db.get<{ created_by: string; imported: number; rejected: number }>(
      'SELECT created_by, imported, rejected FROM subject_imports WHERE incident_id = ?',
      [id],
    );
    expect(record).toEqual({ created_by: `cli:${os.userInfo().username}`, imported: 3, rejected: 2 });

    const again = await subjectsImport([id, file, '--rejected', path.join(files, 'again.csv')]);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('Imported 0 people');
    expect(again.out).toContain('(3 duplicates, 2 rejected)');
    expect(fs.readFileSync(path.join(files, 'again.csv'), 'utf8')).toContain('5,jurisdiction,unknown jurisdiction');
    expect((await h.db.get<{ n: number }>('SELECT count(*) AS n FROM subjects WHERE incident_id = ?', [id]))!.n).toBe(
      3,
    );
    await eventually(
      () => h.api('GET', `/api/incidents/${id}`),
      (r) => r.body.timeline.filter((e: { type: string }) => e.type === 'subjects.imported').length === 2,
    );
  });

  it('exits 1 when the workflow cannot be told, keeping the people and the rejected rows, and a rerun tells it', async () => {
    const id = await openAndConfirm(h);
    const file = path.join(files, 'no-worker.csv');
    fs.writeFileSync(file, `${CSV}\n`);
    await h.stopWorker();
    let failed: Awaited<ReturnType<typeof subjectsImport>>;
    try {
      failed = await subjectsImport([id, file], { BREACHLINE_UPDATE_TIMEOUT_MS: '1500' });
    } finally {
      await h.startWorker();
    }
    expect(failed.code, failed.out).toBe(1);
    expect(failed.out).toContain('the people were stored');
    expect(failed.out).toContain('no worker confirmed it in time');
    expect(fs.readFileSync(path.join(files, 'no-worker.rejected.csv'), 'utf8')).toContain(
      '3,email,invalid email address',
    );
    expect((await h.db.get<{ n: number }>('SELECT count(*) AS n FROM subjects WHERE incident_id = ?', [id]))!.n).toBe(
      3,
    );

    const rerun = await subjectsImport([id, file]);
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toContain('Imported 0 people');
    await eventually(
      () => h.api('GET', `/api/incidents/${id}`),
      (r) => r.body.counts.subjects.total === 3,
    );
  });

  it('leaves an import killed while storing people marked as stopped, and importing the same file again completes it', async () => {
    const id = await openAndConfirm(h);
    const file = path.join(files, 'big.csv');
    const PEOPLE = 200_000;
    const lines = ['name,email,phone,jurisdiction,locale'];
    for (let i = 0; i < PEOPLE; i++) lines.push(`Big ${i},big${i}@example.org,,DE,de`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);

    const child = spawn(process.execPath, [...tsxNodeFlags(), 'bin/subjects-import.ts', id, file], {
      cwd: REPO_ROOT,
      env: cliEnv(),
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // The record appears when the people start moving into subjects: kill the CLI right then.
    // (Polled every 10 ms: merging 200,000 people takes about a second here.)
    const giveUpAt = Date.now() + 60_000;
    let started: { id: string; finished_at: string | null } | undefined;
    while (!started && Date.now() < giveUpAt) {
      started = await h.db.get<{ id: string; finished_at: string | null }>(
        'SELECT id, finished_at FROM subject_imports WHERE incident_id = ?',
        [id],
      );
      if (!started) await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    expect(started!.finished_at).toBeNull();
    // Usually part of the people are in by now; the record says the import did not finish either way.
    const stored = async () =>
      (await h.db.get<{ n: number }>('SELECT count(*) AS n FROM subjects WHERE incident_id = ?', [id]))!.n;

    const fresh = await h.api('GET', `/api/incidents/${id}`);
    expect(fresh.body.unfinishedImports).toEqual([expect.objectContaining({ importId: started!.id, stopped: false })]);
    // Minutes later with no progress, the page calls it stopped and says what to do.
    await h.db.run('UPDATE subject_imports SET progress_at = ? WHERE id = ?', [
      new Date(Date.now() - 10 * 60_000).toISOString(),
      started!.id,
    ]);
    const stale = await h.api('GET', `/api/incidents/${id}`);
    expect(stale.body.unfinishedImports).toEqual([expect.objectContaining({ importId: started!.id, stopped: true })]);
    const admin = await createTestUser(h, { email: 'import.watcher@example.org', role: 'viewer' });
    const page = await (await logInForm(h, admin.email, admin.password)).get(`/incidents/${id}`);
    expect(page.html).toContain('An import stopped partway');
    expect(page.html).toContain('Import the same file again');

    const rerun = await subjectsImport([id, file]);
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toContain('This completes 1 earlier import(s) of the same file that stopped partway.');
    expect(await stored()).toBe(PEOPLE);
    const first = await h.db.get<{ finished_at: string | null; completed_by: string | null }>(
      'SELECT finished_at, completed_by FROM subject_imports WHERE id = ?',
      [started!.id],
    );
    expect(first!.finished_at).not.toBeNull();
    expect(first!.completed_by).toMatch(/^imp_/);
    const after = await eventually(
      () => h.api('GET', `/api/incidents/${id}`),
      (r) => r.body.counts.subjects.total === PEOPLE,
    );
    expect(after.body.unfinishedImports).toEqual([]);
    expect((await (await logInForm(h, admin.email, admin.password)).get(`/incidents/${id}`)).html).not.toContain(
      'An import stopped partway',
    );
  }, 120_000);

  it('exits 2 naming the problem: missing arguments, a missing file, an unknown or dismissed incident, a malformed file', async () => {
    const file = path.join(files, 'ok.csv');
    fs.writeFileSync(file, `${CSV}\n`);

    const none = await subjectsImport([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain('incident: required');
    expect(none.out).toContain('usage: npm run subjects:import');

    const noFile = await subjectsImport(['01JNOSUCHINCIDENT000000000']);
    expect(noFile.code).toBe(2);
    expect(noFile.out).toContain('file: required');

    const missing = await subjectsImport(['01JNOSUCHINCIDENT000000000', path.join(files, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('file: cannot read');
    expect(missing.out).toContain('ENOENT');

    const unknownFlag = await subjectsImport(['--dry-run', '01JNOSUCHINCIDENT000000000', file]);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.out).toContain('--dry-run');

    const unknown = await subjectsImport(['01JNOSUCHINCIDENT000000000', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('incident: 01JNOSUCHINCIDENT000000000 not found');

    const created = await h.api('POST', '/api/incidents', incidentBody());
    const dismissed = created.body.id as string;
    await h.api('POST', `/api/incidents/${dismissed}/triage`, {
      decision: 'dismiss',
      reason: 'A drill; no data left the company',
    });
    await eventually(
      () => h.db.get<{ status: string }>('SELECT status FROM incidents WHERE id = ?', [dismissed]),
      (r) => r?.status !== 'open',
    );
    const closed = await subjectsImport([dismissed, file]);
    expect(closed.code).toBe(2);
    expect(closed.out).toMatch(/incident: \S+ is \w+, not open/);

    const id = await openAndConfirm(h);
    const broken = path.join(files, 'broken.csv');
    fs.writeFileSync(broken, `${CSV}\nSecret Person x"y,secret@example.org,,DE,en\n`);
    const malformed = await subjectsImport([id, broken]);
    expect(malformed.code, malformed.out).toBe(2);
    expect(malformed.out).toMatch(/^csv: malformed CSV: .*line 7.*; nobody was imported$/m);
    expect(malformed.out).not.toContain('Secret');
    expect(fs.existsSync(path.join(files, 'broken.rejected.csv'))).toBe(false);
    expect((await h.db.get<{ n: number }>('SELECT count(*) AS n FROM subjects WHERE incident_id = ?', [id]))!.n).toBe(
      0,
    );
  });
});
