/** Content negotiation and conditional requests, as the page cache and the PDFs answer them. */

type Encoding = 'br' | 'gzip' | null;
/** Browsers send a handful of distinct headers: each is read once. */
const chosen = new Map<string, Encoding>();

/** The encoding to answer with, from Accept-Encoding: brotli, then gzip, else none. */
export function chooseEncoding(accept: string | undefined): Encoding {
  if (!accept) return null;
  let encoding = chosen.get(accept);
  if (encoding === undefined) {
    encoding = readAcceptEncoding(accept);
    if (chosen.size >= 256) chosen.clear();
    chosen.set(accept, encoding);
  }
  return encoding;
}

function readAcceptEncoding(accept: string): Encoding {
  const offered = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => offered.get(name) ?? offered.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/** Whether an If-None-Match header names this (weak) entity tag, or any. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
