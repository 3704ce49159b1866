import * as cheerio from 'cheerio';

/** The page as a user would read it: a queryable document. */
export function parse(html: string) {
  return cheerio.load(html);
}

/** Text with runs of white space folded, as it reads on screen. */
export function textOf(html: string, selector = 'body'): string {
  const $ = cheerio.load(html);
  return $(selector).text().replace(/\s+/g, ' ').trim();
}

/** Each row of a table as "cell | cell | cell". */
export function tableRows(html: string, selector = 'table'): string[] {
  const $ = cheerio.load(html);
  return $(`${selector} tbody tr`)
    .map((_, tr) =>
      $(tr)
        .find('th, td')
        .map((__, cell) => $(cell).text().replace(/\s+/g, ' ').trim())
        .get()
        .join(' | '),
    )
    .get();
}
