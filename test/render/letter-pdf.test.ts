// The letter PDF on its own: letters that run over a page are numbered per letter, and the manifest's page
// ranges are where each letter's pages really are in the file. Text read back from uncompressed output.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderLetterBatch, type LetterToPrint } from '../../activities/render/letter-pdf';

async function render(letters: LetterToPrint[], paper: 'letter' | 'a4') {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const printed = await renderLetterBatch(out, letters, {
    paper,
    returnAddress: ['Beispiel GmbH', 'Hauptstraße 1', '10115 Berlin'],
    date: '2026-12-07T10:00:00Z',
    fonts: { regular: 'Helvetica', bold: 'Helvetica-Bold' },
    compress: false,
  });
  return { printed, pdf: Buffer.concat(chunks).toString('latin1') };
}

/** Each page's text, in order: one content stream per page, its text as hex strings in TJ arrays. */
function pageTexts(pdf: string): string[] {
  const out: string[] = [];
  for (const m of pdf.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    const body = m[1]!;
    if (!body.includes(' TJ')) continue;
    const shown = [...body.matchAll(/\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\]\s*TJ/g)].map((t) =>
      Buffer.from([...t[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]).join(''), 'hex').toString('latin1'),
    );
    out.push(shown.join('\n'));
  }
  return out;
}

const letter = (id: string, paragraphs: number): LetterToPrint => ({
  letterId: id,
  locale: 'de',
  recipientName: 'Jürgen Weiß',
  addressLines: ['Lindenweg 3', '80331 München'],
  body: ['Informationen zu einem Sicherheitsvorfall', '', 'Sehr geehrte(r) Jürgen Weiß,', '']
    .concat(Array.from({ length: paragraphs }, (_, i) => `Absatz ${i + 1}: ${'Wir informieren Sie. '.repeat(30)}`))
    .join('\n'),
});

describe('the letter PDF', () => {
  it('numbers each letter’s pages on its own and reports where each letter starts and ends', async () => {
    const { printed, pdf } = await render([letter('L001-00001', 12), letter('L001-00002', 1)], 'a4');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(printed.ranges[0]!.first).toBe(1);
    expect(printed.ranges[0]!.last).toBeGreaterThan(1);
    expect(printed.ranges[1]).toEqual({ first: printed.ranges[0]!.last + 1, last: printed.ranges[0]!.last + 1 });
    expect(printed.pages).toBe(printed.ranges[1]!.last);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(printed.pages);
    const pages = pageTexts(pdf);
    const first = printed.ranges[0]!;
    const n = first.last - first.first + 1;
    expect(pages[0]).toContain(`L001-00001    1 / ${n}`);
    expect(pages[first.last - 1]).toContain(`L001-00001    ${n} / ${n}`);
    expect(pages[first.last]).toContain('L001-00002    1 / 1');
    // The window block and the date in the reader's language, on each letter's first page only.
    expect(pages[0]).toContain('Jürgen Weiß\nLindenweg 3\n80331 München');
    expect(pages[0]).toContain('7. Dezember 2026');
    expect(pages[1]).not.toContain('Lindenweg 3');
    expect(pages[first.last]).toContain('Lindenweg 3');
  });
});
