import { eq, max } from 'drizzle-orm';
import { PDFDocument, EncryptedPDFError } from 'pdf-lib';
import { inTransaction, type Db } from '../../../db/client';
import { paragraphFromForm } from '../../../lib/schedule12a';
import { uploadBytes, type FileStore, type UploadedFile } from '../../../lib/files';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import { recordAudit, type Actor } from '../../audit/commands';
import { documents } from '../../../db/schema';
import { DOCUMENT_KINDS } from '../../../lib/enums';
import { keepPaperText, readPaperText } from '../../search/commands';
import { openAgenda, openItem } from './guards';

async function inspectPdf(
  file: UploadedFile,
  maxBytes: number,
): Promise<{ ok: true; pages: number } | { ok: false; error: string }> {
  const limit = `${Math.round(maxBytes / (1024 * 1024))} MB`;
  if (file.truncated || file.size > maxBytes) return { ok: false, error: `The file must be smaller than ${limit}` };
  if (file.size === 0) return { ok: false, error: 'The selected file is empty' };
  const bytes = uploadBytes(file);
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return { ok: false, error: 'The selected file must be a PDF' };
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF'))
    return {
      ok: false,
      error: 'The PDF is incomplete: it may not have finished uploading or saving. Save it again and upload it',
    };
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    const pages = pdf.getPageCount();
    if (pages < 1) return { ok: false, error: 'The PDF has no pages' };
    return { ok: true, pages };
  } catch (error) {
    // pdf-lib's EncryptedPDFError does not survive instanceof (transpiled classes), so its message is checked too.
    if (error instanceof EncryptedPDFError || /is encrypted/.test((error as Error).message)) {
      return {
        ok: false,
        error: 'The PDF is password-protected or encrypted: save an unprotected copy and upload that',
      };
    }
    return { ok: false, error: 'The PDF cannot be read: it may be damaged. Save it again and upload it' };
  }
}

/** Uploads a paper (a PDF) and attaches it to an item. */
export async function attachPaper(
  db: Db,
  files: FileStore,
  actor: Actor,
  itemId: number,
  form: { title: string; kind: string; exemptParagraph: string },
  file: UploadedFile | null,
  maxBytes: number,
): Promise<Validated<{ documentId: number }>> {
  // A locked agenda takes no papers: said before the file is read (and checked again when saving).
  openItem(db, itemId);
  const errors: FieldErrors = {};
  const title = form.title.trim();
  if (!file || (!file.filename && file.size === 0)) errors.file = 'Select a PDF to upload';
  if (!title) errors.title = 'Enter the title of the paper';
  else if (title.length > 300) errors.title = 'Title must be 300 characters or fewer';
  if (!(DOCUMENT_KINDS as readonly string[]).includes(form.kind)) errors.kind = 'Select the kind of paper';
  if (paragraphFromForm(form.exemptParagraph) === null)
    errors.exemptParagraph = 'Select a paragraph of Schedule 12A, from 1 to 7';
  let pages = 0;
  if (file && !errors.file) {
    const inspected = await inspectPdf(file, maxBytes);
    if (!inspected.ok) errors.file = inspected.error;
    else pages = inspected.pages;
  }
  if (Object.keys(errors).length > 0 || !file) return invalid(errors);
  // Its words, page by page, for search (a scan has none: the paper is attached all the same).
  const text = await readPaperText(uploadBytes(file));
  const hash = files.keepPaper(file);
  return inTransaction(db, (tx) => {
    const item = openItem(tx, itemId);
    const position =
      (tx
        .select({ p: max(documents.position) })
        .from(documents)
        .where(eq(documents.agendaItemId, itemId))
        .get()?.p ?? 0) + 1;
    const doc = tx
      .insert(documents)
      .values({
        meetingId: item.meetingId,
        agendaItemId: itemId,
        title,
        kind: form.kind as (typeof DOCUMENT_KINDS)[number],
        position,
        exemptParagraph: form.exemptParagraph === '' ? null : Number(form.exemptParagraph),
        pageCount: pages,
        fileHash: hash,
        fileName: file.filename.slice(0, 255) || 'paper.pdf',
        mimeType: 'application/pdf',
        byteSize: file.size,
      })
      .returning()
      .get();
    keepPaperText(tx, doc.id, text);
    recordAudit(tx, actor, {
      action: 'agenda.paper_add',
      recordType: 'meeting',
      recordId: item.meetingId,
      after: { item: item.title, paper: title, pages, bytes: file.size, sha256: hash },
    });
    return valid({ documentId: doc.id });
  });
}

/** Takes a paper off its item (the file is kept: a published version may show it). */
export function detachPaper(db: Db, actor: Actor, documentId: number): void {
  db.transaction((tx) => {
    const doc = tx.select().from(documents).where(eq(documents.id, documentId)).get();
    if (!doc) throw new Error(`No document ${documentId}`);
    if (doc.meetingId !== null) openAgenda(tx, doc.meetingId);
    tx.update(documents).set({ agendaItemId: null }).where(eq(documents.id, documentId)).run();
    recordAudit(tx, actor, {
      action: 'agenda.paper_remove',
      recordType: 'meeting',
      recordId: doc.meetingId,
      before: { paper: doc.title },
    });
  });
}
