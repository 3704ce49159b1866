import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import path from 'node:path';

/** A PDF of `pages` pages, each saying "<label> page i of n", to follow through a pack. */
export async function makePdf(label: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${label} page ${i} of ${pages}`, { x: 56, y: 760, size: 14, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** The same PDF claiming to be encrypted (an /Encrypt entry in its trailer). */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const text = Buffer.from(await makePdf('Locked', 1)).toString('latin1');
  return new Uint8Array(Buffer.from(text.replace(/trailer\s*<</, 'trailer\n<<\n/Encrypt 1 0 R'), 'latin1'));
}

const STANDARD_FONTS = `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`;

/** The text of each page of a PDF, as pdf.js reads it. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl: STANDARD_FONTS, verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    texts.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await pdf.destroy();
  return texts;
}
