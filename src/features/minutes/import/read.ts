import { docxText } from '../../../lib/docx-text';
import { pdfPageTexts } from '../../../lib/pdf-text';
import {
  EMPTY_MINUTES,
  MAX_IMPORT_BYTES,
  decodeMinutesFile,
  parseMinutesText,
  type MinutesEncoding,
  type ParsedMinutes,
} from './parse';

/** A Word or PDF file may be this large; its text is still held to MAX_IMPORT_BYTES. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const sized = (text: string, encoding: MinutesEncoding) =>
  Buffer.byteLength(text) > MAX_IMPORT_BYTES
    ? { problem: 'The text of this file is larger than 1 MB: check it is the minutes of one meeting.' }
    : { text, encoding };

/**
 * The text of an uploaded file of minutes: plain text as it is (UTF-8, or
 * Windows-1252 as older Word saves it), a Word document paragraph by
 * paragraph, a PDF line by line, page after page. Or why it cannot be read.
 */
export async function readMinutesFile(
  bytes: Uint8Array,
): Promise<{ text: string; encoding: MinutesEncoding } | { problem: string }> {
  if (bytes.length > MAX_IMPORT_FILE_BYTES)
    return { problem: 'The file is larger than 20 MB. Check it is the minutes of one meeting.' };
  if (isPdf(bytes)) {
    try {
      const pages = await pdfPageTexts(bytes);
      const text = pages.join('\n\n').trim();
      if (text === '')
        return {
          problem:
            'This PDF has no text to read (it may be a scan). Import the minutes as text, a Word document or a PDF saved from Word.',
        };
      return sized(text, 'pdf');
    } catch {
      return { problem: 'This PDF could not be opened. Check the file, or save the minutes as text and import that.' };
    }
  }
  if (isZip(bytes)) {
    try {
      const text = await docxText(bytes);
      if (text === '') return { problem: 'This Word document has no text.' };
      return sized(text, 'docx');
    } catch {
      return {
        problem:
          'This is not a Word document (.docx) that can be read. Save the minutes as a Word document (.docx) or as plain text (.txt), and import that.',
      };
    }
  }
  return decodeMinutesFile(bytes);
}

/** Reads an uploaded file (`readMinutesFile`), then `parseMinutesText`. */
export async function parseMinutesUpload(bytes: Uint8Array): Promise<ParsedMinutes & { text: string }> {
  const read = await readMinutesFile(bytes);
  if ('problem' in read) return { ...EMPTY_MINUTES(), problems: [read.problem], text: '' };
  return { ...parseMinutesText(read.text), encoding: read.encoding, text: read.text };
}
