import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { documentPages, documents } from '../../db/schema';
import type { FileStore } from '../../lib/files';
import { pdfPageTexts } from '../../lib/pdf-text';

/** A paper's text, page by page, or null when its PDF cannot be read for text (the paper is kept all the same). */
export async function readPaperText(bytes: Uint8Array): Promise<string[] | null> {
  try {
    return await pdfPageTexts(bytes);
  } catch {
    return null;
  }
}

/** Stores the text of a paper's pages (inside the caller's transaction), replacing any read before. */
export function keepPaperText(tx: Db, documentId: number, pages: string[] | null): void {
  tx.delete(documentPages).where(eq(documentPages.documentId, documentId)).run();
  const rows = (pages ?? []).flatMap((text, i) => (text ? [{ documentId, page: i + 1, text }] : []));
  // Inserted in runs: one statement per page would be as right, and slower for a long paper.
  for (let i = 0; i < rows.length; i += 200)
    tx.insert(documentPages)
      .values(rows.slice(i, i + 200))
      .run();
  tx.update(documents).set({ textPages: rows.length }).where(eq(documents.id, documentId)).run();
}

/**
 * Reads the text of every paper that has a file and has not been read yet
 * (papers uploaded before search existed), one at a time, so the server goes
 * on answering meanwhile. Returns how many were read.
 */
export async function readUnreadPapers(db: Db, files: FileStore, log: FastifyBaseLogger): Promise<number> {
  const unread = db
    .select({ id: documents.id, fileHash: documents.fileHash })
    .from(documents)
    .where(and(isNull(documents.textPages), isNotNull(documents.fileHash)))
    .all();
  let read = 0;
  for (const doc of unread) {
    let bytes: Uint8Array;
    try {
      bytes = files.readPaper(doc.fileHash ?? '');
    } catch (error) {
      log.warn({ err: error, documentId: doc.id }, 'a paper’s file could not be read for search');
      continue;
    }
    const pages = await readPaperText(bytes);
    db.transaction((tx) => keepPaperText(tx, doc.id, pages));
    read++;
  }
  return read;
}

/** Indexes whatever was written since it was last indexed (before reading the index outside a search). */
export { catchUp as indexWhatChanged } from './indexer';
