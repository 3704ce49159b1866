import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinutesUpload } from '../../src/features/minutes/import/read';
import { compare, corpus, personKey, type ExpectedMinutes } from '../../scripts/minutes-corpus';

/**
 * The corpus of real minutes (tests/fixtures/minutes, each document's
 * source in SOURCES.md) and what was written down by hand from reading each:
 * `npm run minutes-corpus` reports how the importer reads every one. The
 * demo committee's minutes of 5 November 2020 are read exactly.
 */
const documents = corpus();
const demo = documents.find((d) => d.name === 'buckinghamshire-hasc-2020-11-05');

describe('the corpus of real minutes', () => {
  it('has every document’s text and its source', () => {
    const sources = fs.readFileSync('tests/fixtures/minutes/SOURCES.md', 'utf8');
    for (const doc of documents) {
      expect(fs.existsSync(doc.file), doc.file).toBe(true);
      if (doc.name !== 'buckinghamshire-hasc-2020-11-05') expect(sources).toContain(`- ${doc.expected.file}:`);
    }
    // At least 15 documents from at least 10 councils.
    expect(documents.length).toBeGreaterThanOrEqual(15);
    expect(new Set(documents.map((d) => d.expected.council)).size).toBeGreaterThanOrEqual(10);
    // Read as a clerk uploads them: a Word document and a PDF among the text files.
    expect(documents.filter((d) => d.file.endsWith('.docx')).length).toBeGreaterThanOrEqual(1);
    expect(documents.filter((d) => d.file.endsWith('.pdf')).length).toBeGreaterThanOrEqual(1);
  });

  it('reads the minutes of 5 November 2020 exactly as written down by hand', async () => {
    expect(demo).toBeDefined();
    const parsed = await parseMinutesUpload(fs.readFileSync(demo?.file ?? ''));
    expect(compare(parsed, demo?.expected as ExpectedMinutes)).toEqual([]);
  });

  // Every document of the corpus is read exactly as written down by hand.
  it.each(documents.map((d) => d.name))('reads %s exactly as written down by hand', async (name) => {
    const doc = documents.find((d) => d.name === name);
    expect(doc, name).toBeDefined();
    const parsed = await parseMinutesUpload(fs.readFileSync(doc?.file ?? ''));
    expect(compare(parsed, doc?.expected as ExpectedMinutes)).toEqual([]);
  });

  it('says what differs: a name missed, an item’s resolutions miscounted, an action’s owner wrong', async () => {
    const parsed = await parseMinutesUpload(fs.readFileSync(demo?.file ?? ''));
    const wrong = structuredClone(demo?.expected as ExpectedMinutes);
    wrong.present.push('Cllr N Body');
    const item3 = wrong.items.find((i) => i.number === 3);
    const item6 = wrong.items.find((i) => i.number === 6);
    if (!item3 || !item6?.actions[0]) throw new Error('the demo minutes have items 3 and 6');
    item3.resolutions = 2;
    item6.actions[0].owners = ['Ms F Cayley'];
    expect(compare(parsed, wrong)).toEqual([
      expect.stringMatching(/^present: read .*, expected .*"n body"/),
      'item 3 resolutions: read 1, expected 2',
      'item 6 action 1 owners: read ["a turner","f cayley","f momem"], expected ["f cayley"]',
    ]);
  });

  it('compares names as people write them', () => {
    expect(personKey('Cllr I. Mack')).toBe('i mack');
    expect(personKey('Councillor Mrs J Smith')).toBe('j smith');
    expect(personKey('The Chairman')).toBe('chairman');
  });
});
