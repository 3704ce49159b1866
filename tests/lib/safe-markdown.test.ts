import { describe, expect, it } from 'vitest';
import { renderSafeMarkdown } from '../../src/lib/safe-markdown';

describe('safe Markdown subset', () => {
  it('renders paragraphs, lists and emphasis', () => {
    const html = renderSafeMarkdown('First *point*.\n\n- one\n- **two**');
    expect(html).toContain('<p class="govuk-body">First <em>point</em>.</p>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(html).toContain('<li><strong>two</strong></li>');
  });

  it('escapes HTML and ignores links, images and headings', () => {
    const html = renderSafeMarkdown(
      '<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![i](http://x/y.png)\n\n# Heading',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<h1');
  });
});
