// Letters (issue 14): staff prepare them from the incident page for the people whose legal notice is not met by
// the channels it went out on, where a law that applies to them counts a letter (California's written notice,
// HIPAA's first-class mail). Each letter is the approved notice of the person's locale and legal variant, as it
// went by email, printed. A batch of up to 5,000 is one PDF and a manifest CSV for a print-and-mail house, kept
// in the data directory; the letters count as sent from the day an operator records the batch as mailed.
// People who need a letter and have no postal address count towards the substitute notice.
import { letterDir } from '../../lib/letter-files';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ulid } from 'ulid';
import type { Db } from '../../store/connection';
import { getIncidentStatus } from '../../store/incident-store';
import { approvedNoticeVersion, substituteNoticeStatus } from '../../store/published-notices';
import { findSubjectNotice } from '../../store/notices';
import { getOrgProfile } from '../../store/org-profile';
import { gateAllows, readSendGate } from '../../store/send-gates';
import { appendAudit } from '../../store/audit';
import {
  countLettersWithoutAddress,
  createLetterBatch,
  getLetterBatch,
  LetterClaimConflict,
  letterRowIds,
  listLetterBatches,
  listLetterCandidates,
  nextLetterBatchSeq,
  recordLettersWithoutAddress,
  recordLetterBatchMailed,
  type LetterBatchRow,
  type LetterCandidate,
  type NewLetter,
} from '../../store/letter-batches';
import {
  DEFAULT_VARIANT,
  normalizeLocale,
  substitute,
  variantOfJurisdiction,
  type Locale,
} from '../../activities/render';
import { readTemplateTexts } from '../../activities/render/loader';
import {
  checkLetterFonts,
  LetterFontError,
  renderLetterBatch,
  type LetterFonts,
  type LetterPaper,
  type LetterToPrint,
} from '../../activities/render/letter-pdf';
import { csvText } from '../../lib/csv';
import { nowIso } from '../../lib/clock';
import type { Actor, TrackedObligation } from '../../workflows/types';
import { HttpError, notFound } from '../errors';
import { lawsOfResidence, noticeObligationsOf, noticeVerdict } from './legal-notice-status';

/** A print-and-mail house's usual ceiling for one job. */
export const LETTERS_PER_BATCH = 5_000;
const CANDIDATE_PAGE = 2_000;

export interface LetterDeps {
  db: Db;
  /** The app's data directory: batches are written under letters/<incident id>/. */
  dataDir: string;
  fonts?: LetterFonts;
  /** Tests make it small to cross a batch boundary with a few people. */
  batchSize?: number;
  /** Tests turn PDF compression off to read the text back. */
  compress?: boolean;
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const CJK_CANDIDATES = [
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/truetype/arphic-ttf/uming.ttf',
];

/** Font files an operator named (app.config.ts: BREACHLINE_PDF_FONT, _FONT_BOLD, _CJK_FONT, checked at start). */
export interface ConfiguredFonts {
  regular?: string;
  bold?: string;
  cjk?: string;
}

/**
 * The fonts letters are set in: the configured ones, else DejaVu Sans where the system has it (Latin, Greek,
 * Cyrillic), else the PDF standard Helvetica (Latin-1 only). Japanese, Korean and Chinese need a configured
 * CJK font or a system fallback font; without one such letters are refused.
 */
export function letterFonts(configured: ConfiguredFonts = {}): LetterFonts {
  const dejavu = fs.existsSync(`${DEJAVU}/DejaVuSans.ttf`) && fs.existsSync(`${DEJAVU}/DejaVuSans-Bold.ttf`);
  const regular = configured.regular ?? (dejavu ? `${DEJAVU}/DejaVuSans.ttf` : 'Helvetica');
  const bold = configured.bold ?? configured.regular ?? (dejavu ? `${DEJAVU}/DejaVuSans-Bold.ttf` : 'Helvetica-Bold');
  const cjk = configured.cjk ?? CJK_CANDIDATES.find((f) => fs.existsSync(f));
  return { regular, bold, ...(cjk ? { cjk } : {}) };
}

export interface LetterBatchView {
  id: string;
  seq: number;
  noticeVersion: string;
  paper: LetterPaper;
  letters: number;
  pages: number;
  createdAt: string;
  mailedOn: string | null;
}

export interface PreparedLetters {
  batches: LetterBatchView[];
  /** People who need a letter and have none yet, whatever came of it. */
  needed: number;
  /** Of those, people with no postal address: they count towards the substitute notice. */
  withoutAddress: number;
}

const viewOf = (b: LetterBatchRow): LetterBatchView => ({
  id: b.id,
  seq: b.seq,
  noticeVersion: b.notice_version,
  paper: b.paper,
  letters: b.letters,
  pages: b.pages,
  createdAt: b.created_at,
  mailedOn: b.mailed_on,
});

/** Whether a person needs a letter: a law of their residence counts letters and is not met by what they got. */
export function needsLetter(obligations: readonly TrackedObligation[], p: LetterCandidate): boolean {
  // A letter of this version on its way, sent or perhaps sent is not prepared again.
  if (p.letter_status !== null && !['pending', 'failed'].includes(p.letter_status)) return false;
  const used = p.channels ? p.channels.split(',') : [];
  return lawsOfResidence(obligations, p.jurisdiction).some(
    (o) => o.channels?.letter === 'counts' && noticeVerdict(o.channels, used) !== 'met',
  );
}

type Notice = { text: string };

/** The approved notice as it is sent by email, in the order the senders look for it (law, then language). */
async function noticeFinder(db: Db, incidentId: string, noticeVersion: string) {
  const cache = new Map<string, Notice>();
  return async (locale: string, variant: string): Promise<Notice> => {
    const key = `${locale}|${variant}`;
    const hit = cache.get(key);
    if (hit) return hit;
    for (const [l, v] of [
      [locale, variant],
      ['en', variant],
      [locale, DEFAULT_VARIANT],
      ['en', DEFAULT_VARIANT],
    ] as const) {
      const n = await findSubjectNotice(db, {
        incidentId,
        noticeVersion,
        audience: 'individuals',
        locale: l,
        channel: 'email',
        variant: v,
      });
      if (n) {
        cache.set(key, n);
        return n;
      }
    }
    throw new HttpError(409, `no approved notice text for version ${noticeVersion}`, 'noticeVersion');
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A law that asks for "the date of the notice" (California) means, on paper, the letter's own date: the line
 * the approved text carries (the day it was rendered) is set to the day the letter is printed. The text may be
 * in the reader's language or, where it had no variant, in English.
 */
export function datedForLetter(text: string, locale: Locale, at: string): string {
  for (const l of new Set<Locale>([locale, 'en'])) {
    const template = readTemplateTexts('legal-notice', l).dateOfNotice;
    if (!template?.includes('{date}')) continue;
    const [before, after] = template.split('{date}') as [string, string];
    const line = new RegExp(`^${escapeRegExp(before)}.+${escapeRegExp(after)}$`, 'm');
    if (!line.test(text)) continue;
    const day = new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at));
    return text.replace(line, () => `${before}${day}${after}`);
  }
  return text;
}

const countryOf = (jurisdiction: string | null) => jurisdiction?.split('-')[0] ?? '';

const MANIFEST_COLUMNS = [
  'letter_id',
  'person_ref',
  'name',
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'address_line_4',
  'address_line_5',
  'country',
  'locale',
  'pages',
  'pdf_file',
  'first_page',
  'last_page',
];

const batchDir = letterDir;

/**
 * Prepares letters for everyone who needs one and has none yet, in batches of up to LETTERS_PER_BATCH. Refused
 * while no notice is approved or the send gate is closed (a hold may delay individual notice).
 */
export async function prepareLetters(
  deps: LetterDeps,
  incidentId: string,
  input: { paper?: LetterPaper },
  actor: Actor,
): Promise<PreparedLetters> {
  const { db } = deps;
  const incident = await getIncidentStatus(db, incidentId);
  if (!incident) throw notFound();
  if (incident.status !== 'open') throw new HttpError(409, `incident is ${incident.status}`, 'stage');
  const noticeVersion = await approvedNoticeVersion(db, incidentId);
  if (!noticeVersion)
    throw new HttpError(409, 'no notice has been approved yet: letters carry the approved notice', 'approval');
  if (!gateAllows(await readSendGate(db, incidentId), noticeVersion))
    throw new HttpError(
      409,
      'notices to people are stopped (a hold, or the approval was withdrawn): no letters now',
      'hold',
    );
  const org = await getOrgProfile(db);
  if (!org.postalAddress)
    throw new HttpError(
      409,
      'the organisation profile has no postal address, which letters give as their return address (Settings, Organisation)',
      'postalAddress',
    );
  const paper: LetterPaper = input.paper ?? (['US', 'CA'].includes(org.mainEstablishment) ? 'letter' : 'a4');
  const fonts = deps.fonts ?? letterFonts();
  const batchSize = deps.batchSize ?? LETTERS_PER_BATCH;
  const obligations = (await noticeObligationsOf(db, incidentId)).filter((o) => o.channels?.letter === 'counts');

  const withAddress: LetterCandidate[] = [];
  const withoutAddress: LetterCandidate[] = [];
  for (let after = 0; obligations.length > 0;) {
    const page = await listLetterCandidates(db, incidentId, noticeVersion, after, CANDIDATE_PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    for (const p of page) if (needsLetter(obligations, p)) (p.postal_address ? withAddress : withoutAddress).push(p);
  }
  // Fonts are checked for everyone before any file is written.
  try {
    checkLetterFonts(
      withAddress.map((p) => ({ locale: normalizeLocale(p.locale) })),
      fonts,
    );
  } catch (err) {
    if (err instanceof LetterFontError) throw new HttpError(409, err.message, 'BREACHLINE_PDF_CJK_FONT');
    throw err;
  }

  const at = nowIso();
  const rowId = () => crypto.randomBytes(16).toString('hex');
  await recordLettersWithoutAddress(
    db,
    incidentId,
    noticeVersion,
    withoutAddress.map((p) => ({ outboxId: rowId(), subjectId: p.id, locale: p.locale })),
    at,
  );

  const notice = await noticeFinder(db, incidentId, noticeVersion);
  const returnAddress = [org.legalName, ...org.postalAddress.split('\n')];
  const dir = batchDir(deps.dataDir, incidentId);
  fs.mkdirSync(dir, { recursive: true });
  const batches: LetterBatchView[] = [];
  for (let start = 0; start < withAddress.length; start += batchSize) {
    const people = withAddress.slice(start, start + batchSize);
    const seq = await nextLetterBatchSeq(db, incidentId);
    const id = ulid();
    const base = `letters-${String(seq).padStart(3, '0')}`;
    const pdfFile = `${base}-${id}.pdf`;
    const manifestFile = `${base}-${id}.csv`;
    const letters: (LetterToPrint & { person: LetterCandidate; outboxId: string })[] = [];
    for (const [i, p] of people.entries()) {
      const locale = normalizeLocale(p.locale);
      const n = await notice(locale, variantOfJurisdiction(p.jurisdiction));
      letters.push({
        person: p,
        outboxId: rowId(),
        letterId: `L${String(seq).padStart(3, '0')}-${String(i + 1).padStart(5, '0')}`,
        locale,
        recipientName: (p.name ?? '').replace(/\s+/g, ' ').trim(),
        addressLines: p.postal_address!.split('\n'),
        body: datedForLetter(substitute(n.text, { recipientName: p.name }, 'text', locale), locale, at),
      });
    }
    const pdfPath = path.join(dir, pdfFile);
    const manifestPath = path.join(dir, manifestFile);
    try {
      const printed = await renderLetterBatch(fs.createWriteStream(pdfPath), letters, {
        paper,
        returnAddress,
        date: at,
        fonts,
        compress: deps.compress,
      });
      const toClaim: NewLetter[] = letters.map((l) => ({
        outboxId: l.outboxId,
        subjectId: l.person.id,
        locale: l.person.locale,
      }));
      await createLetterBatch(
        db,
        {
          id,
          incident_id: incidentId,
          notice_version: noticeVersion,
          seq,
          paper,
          letters: letters.length,
          pages: printed.pages,
          pdf_file: pdfFile,
          manifest_file: manifestFile,
          created_at: at,
          created_by: actor.id,
        },
        toClaim,
        {
          actor,
          summary: `letter batch ${seq} prepared: ${letters.length} letters, ${printed.pages} pages`,
          details: { batchId: id, noticeVersion, letters: letters.length, pages: printed.pages, paper },
        },
      );
      // A row taken over from an earlier one (no address then) keeps its id: the manifest gives the kept one.
      const ids = await letterRowIds(
        db,
        incidentId,
        noticeVersion,
        letters.map((l) => l.person.id),
      );
      const records = letters.map((l, i) => {
        const lines = l.addressLines;
        const range = printed.ranges[i]!;
        return [
          l.letterId,
          ids.get(l.person.id) ?? l.outboxId,
          l.recipientName,
          lines[0] ?? '',
          lines[1] ?? '',
          lines[2] ?? '',
          lines[3] ?? '',
          lines[4] ?? '',
          countryOf(l.person.jurisdiction),
          l.locale,
          range.last - range.first + 1,
          pdfFile,
          range.first,
          range.last,
        ];
      });
      fs.writeFileSync(manifestPath, csvText(MANIFEST_COLUMNS, records));
      batches.push(viewOf((await getLetterBatch(db, incidentId, id))!));
    } catch (err) {
      fs.rmSync(pdfPath, { force: true });
      fs.rmSync(manifestPath, { force: true });
      if (err instanceof LetterClaimConflict)
        throw new HttpError(
          409,
          'letters for some of these people are being prepared by someone else: reload the page',
          'letters',
          true,
        );
      throw err;
    }
  }
  if (withoutAddress.length > 0)
    await appendAudit(db, {
      incidentId,
      type: 'letters.no_address',
      at,
      actor,
      summary: `${withoutAddress.length} people need a letter but have no postal address: they count towards the substitute notice`,
      details: { noticeVersion, people: withoutAddress.length },
      // Asking again with nobody new says nothing new.
      eventKey: `letters:${incidentId}:${noticeVersion}:no-address:${withoutAddress.length}`,
    });
  return { batches, needed: withAddress.length + withoutAddress.length, withoutAddress: withoutAddress.length };
}

export interface LettersOverview {
  batches: LetterBatchView[];
  withoutAddress: number;
  /** Whether the public substitute notice of the approved version is up. */
  substituteNoticeUp: boolean;
}

export async function lettersOf(db: Db, incidentId: string): Promise<LettersOverview> {
  const version = await approvedNoticeVersion(db, incidentId);
  const substitute = version ? await substituteNoticeStatus(db, incidentId, version) : undefined;
  return {
    batches: (await listLetterBatches(db, incidentId)).map(viewOf),
    withoutAddress: await countLettersWithoutAddress(db, incidentId),
    substituteNoticeUp: substitute?.published ?? false,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Records the day a batch went to the post; from that day its letters count as sent. */
export async function recordLettersMailed(
  deps: { db: Db },
  incidentId: string,
  batchId: string,
  input: { mailedOn: string },
  actor: Actor,
): Promise<LetterBatchView> {
  const batch = await getLetterBatch(deps.db, incidentId, batchId);
  if (!batch) throw notFound();
  const day = input.mailedOn;
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new HttpError(400, 'must be a date, YYYY-MM-DD', 'mailedOn');
  if (day < batch.created_at.slice(0, 10))
    throw new HttpError(400, `cannot be before the batch was prepared (${batch.created_at.slice(0, 10)})`, 'mailedOn');
  if (day > nowIso().slice(0, 10)) throw new HttpError(400, 'cannot be in the future', 'mailedOn');
  if (batch.mailed_on !== null) {
    if (batch.mailed_on === day) return viewOf(batch);
    throw new HttpError(409, `this batch was already recorded as mailed on ${batch.mailed_on}`, 'mailedOn');
  }
  await recordLetterBatchMailed(deps.db, { incidentId, batchId, mailedOn: day, at: nowIso(), actor, by: actor.id });
  return viewOf((await getLetterBatch(deps.db, incidentId, batchId))!);
}

/** The path of a batch's PDF or manifest, for a download. */
export async function letterBatchFile(
  deps: { db: Db; dataDir: string },
  incidentId: string,
  batchId: string,
  which: 'pdf' | 'manifest',
  actor: Actor,
): Promise<{ path: string; name: string }> {
  const batch = await getLetterBatch(deps.db, incidentId, batchId);
  if (!batch) throw notFound();
  const name = which === 'pdf' ? batch.pdf_file : batch.manifest_file;
  const file = path.join(batchDir(deps.dataDir, incidentId), name);
  if (!fs.existsSync(file))
    throw new HttpError(410, 'the file of this batch is no longer in the data directory', 'batch');
  // Names and addresses: every download goes on the audit chain.
  await appendAudit(deps.db, {
    incidentId,
    type: 'letters.downloaded',
    at: nowIso(),
    actor,
    summary: `letter batch ${batch.seq} ${which === 'pdf' ? 'PDF' : 'manifest'} downloaded`,
    details: { batchId, which },
  });
  return { path: file, name };
}
