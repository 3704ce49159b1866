import mammoth from 'mammoth';

/**
 * The text of a Word (.docx) document, one paragraph per line, as a clerk
 * sees it: an empty paragraph is a blank line, a list item keeps its bullet
 * or its number (Word numbers lists itself, so "1." is not in the text), and
 * a table row is one line with its cells separated by tabs (an action table
 * keeps its owner column beside the action). Throws on a file that is not a
 * Word document.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { ignoreEmptyParagraphs: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  return htmlToLines(html);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Mammoth's HTML (simple and well formed: p, h1–h6, ul/ol/li, table/tr/td,
 * br, inline tags) as lines of text.
 */
export function htmlToLines(html: string): string {
  let out = '';
  // Each open list: its kind and the number of its next item.
  const lists: { ordered: boolean; next: number }[] = [];
  let cell = 0;
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    const [, closing, tagName, , text] = m;
    if (text !== undefined) {
      out += decodeEntities(text);
      continue;
    }
    const tag = (tagName ?? '').toLowerCase();
    if (!closing) {
      if (tag === 'ul' || tag === 'ol') lists.push({ ordered: tag === 'ol', next: 1 });
      else if (tag === 'li') {
        if (!out.endsWith('\n') && out !== '') out += '\n';
        const list = lists[lists.length - 1];
        out += '  '.repeat(Math.max(0, lists.length - 1));
        out += list?.ordered ? `${list.next++}. ` : '• ';
      } else if (tag === 'tr') cell = 0;
      else if (tag === 'td' || tag === 'th') {
        if (cell++ > 0) out += '\t';
      } else if (tag === 'br') out += '\n';
      continue;
    }
    if (tag === 'ul' || tag === 'ol') {
      lists.pop();
      if (!out.endsWith('\n')) out += '\n';
    } else if (tag === 'p' || /^h[1-6]$/.test(tag)) {
      // Inside a table cell a paragraph ends with a space, not a line: the row stays one line.
      out += cell > 0 ? ' ' : '\n';
    } else if (tag === 'li' || tag === 'tr') {
      if (!out.endsWith('\n')) out += '\n';
      if (tag === 'tr') cell = 0;
    }
  }
  return out
    .split('\n')
    .map((line) =>
      line
        .replace(/(\S)[ \u00a0]+/g, '$1 ')
        .replace(/ ?\t ?/g, '\t')
        .trimEnd(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
