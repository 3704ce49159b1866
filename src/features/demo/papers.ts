import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { A4, MARGIN, renderPdfKit } from '../../lib/pdfkit';

/**
 * The demo's papers as real PDFs, made from each report's text in the
 * reference agenda pack (kept in ./papers), with as many pages as the report
 * had in that pack, so the demo pack is a real pack a new user can open.
 */

/** Characters the standard PDF fonts cannot show, and what to show instead. */
const SUBSTITUTES: Record<string, string> = { '●': '•' };

export function demoPaperText(file: string): string {
  const raw = fs.readFileSync(new URL(`./papers/${file}.txt`, import.meta.url), 'utf8');
  return raw.replace(/[●]/g, (c) => SUBSTITUTES[c] ?? c).trimEnd();
}

/** Splits lines into `n` runs of about equal length, never breaking a line. */
function chunk(lines: string[], n: number): string[][] {
  const total = lines.reduce((sum, l) => sum + l.length + 1, 0);
  const out: string[][] = Array.from({ length: n }, () => []);
  let written = 0;
  for (const line of lines) {
    const index = Math.min(n - 1, Math.floor((written / total) * n));
    out[index]?.push(line);
    written += line.length + 1;
  }
  return out;
}

/** A paper of exactly `pages` pages: its title, then its text, each page's share set as large as fits. */
export function demoPaperPdf(title: string, text: string, pages: number): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: title, Creator: 'Scrutineer demo data', CreationDate: new Date('2020-12-23T12:00:00Z') },
  });
  const width = A4[0] - 2 * MARGIN;
  const height = A4[1] - 2 * MARGIN;
  chunk(text.split('\n'), pages).forEach((lines, i) => {
    doc.addPage();
    const heading = i === 0 ? title : '';
    const body = lines.join('\n');
    let size = 10;
    const fits = (s: number) =>
      (heading ? doc.font('Helvetica-Bold').fontSize(13).heightOfString(heading, { width }) + 10 : 0) +
        doc.font('Helvetica').fontSize(s).heightOfString(body, { width, lineGap: 1 }) <=
      height - 4;
    while (size > 4 && !fits(size)) size -= 0.5;
    if (heading) doc.font('Helvetica-Bold').fontSize(13).text(heading, { width }).moveDown(0.6);
    doc
      .font('Helvetica')
      .fontSize(size)
      .text(body, { width, lineGap: 1, height: height - (doc.y - MARGIN), ellipsis: true });
  });
  return renderPdfKit(doc);
}
