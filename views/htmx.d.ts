/**
 * htmx 4 attributes for TSX. @kitajs/html ships htmx 2's attribute types;
 * htmx 4 renamed and added attributes and modifiers (`hx-target:inherited`,
 * `hx-status:422`), so we declare the `hx-*` family here.
 */
import '@kitajs/html';

declare global {
  namespace JSX {
    interface HtmlTag {
      [attribute: `hx-${string}`]: string | boolean | undefined;
    }
  }
}
