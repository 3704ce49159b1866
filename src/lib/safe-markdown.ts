import MarkdownIt from 'markdown-it';
import { byText, remembered } from './memo';

/**
 * Text people write (minutes, item purposes, public questions) is a safe Markdown subset: paragraphs, bullet and numbered
 * lists, emphasis. No raw HTML, links, images, headings or code: what a clerk
 * types is escaped, and nothing else is interpreted.
 */
const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false }).enable(['list', 'emphasis']);

const rendered = remembered(
  (text: string) =>
    md
      .render(text)
      .replaceAll('<p>', '<p class="govuk-body">')
      .replaceAll('<ul>', '<ul class="govuk-list govuk-list--bullet">')
      .replace(/<ol( start="\d+")?>/g, '<ol class="govuk-list govuk-list--number"$1>'),
  byText,
  2000,
);

/** The HTML of such a text, safe to insert into a page (each text rendered once, then remembered). */
export function renderSafeMarkdown(text: string): string {
  return rendered(text);
}

/** The same text as plain text (for search, feeds and PDFs): emphasis and escapes taken off, list entries as "• ". */
export function safeMarkdownToPlain(text: string): string {
  const escaped: string[] = [];
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, (_, ch: string) => `\uE000${escaped.push(ch) - 1}\uE000`)
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => escaped[Number(i)] ?? '')
    .trim();
}
