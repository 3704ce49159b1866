import { escapeHtml } from '@kitajs/html';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** A plain-text email as simple HTML: paragraphs at blank lines, line breaks kept, web addresses linked. */
export function mailHtml(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => {
      const escaped = escapeHtml(p);
      const linked = escaped.replace(URL_PATTERN, (url) => `<a href="${url}">${url}</a>`);
      return `<p>${linked.replace(/\n/g, '<br>\n')}</p>`;
    });
  return `<!doctype html><html lang="en-GB"><body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.4">\n${paragraphs.join('\n')}\n</body></html>`;
}
