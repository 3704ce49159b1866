import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfPageTexts as readPages } from '../../src/lib/pdf-text';

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

/** The text of each page of a PDF, as pdf.js reads it, on one line. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  return (await readPages(bytes)).map((text) => text.replace(/\s+/g, ' ').trim());
}
