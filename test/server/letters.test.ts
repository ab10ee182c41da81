// Letters (issue 14): people whose legal notice the channels used do not meet, where their law counts a letter,
// get the approved notice printed: PDF batches with a manifest, never two letters for one person and version,
// their written notice met from the day the batch is recorded as mailed; people with no postal address count
// towards the substitute notice. Real SQLite, real pdfkit output read back.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { createComputeObligations } from '../../activities/compute-obligations';
import { legalNoticeStatusOf } from '../../server/use-cases/legal-notice-status';
import { lettersOf, prepareLetters, recordLettersMailed } from '../../server/use-cases/letters';
import { csvRows, storeSubjects } from '../../server/use-cases/import-subjects';
import { saveCompleteOrgProfile } from '../support/org-profile';
import { openFixtureDb } from '../support/fan-out-fixture';
import { insertTestOutboxRow, insertTestSubject } from '../support/subject-rows';
import { insertTestIncident } from '../support/incident-row';
import type { Actor } from '../../workflows/types';
import { ConfigError, loadAppConfig } from '../../app.config';

const ACTOR: Actor = { kind: 'user', id: 'usr_approver' };
const VERSION = 'v-letters-1';
const STANDARD = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
let db: Db;
let dir: string;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('letters'));
  await saveCompleteOrgProfile(db, {
    legalName: 'Acme Health Inc.',
    mainEstablishment: 'US',
    postalAddress: '100 Market Street\nSan Francisco, CA 94105',
  });
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An open incident with California and Texas notices computed by the rules, and an approved notice version. */
async function incidentWithApprovedNotice(id: string): Promise<void> {
  await insertTestIncident(db, id);
  const { obligations } = await createComputeObligations(db)({
    incidentId: id,
    awarenessAt: '2026-03-06T09:00:00Z',
    discoveredAt: '2026-03-06T09:00:00Z',
    role: 'controller',
    dataElements: ['name', 'national_id'],
    encrypted: false,
    keyCompromised: false,
    affected: { 'US-CA': 3, 'US-TX': 1 },
    riskLevel: 'high_risk',
    sectors: [],
    hold: null,
    noticesSent: [],
  });
  const state = {
    obligations: obligations.map((o) => ({ ...o, status: 'pending' })),
    approval: { noticeVersion: VERSION },
  };
  await db.run('UPDATE incidents SET state_json = ? WHERE id = ?', [JSON.stringify(state), id]);
  const notice = (variant: string, text: string) =>
    db.run(
      "INSERT INTO notices (incident_id, notice_version, audience, locale, channel, variant, subject, html, text, recipients, created_at) VALUES (?,?,'individuals','en','email',?,'s','<p>h</p>',?,1,'2026-03-07T00:00:00Z')",
      [id, VERSION, variant, text],
    );
  await notice('default', 'A security incident\n\nDear -recipientName-,\n\nWHAT HAPPENED\nDefault text.\n');
  await notice(
    'us-ca',
    'NOTICE OF DATA BREACH\nDate of this notice: March 7, 2026\n\nDear -recipientName-,\n\nWHAT HAPPENED\nCalifornia text.\n\nWHAT INFORMATION WAS INVOLVED\n* Name\n* Social Security number\n',
  );
}

async function addPerson(
  incidentId: string,
  p: { name: string; jurisdiction: string; locale?: string; address: string | null; reachedBy: string | null },
): Promise<number> {
  const subjectId = await insertTestSubject(db, {
    incidentId,
    name: p.name,
    phone: '+14155550100',
    jurisdiction: p.jurisdiction,
    locale: p.locale ?? 'en',
    importId: 'imp',
    identityKey: `k-${p.name}`,
    postalAddress: p.address,
  });
  if (p.reachedBy)
    await insertTestOutboxRow(db, {
      id: `o-${p.name}`,
      incidentId,
      subjectId,
      channel: p.reachedBy,
      status: 'sent',
      noticeVersion: VERSION,
      template: 't',
      updatedAt: '2026-03-07T00:00:00Z',
    });
  return subjectId;
}

/** The text of an uncompressed PDF drawn in a standard font: pdfkit writes it as hex strings in TJ arrays. */
function pdfText(pdf: Buffer): string {
  const content = pdf.toString('latin1');
  const shown: string[] = [];
  for (const m of content.matchAll(/\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
    const hex = [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]).join('');
    shown.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return shown.join('\n');
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('letters', () => {
  const INCIDENT = '01JLETTERS0000000000000000';
  let ids: Record<string, number>;

  beforeAll(async () => {
    await incidentWithApprovedNotice(INCIDENT);
    ids = {
      ana: await addPerson(INCIDENT, {
        name: 'Ana Müller',
        jurisdiction: 'US-CA',
        address: '1 Main Street\nApt 4\nFresno, CA 93650',
        reachedBy: 'sms',
      }),
      ben: await addPerson(INCIDENT, {
        name: 'Ben Ortiz',
        jurisdiction: 'US-CA',
        address: '2 Oak Ave\nSacramento, CA 95814',
        reachedBy: null,
      }),
      cai: await addPerson(INCIDENT, {
        name: 'Cai Li',
        jurisdiction: 'US-CA',
        address: '3 Pine Rd\nOakland, CA 94601',
        reachedBy: 'sms',
      }),
      dee: await addPerson(INCIDENT, { name: 'Dee Noaddress', jurisdiction: 'US-CA', address: null, reachedBy: 'sms' }),
      tex: await addPerson(INCIDENT, {
        name: 'Tex Told',
        jurisdiction: 'US-TX',
        address: '4 Elm St\nAustin, TX 78701',
        reachedBy: 'sms',
      }),
    };
  });

  it('prints a batch per two people, with a manifest matching the people, and mails them', async () => {
    const deps = { db, dataDir: dir, fonts: STANDARD, batchSize: 2, compress: false };
    const prepared = await prepareLetters(deps, INCIDENT, { paper: 'letter' }, ACTOR);
    // Ana, Ben and Cai: California counts SMS not at all; the Texan's SMS meets Texas law.
    expect(prepared.needed).toBe(4);
    expect(prepared.withoutAddress).toBe(1);
    expect(prepared.batches.map((b) => b.letters)).toEqual([2, 1]);

    const folder = path.join(dir, 'letters', INCIDENT);
    const files = fs.readdirSync(folder).sort();
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    const [firstPdf, secondPdf] = files
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => fs.readFileSync(path.join(folder, f)));
    expect(firstPdf!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(firstPdf!)).toBe(prepared.batches[0]!.pages);
    expect(pageCount(secondPdf!)).toBe(prepared.batches[1]!.pages);
    const text = pdfText(firstPdf!);
    // The return address, the recipient's window block, the date and the California variant's title and headings.
    expect(text).toContain('Acme Health Inc.');
    expect(text).toContain('100 Market Street');
    expect(text).toContain('Ana Müller');
    expect(text).toContain('1 Main Street');
    expect(text).toContain('Fresno, CA 93650');
    expect(text).toContain('NOTICE OF DATA BREACH');
    expect(text).toContain('WHAT INFORMATION WAS INVOLVED');
    expect(text).toContain('Dear Ana Müller,');
    // California's "date of the notice" on paper is the letter's own date, not the day the text was rendered.
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
    expect(text).toContain(`Date of this notice: ${today}`);
    expect(text).not.toContain('March 7, 2026');
    expect(text).toContain('2 Oak Ave');
    expect(text).not.toContain('Dee Noaddress');
    expect(text).not.toContain('Austin');
    expect(text).toMatch(/L001-00001 {4}1 \/ 1/);

    const manifests = files.filter((f) => f.endsWith('.csv')).map((f) => fs.readFileSync(path.join(folder, f), 'utf8'));
    const rows = manifests.flatMap((m) => parseCsv(m, { columns: true }) as Record<string, string>[]);
    expect(rows.map((r) => r.name)).toEqual(['Ana Müller', 'Ben Ortiz', 'Cai Li']);
    expect(rows[0]).toMatchObject({
      letter_id: 'L001-00001',
      address_line_1: '1 Main Street',
      address_line_2: 'Apt 4',
      address_line_3: 'Fresno, CA 93650',
      country: 'US',
      locale: 'en',
      pages: '1',
      first_page: '1',
      last_page: '1',
      pdf_file: files.find((f) => f.endsWith('.pdf') && f.startsWith('letters-001')),
    });
    expect(rows[1]).toMatchObject({ letter_id: 'L001-00002', first_page: '2', last_page: '2' });
    expect(rows[2]).toMatchObject({ letter_id: 'L002-00001', first_page: '1' });
    // The person reference is an opaque token, not the subject's row id.
    for (const r of rows) expect(r.person_ref).toMatch(/^[0-9a-f]{32}$/);

    // Nobody gets a second letter of the same version.
    const again = await prepareLetters(deps, INCIDENT, {}, ACTOR);
    expect(again.batches).toEqual([]);

    const verdicts = async () => {
      const status = await legalNoticeStatusOf(db, INCIDENT);
      return Object.fromEntries(status.map((p) => [p.name, p.laws.map((l) => l.verdict).join(',')]));
    };
    expect((await verdicts())['Ana Müller']).toBe('not_met');

    const mailedOn = new Date().toISOString().slice(0, 10);
    await recordLettersMailed({ db }, INCIDENT, prepared.batches[0]!.id, { mailedOn }, ACTOR);
    const after = await verdicts();
    expect(after['Ana Müller']).toBe('met');
    expect(after['Ben Ortiz']).toBe('met');
    expect(after['Cai Li']).toBe('not_met');
    expect(after['Dee Noaddress']).toBe('not_met');
    const sent = await db.all<{ sent_at: string }>(
      "SELECT sent_at FROM outbox WHERE incident_id = ? AND channel = 'letter' AND status = 'sent'",
      [INCIDENT],
    );
    expect(sent.map((r) => r.sent_at)).toEqual([`${mailedOn}T00:00:00.000Z`, `${mailedOn}T00:00:00.000Z`]);
    const audit = await db.all<{ type: string }>("SELECT type FROM audit_log WHERE type LIKE 'letters.%'");
    expect(audit.map((a) => a.type)).toEqual(
      expect.arrayContaining(['letters.prepared', 'letters.no_address', 'letters.mailed']),
    );

    // Another date for a mailed batch is refused; a future date too.
    await expect(
      recordLettersMailed({ db }, INCIDENT, prepared.batches[0]!.id, { mailedOn: '2020-01-01' }, ACTOR),
    ).rejects.toMatchObject({ field: 'mailedOn' });
    await expect(
      recordLettersMailed({ db }, INCIDENT, prepared.batches[1]!.id, { mailedOn: '2999-01-01' }, ACTOR),
    ).rejects.toMatchObject({ status: 400, field: 'mailedOn' });
  });

  it('counts a person who needs a letter and has no postal address towards the substitute notice', async () => {
    const overview = await lettersOf(db, INCIDENT);
    expect(overview.withoutAddress).toBe(1);
    const row = await db.get<{ status: string; error: string }>(
      "SELECT status, error FROM outbox WHERE incident_id = ? AND channel = 'letter' AND subject_id = ?",
      [INCIDENT, ids.dee],
    );
    expect(row).toEqual({ status: 'failed', error: 'no postal address: counts towards the substitute notice' });
  });

  it('prints nothing while notices to people are stopped by a hold', async () => {
    const held = '01JLETTERSHELD000000000000';
    await incidentWithApprovedNotice(held);
    await addPerson(held, {
      name: 'Held Person',
      jurisdiction: 'US-CA',
      address: '5 Bay St\nLA, CA 90001',
      reachedBy: null,
    });
    await db.run(
      "INSERT INTO send_gates (incident_id, allowed_version, reason, updated_at) VALUES (?, NULL, 'hold', ?)",
      [held, new Date().toISOString()],
    );
    await expect(prepareLetters({ db, dataDir: dir, fonts: STANDARD }, held, {}, ACTOR)).rejects.toMatchObject({
      status: 409,
      field: 'hold',
    });
    expect(fs.existsSync(path.join(dir, 'letters', held))).toBe(false);
  });

  it('refuses Japanese letters clearly when no font has the characters, before writing anything', async () => {
    const ja = '01JLETTERSJA00000000000000';
    await incidentWithApprovedNotice(ja);
    await addPerson(ja, {
      name: '山田 太郎',
      jurisdiction: 'US-CA',
      locale: 'ja',
      address: '6 Sakura St\nSan Jose, CA 95112',
      reachedBy: null,
    });
    const err = await prepareLetters({ db, dataDir: dir, fonts: STANDARD }, ja, {}, ACTOR).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 409, field: 'BREACHLINE_PDF_CJK_FONT' });
    expect((err as Error).message).toMatch(/letters in ja need a font .* set BREACHLINE_PDF_CJK_FONT/);
    expect(await lettersOf(db, ja)).toMatchObject({ batches: [] });
  });
});

describe('the postalAddress column', () => {
  it('stores lines given with newlines or \\n, and rejects an address that cannot fit a window, naming the column and row', async () => {
    const incident = '01JLETTERSIMPORT0000000000';
    await insertTestIncident(db, incident);
    const csv = [
      'name,email,postalAddress',
      'Eve Ok,eve@example.org,"7 Cedar Ln\\nSpringfield, IL 62701"',
      `Finn Long,finn@example.org,"${Array.from({ length: 7 }, (_, i) => `line ${i}`).join('\n')}"`,
      `Gus Wide,gus@example.org,${'x'.repeat(61)}`,
    ].join('\n');
    const result = await storeSubjects(db, incident, csvRows(Readable.from([csv])), 'test');
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      { row: 2, error: 'postalAddress: at most 5 lines (it must fit an envelope window)' },
      { row: 3, error: 'postalAddress: each line at most 60 characters' },
    ]);
    const stored = await db.get<{ postal_address: string }>(
      'SELECT postal_address FROM subjects WHERE incident_id = ?',
      [incident],
    );
    expect(stored!.postal_address).toBe('7 Cedar Ln\nSpringfield, IL 62701');
  });
});

describe('letter fonts', () => {
  it('stops the app at start when a configured font file does not exist, naming the variable', () => {
    const err = (() => {
      try {
        loadAppConfig({ BREACHLINE_PDF_CJK_FONT: path.join(dir, 'missing-cjk.ttf') });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe('BREACHLINE_PDF_CJK_FONT');
    expect(loadAppConfig({}).pdfFonts).toEqual({ regular: undefined, bold: undefined, cjk: undefined });
  });
});
