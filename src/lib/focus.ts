/** Elements that take focus of themselves; anything else needs tabindex="-1" to be given it. */
const FOCUSABLE = new Set(['a', 'button', 'input', 'select', 'textarea', 'summary']);

/**
 * Marks the first of `ids` found in a fragment with `autofocus`, which htmx
 * focuses once the fragment is swapped in: after an in-place update, the
 * keyboard lands on the region that changed (or the form just opened), not
 * back on the page's top. A heading or a region is made focusable for it.
 * Only for fragments: a whole page never moves focus by itself.
 */
export function focusFirst(html: string, ids: readonly string[]): string {
  for (const id of ids) {
    const at = html.indexOf(` id="${id}"`);
    if (at < 0) continue;
    const open = html.lastIndexOf('<', at);
    const tag = /^<([a-z0-9]+)/i.exec(html.slice(open))?.[1]?.toLowerCase() ?? '';
    const end = html.indexOf('>', at);
    const attributes = html.slice(open, end);
    const extra = ` autofocus${FOCUSABLE.has(tag) || /\btabindex=/.test(attributes) ? '' : ' tabindex="-1"'}`;
    const insertAt = at + ` id="${id}"`.length;
    return html.slice(0, insertAt) + extra + html.slice(insertAt);
  }
  return html;
}
