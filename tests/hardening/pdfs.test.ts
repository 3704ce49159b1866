import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildTestApp } from '../helpers/app';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await buildTestApp({ demo: true, now: new Date('2021-01-01T09:00:00Z') }));
  await app.packs.idle();
});
afterAll(() => app.close());

interface StructNode {
  role?: string;
  children?: StructNode[];
}

/** A PDF's tagging as pdf.js reads it: marked, its language and title, the structure roles of a page. */
async function tagging(url: string, page = 1) {
  const res = await app.inject(url);
  expect(res.statusCode, url).toBe(200);
  const pdf = await getDocument({
    data: new Uint8Array(res.rawPayload),
    standardFontDataUrl: `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
    verbosity: 0,
  }).promise;
  const info = (await pdf.getMetadata()).info as { Language?: string; Title?: string };
  const roles: string[] = [];
  const walk = (n: StructNode) => {
    if (n.role) roles.push(n.role);
    (n.children ?? []).forEach(walk);
  };
  walk((await (await pdf.getPage(page)).getStructTree()) as StructNode);
  const result = {
    marked: (await pdf.getMarkInfo())?.Marked,
    language: info.Language,
    title: info.Title,
    roles,
    pages: pdf.numPages,
  };
  await pdf.destroy();
  return result;
}

describe('PDFs for screen readers', () => {
  it('tags the minutes PDF whole: language, title, headings, paragraphs and lists', async () => {
    const minutes = await tagging('/meetings/1/minutes.pdf');
    expect(minutes).toMatchObject({ marked: true, language: 'en-GB' });
    expect(minutes.title).toContain('minutes of Thursday 5 November 2020');
    expect(minutes.roles.slice(0, 3)).toEqual(['Root', 'Document', 'H1']);
    expect(minutes.roles).toContain('H2');
    expect(minutes.roles).toContain('P');
    // Every page is in the structure, not only the first.
    const last = await tagging('/meetings/1/minutes.pdf', minutes.pages);
    expect(last.roles.length).toBeGreaterThan(2);
    const all = await Promise.all(
      Array.from({ length: minutes.pages }, (_, i) => tagging('/meetings/1/minutes.pdf', i + 1)),
    );
    expect(all.flatMap((p) => p.roles)).toContain('L');
  });

  it('tags the agenda pack’s front sheet: its headings, and the agenda as a table with header cells', async () => {
    const pack = await tagging('/meetings/2/agenda-pack.pdf');
    expect(pack).toMatchObject({ marked: true, language: 'en-GB' });
    expect(pack.title).toContain('agenda pack');
    expect(pack.roles.slice(0, 3)).toEqual(['Root', 'Document', 'H1']);
    for (const role of ['H2', 'P', 'Table', 'TR', 'TH', 'TD']) expect(pack.roles).toContain(role);
    expect(pack.roles.filter((r) => r === 'TH')).toHaveLength(4);
  });
});
