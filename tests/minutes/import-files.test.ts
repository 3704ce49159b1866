import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { dryRunReport, parseMinutesFile } from '../../src/features/minutes/import/parse';
import { parseMinutesUpload, readMinutesFile } from '../../src/features/minutes/import/read';
import { docxText, htmlToLines } from '../../src/lib/docx-text';
import { textDocx, textPdf } from '../helpers/documents';

/**
 * Minutes come as Word documents and PDFs more often than as text: each is
 * read to text first, a paragraph or a line of the page per line, then read
 * as text is. The 5 November 2020 minutes read the same from each.
 */
const SOURCE = fs.readFileSync('src/features/demo/papers/minutes-2020-11-05.txt');
const fromText = parseMinutesFile(SOURCE);

describe('a Word document', () => {
  it('reads exactly as its text does', async () => {
    const { text, ...parsed } = await parseMinutesUpload(await textDocx(SOURCE.toString('utf8')));
    expect(parsed.encoding).toBe('docx');
    expect(parsed.problems).toEqual([]);
    expect(text).toBe(
      SOURCE.toString('utf8')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    );
    expect(dryRunReport(parsed)).toEqual(dryRunReport(fromText));
  });

  it('keeps a table row on one line, its cells apart, and a list’s bullets and numbers', () => {
    const html =
      '<h1>Minutes</h1><p></p><table><tr><td><p>Action</p></td><td><p>Owner</p></td></tr><tr><td><p>Write to the <strong>Trust</strong> &amp; report</p></td><td><p>Clerk</p></td></tr></table><ol><li>Apologies</li><li>Minutes<ul><li>Approved</li></ul></li></ol><p>Line one<br />Line two</p>';
    expect(htmlToLines(html).split('\n')).toEqual([
      'Minutes',
      '',
      'Action\tOwner',
      'Write to the Trust & report\tClerk',
      '1. Apologies',
      '2. Minutes',
      '  • Approved',
      'Line one',
      'Line two',
    ]);
  });

  it('reads an action table made in Word', async () => {
    const text = await docxText(
      await textDocx(
        '5. Roads\nRESOLVED that the report be noted.\nAction\tOwner\nWrite to the highways authority\tClerk',
      ),
    );
    expect(text.split('\n')).toEqual([
      '5. Roads',
      'RESOLVED that the report be noted.',
      'Action\tOwner',
      'Write to the highways authority\tClerk',
    ]);
  });

  it('says so when a file is a zip but not a Word document', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'not a document');
    const read = await readMinutesFile(await zip.generateAsync({ type: 'uint8array' }));
    expect(read).toEqual({
      problem:
        'This is not a Word document (.docx) that can be read. Save the minutes as a Word document (.docx) or as plain text (.txt), and import that.',
    });
  });
});

describe('a PDF', () => {
  it('reads its items, attendance, declarations and resolutions as its text does', async () => {
    const parsed = await parseMinutesUpload(await textPdf(SOURCE.toString('utf8')));
    expect(parsed.encoding).toBe('pdf');
    const outline = (p: typeof fromText) => ({
      date: p.date,
      startedAt: p.startedAt,
      endedAt: p.endedAt,
      attendance: p.attendance,
      declarations: p.declarations.map((d) => ({ name: d.name, itemNumber: d.itemNumber })),
      items: p.items.map((i) => ({
        number: i.number,
        title: i.title,
        resolutions: i.resolutions.length,
        actions: i.actions.map((a) => a.owners),
      })),
    });
    expect(outline(parsed)).toEqual(outline(fromText));
  });

  it('says so when a PDF has no text (a scan), and when it cannot be opened', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const blank = await readMinutesFile(await doc.save());
    expect(blank).toEqual({
      problem:
        'This PDF has no text to read (it may be a scan). Import the minutes as text, a Word document or a PDF saved from Word.',
    });
    const broken = await readMinutesFile(new Uint8Array(Buffer.from('%PDF-1.7\nnot really')));
    expect(broken).toEqual({
      problem: 'This PDF could not be opened. Check the file, or save the minutes as text and import that.',
    });
  });
});
