import path from 'node:path';
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Past these, a paper's text is not read further: search needs its words, not a whole archive in one file. */
export const MAX_TEXT_PAGES = 1000;
const MAX_PAGE_CHARS = 50_000;

/**
 * The text of each page of a PDF, as pdf.js reads it, one line of the page
 * per line of text (a page with no text, e.g. a scan, is ''). Throws on a
 * file pdf.js cannot open.
 */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes the buffer over (it transfers it to its worker) and refuses a Buffer: it gets a plain copy.
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  try {
    const texts: string[] = [];
    for (let i = 1; i <= Math.min(pdf.numPages, MAX_TEXT_PAGES); i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
        else if (item.str && !/\s$/.test(item.str)) text += ' ';
      }
      texts.push(
        text
          .split('\n')
          .map((line) => line.replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join('\n')
          .slice(0, MAX_PAGE_CHARS),
      );
      page.cleanup();
    }
    return texts;
  } finally {
    await pdf.destroy();
  }
}
