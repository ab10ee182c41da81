// A batch of letters as one print-ready PDF (issue 14: US "written notice", HIPAA first-class mail). Each
// letter starts on a new page and carries the approved notice text of the reader's locale and legal variant,
// so what goes on paper is what the approver approved. One file per batch, not one per person: a print-and-mail
// house prints a single file in order and its inserter splits it by the page ranges of the manifest.
//
// Window position, one standard per paper size:
// - US Letter: tri-folded into a #10 single-window envelope (window 4 1/2 x 1 1/8 in, 7/8 in from the left and
//   1/2 in from the bottom). The recipient block sits 2 1/8 in from the top and 1 in from the left, at most
//   1 in tall, so it shows through the window wherever the folded sheet settles.
// - A4: DIN 5008 form B, for a DL or C5/6 envelope with a left window: address field 20 mm from the left and
//   45 mm from the top, 85 x 45 mm; the return address on one small line at the top of the field, the
//   recipient in the 27.3 mm below it; fold marks at 105 and 210 mm.
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';

export type LetterPaper = 'letter' | 'a4';

export interface LetterToPrint {
  /** Printed small in each page's footer, so a page that strays can be matched to its letter. */
  letterId: string;
  locale: string;
  recipientName: string;
  addressLines: string[];
  /** The approved notice text with the reader's name in it. */
  body: string;
}

/**
 * Font files (TrueType/OpenType) or names of PDF standard fonts. The standard fonts cover Latin-1 only;
 * `cjk` is needed for Japanese, Korean and Chinese letters.
 */
export interface LetterFonts {
  regular: string;
  bold: string;
  cjk?: string;
}

export interface LetterBatchOptions {
  paper: LetterPaper;
  /** The organisation's legal name, then its postal address lines. */
  returnAddress: string[];
  /** ISO instant: the date each letter shows, in its reader's language. */
  date: string;
  fonts: LetterFonts;
  /** Tests turn compression off to read the text back. */
  compress?: boolean;
}

export interface PrintedBatch {
  pages: number;
  /** Per letter, in order: its first and last page in the file, counted from 1. */
  ranges: { first: number; last: number }[];
}

export class LetterFontError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterFontError';
  }
}

const CJK_LOCALE = /^(ja|ko|zh)(-|$)/i;

export function needsCjkFont(locale: string): boolean {
  return CJK_LOCALE.test(locale);
}

const MM = 72 / 25.4;
const IN = 72;

interface Layout {
  size: 'LETTER' | 'A4';
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Where the recipient's block goes and how much of it the window shows. */
  window: { x: number; y: number; width: number; height: number };
  /** The return address also printed on one line at the top of the window field (A4, DIN 5008). */
  returnInWindow: boolean;
  bodyTop: number;
  foldMarks: number[];
}

const LAYOUTS: Record<LetterPaper, Layout> = {
  letter: {
    size: 'LETTER',
    left: IN,
    right: IN,
    top: 0.5 * IN,
    bottom: 0.75 * IN,
    window: { x: IN, y: 2.125 * IN, width: 3.5 * IN, height: IN },
    returnInWindow: false,
    bodyTop: 3.6 * IN,
    foldMarks: [],
  },
  a4: {
    size: 'A4',
    left: 25 * MM,
    right: 20 * MM,
    top: 15 * MM,
    bottom: 20 * MM,
    window: { x: 20 * MM, y: 62.7 * MM, width: 85 * MM, height: 27.3 * MM },
    returnInWindow: true,
    bodyTop: 103.4 * MM,
    foldMarks: [105 * MM, 210 * MM],
  },
};

function formatDate(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  }
}

const isStandardFont = (f: string) => !f.includes('/') && !f.includes('\\') && !/\.(ttf|otf|ttc)$/i.test(f);

function checkFontFile(path: string, what: string): void {
  if (isStandardFont(path)) return;
  if (!fs.existsSync(path)) throw new LetterFontError(`${what}: font file ${path} does not exist`);
}

/** Fails before anything is written when a letter needs a font that is not there. */
export function checkLetterFonts(letters: readonly { locale: string }[], fonts: LetterFonts): void {
  checkFontFile(fonts.regular, 'BREACHLINE_PDF_FONT');
  checkFontFile(fonts.bold, 'BREACHLINE_PDF_FONT');
  const cjk = letters.find((l) => needsCjkFont(l.locale));
  if (!cjk) return;
  if (!fonts.cjk)
    throw new LetterFontError(
      `letters in ${cjk.locale} need a font with Chinese, Japanese and Korean characters, and none was found: set BREACHLINE_PDF_CJK_FONT to a TrueType or OpenType font file (for example Noto Sans CJK or Droid Sans Fallback)`,
    );
  checkFontFile(fonts.cjk, 'BREACHLINE_PDF_CJK_FONT');
}

function isHeading(line: string, locale: string): boolean {
  return line.length <= 80 && /\p{Lu}/u.test(line) && line === line.toLocaleUpperCase(locale);
}

/** Writes the batch to `out` and resolves once the file is complete. */
export async function renderLetterBatch(
  out: Writable,
  letters: readonly LetterToPrint[],
  opts: LetterBatchOptions,
): Promise<PrintedBatch> {
  checkLetterFonts(letters, opts.fonts);
  const layout = LAYOUTS[opts.paper];
  const doc = new PDFDocument({
    size: layout.size,
    margins: { top: layout.top, bottom: layout.bottom, left: layout.left, right: layout.right },
    autoFirstPage: false,
    bufferPages: true,
    compress: opts.compress ?? true,
    info: { Title: 'Letters', Producer: 'Breachline' },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('regular', opts.fonts.regular);
  doc.registerFont('bold', opts.fonts.bold);
  if (opts.fonts.cjk) doc.registerFont('cjk', opts.fonts.cjk);

  const ranges: PrintedBatch['ranges'] = [];
  let printed = 0;
  for (const letter of letters) {
    const cjk = needsCjkFont(letter.locale);
    const regular = cjk ? 'cjk' : 'regular';
    const bold = cjk ? 'cjk' : 'bold';
    const first = printed + 1;
    doc.addPage();
    const width = doc.page.width - layout.left - layout.right;
    const w = layout.window;

    // The sender at the top, where a letterhead goes (above the window field on both papers).
    doc
      .font(bold)
      .fontSize(10)
      .text(opts.returnAddress[0] ?? '', layout.left, layout.top, { width });
    doc.font(regular).fontSize(9);
    for (const line of opts.returnAddress.slice(1)) doc.text(line, { width });
    if (layout.returnInWindow)
      doc
        .font(regular)
        .fontSize(7)
        .text(opts.returnAddress.join(', '), w.x, w.y - 6 * MM, { width: w.width, lineBreak: false, ellipsis: true });
    doc.font(regular).fontSize(10);
    // A person imported without a name gets the address alone, not an empty first line.
    doc.text([letter.recipientName, ...letter.addressLines].filter((l) => l !== '').join('\n'), w.x, w.y, {
      width: w.width,
      height: w.height,
      lineGap: 0,
    });
    for (const y of layout.foldMarks)
      doc
        .moveTo(3 * MM, y)
        .lineTo(8 * MM, y)
        .lineWidth(0.3)
        .stroke();

    doc
      .font(regular)
      .fontSize(10)
      .text(formatDate(opts.date, letter.locale), layout.left, layout.bodyTop - 28, { width, align: 'right' });
    doc.x = layout.left;
    doc.y = layout.bodyTop;

    let titled = false;
    for (const raw of letter.body.replace(/\r\n?/g, '\n').split('\n')) {
      const line = raw.trimEnd();
      if (line.trim() === '') {
        doc.moveDown(0.5);
        continue;
      }
      if (!titled) {
        // The first line is the notice's title (California's prescribed "Notice of Data Breach" among them).
        doc.font(bold).fontSize(13).text(line, { width });
        doc.moveDown(0.3);
        titled = true;
      } else if (isHeading(line, letter.locale)) {
        doc.moveDown(0.2);
        doc.font(bold).fontSize(10.5).text(line, { width });
      } else if (line.startsWith('* ')) {
        doc
          .font(regular)
          .fontSize(10)
          .text(`\u2022 ${line.slice(2)}`, { width, indent: 8 });
      } else {
        doc.font(regular).fontSize(10).text(line, { width });
      }
    }

    const range = doc.bufferedPageRange();
    const total = range.start + range.count - printed;
    for (let i = 0; i < total; i++) {
      doc.switchToPage(printed + i);
      const bottom = doc.page.margins.bottom;
      // Written below the bottom margin, which would otherwise start a new page.
      doc.page.margins.bottom = 0;
      doc
        .font(regular)
        .fontSize(8)
        .text(`${letter.letterId}    ${i + 1} / ${total}`, layout.left, doc.page.height - bottom / 2 - 4, {
          width,
          align: 'right',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    printed += total;
    ranges.push({ first, last: printed });
    doc.flushPages();
  }
  doc.end();
  await done;
  return { pages: printed, ranges };
}
