import JSZip from 'jszip';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

/**
 * Word and PDF files made from text, as a clerk's minutes come: each line a
 * paragraph (a blank line an empty one) or a line of a page. For the
 * importer's tests, and for the corpus's documents whose original only the
 * text of could be had.
 */

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function paragraph(line: string): string {
  return line === '' ? '<w:p/>' : `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`;
}

/** A line with tabs is a table row, its cells between the tabs (an action table). */
function body(text: string): string {
  const lines = text.split(/\r?\n/);
  let out = '';
  for (let i = 0; i < lines.length;) {
    if (!(lines[i] ?? '').includes('\t')) {
      out += paragraph(lines[i++] ?? '');
      continue;
    }
    out += '<w:tbl>';
    for (; i < lines.length && (lines[i] ?? '').includes('\t'); i++) {
      out += `<w:tr>${(lines[i] ?? '')
        .split('\t')
        .map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`)
        .join('')}</w:tr>`;
    }
    out += '</w:tbl>';
  }
  return out;
}

/** A .docx holding the text, one paragraph per line. */
export async function textDocx(text: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body(text)}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** What Helvetica can draw (WinAnsi); anything else becomes "?". */
function drawable(font: PDFFont, line: string): string {
  let out = '';
  for (const ch of line) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

/** A PDF of the text, a line of the text per line of the page (long lines wrapped), 60 lines a page. */
export async function textPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 9;
  const width = 595.28 - 2 * 48;
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = drawable(font, raw.replace(/\t/g, '    '));
    while (font.widthOfTextAtSize(line, size) > width) {
      let cut = line.lastIndexOf(' ', Math.floor((line.length * width) / font.widthOfTextAtSize(line, size)));
      if (cut <= 0) cut = Math.floor(line.length / 2);
      lines.push(line.slice(0, cut));
      line = line.slice(cut + 1);
    }
    lines.push(line);
  }
  for (let start = 0; start < lines.length; start += 60) {
    const page = doc.addPage([595.28, 841.89]);
    lines.slice(start, start + 60).forEach((line, i) => {
      if (line) page.drawText(line, { x: 48, y: 800 - i * 12.5, size, font });
    });
  }
  return doc.save({ useObjectStreams: false });
}
