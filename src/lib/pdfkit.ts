import type PDFDocument from 'pdfkit';

/** A4 in points, portrait. */
export const A4: [number, number] = [595.28, 841.89];

/** The margin of the documents we draw: about 2 cm. */
export const MARGIN = 56;

/** Ends a PDFKit document and collects its bytes. */
export function renderPdfKit(doc: InstanceType<typeof PDFDocument>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}
