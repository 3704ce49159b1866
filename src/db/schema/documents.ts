import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { DOCUMENT_KINDS } from '../../lib/enums';
import { agendaItems } from './agenda';
import { inquiries } from './inquiries';
import { meetings } from './meetings';

/**
 * A paper: a report, appendix, response or background papers list. The file
 * itself is stored outside `static/`, named by its content hash.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer().references(() => meetings.id, { onDelete: 'restrict' }),
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    inquiryId: integer().references(() => inquiries.id, { onDelete: 'set null' }),
    title: text().notNull(),
    kind: text({ enum: DOCUMENT_KINDS }).notNull(),
    /** Order among the papers of its item. */
    position: integer().notNull().default(0),
    /** Paragraph 1–7 of Schedule 12A when exempt; null when open. */
    exemptParagraph: integer(),
    pageCount: integer(),
    /** Where the paper sits in the published agenda pack. */
    packStartPage: integer(),
    packEndPage: integer(),
    /** SHA-256 of the file's bytes; null until a file is attached. */
    fileHash: text(),
    fileName: text(),
    mimeType: text(),
    byteSize: integer(),
    /** How many pages of text were read from the file for search (0: none found); null until read. */
    textPages: integer(),
    ...timestamps,
  },
  (t) => [
    index('documents_meeting_idx').on(t.meetingId),
    index('documents_item_idx').on(t.agendaItemId, t.position),
    index('documents_inquiry_idx').on(t.inquiryId),
    index('documents_hash_idx').on(t.fileHash),
    check('documents_kind_check', oneOf(t.kind, DOCUMENT_KINDS)),
    check('documents_exempt_check', sql`${t.exemptParagraph} is null or (${t.exemptParagraph} between 1 and 7)`),
    check(
      'documents_pages_check',
      sql`${t.packStartPage} is null or ${t.packEndPage} is null or ${t.packStartPage} <= ${t.packEndPage}`,
    ),
  ],
);
