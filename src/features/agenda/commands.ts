import { and, asc, desc, eq, gt, lt, max, ne, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { PDFDocument, EncryptedPDFError } from 'pdf-lib';
import { inTransaction, type Db } from '../../db/client';
import { formatDate, formatDateTime, londonDate } from '../../lib/dates';
import { agendaPublishBy } from '../../lib/deadlines';
import { optionalText, parseTime, requiredText } from '../../lib/forms';
import { paragraphFromForm } from '../../lib/schedule12a';
import type { FileStore, UploadedFile } from '../../lib/files';
import { invalid, valid, validate, type FieldErrors, type Validated } from '../../lib/validation';
import { recordAudit, systemActor, type Actor } from '../audit/commands';
import { LockedError } from '../../lib/errors';
import {
  resolutions,
  actions,
  meetings,
  documents,
  workProgrammeEntries,
  agendaItemPresenters,
  agendaItems,
  agendaVersions,
} from '../../db/schema';
import { getMeetingWithCommittee } from '../meetings/queries';
import { DOCUMENT_KINDS, AGENDA_ITEM_KINDS, type AgendaItemKind } from '../../lib/enums';
import { checkPersonChoice, personFromChoice } from '../people/commands';
import { agendaVersionRow, buildAgendaSnapshot } from './queries';
import { layoutPack } from './pack';
import { packInputFor } from './pack-input';

type Meeting = typeof meetings.$inferSelect;

/** The meeting, while its agenda may change: once its minutes are approved, the agenda is part of that record. */
function openAgenda(db: Db, meetingId: number): Meeting {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new Error(`No meeting ${meetingId}`);
  if (meeting.minutesStatus === 'approved') {
    throw new LockedError(
      'The minutes of this meeting are approved, so its agenda is part of the record and cannot be changed.',
    );
  }
  return meeting;
}

/** An item, while its agenda may change. */
function openItem(db: Db, itemId: number): typeof agendaItems.$inferSelect {
  const item = db.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!item) throw new Error(`No item ${itemId}`);
  openAgenda(db, item.meetingId);
  return item;
}

/** Renumbers a meeting's items 1…n in their current order. */
function renumber(db: Db, meetingId: number): void {
  const items = db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  items.forEach((item, i) =>
    db
      .update(agendaItems)
      .set({ position: i + 1 })
      .where(eq(agendaItems.id, item.id))
      .run(),
  );
}

function nextPosition(db: Db, meetingId: number): number {
  return (
    (db
      .select({ p: max(agendaItems.position) })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .get()?.p ?? 0) + 1
  );
}

const itemSchema = z
  .object({
    title: requiredText(300, 'Enter the title of the item', 'Title'),
    purpose: z.string().trim().max(5000, 'Purpose must be 5,000 characters or fewer'),
    kind: z.enum(AGENDA_ITEM_KINDS, { message: 'Select the kind of item' }),
    plannedStart: z
      .string()
      .refine((v) => v.trim() === '' || parseTime(v) !== null, 'Start time must be a real time, like 10:05 or 2pm')
      .transform((v) => (v.trim() === '' ? null : parseTime(v))),
    durationMinutes: z
      .string()
      .trim()
      .refine((v) => v === '' || /^\d{1,3}$/.test(v), 'Duration must be a whole number of minutes, like 20')
      .transform((v) => (v === '' ? null : Number(v)))
      .refine((v) => v === null || (v >= 1 && v <= 600), 'Duration must be between 1 and 600 minutes'),
    exemptParagraph: z
      .string()
      .trim()
      .refine((v) => paragraphFromForm(v) !== null, 'Select a paragraph of Schedule 12A, from 1 to 7')
      .transform((v) => (v === '' ? null : Number(v))),
    exemptReason: optionalText(2000, 'Public interest reason'),
  })
  .superRefine((v, ctx) => {
    if (v.exemptParagraph !== null && !v.exemptReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['exemptReason'],
        message:
          'Enter why the public interest in keeping the information private outweighs the interest in publishing it',
      });
    }
  });

function checkItem(form: Record<string, string>): Validated<z.output<typeof itemSchema>> {
  const checked = validate(itemSchema, form);
  if (!checked.ok) return checked;
  return valid({
    ...checked.value,
    exemptReason: checked.value.exemptParagraph === null ? null : checked.value.exemptReason,
  });
}

/** Adds an item at the end of a meeting's draft agenda. */
export function addItem(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<string, string>,
): Validated<{ itemId: number }> {
  return inTransaction(db, (tx) => {
    openAgenda(tx, meetingId);
    const checked = checkItem(form);
    if (!checked.ok) return checked;
    const item = tx
      .insert(agendaItems)
      .values({ meetingId, position: nextPosition(tx, meetingId), ...checked.value })
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'agenda.item_add',
      recordType: 'meeting',
      recordId: meetingId,
      after: { item: item.title },
    });
    return valid({ itemId: item.id });
  });
}

/** Changes an item of the draft agenda. */
export function updateItem(
  db: Db,
  actor: Actor,
  itemId: number,
  form: Record<string, string>,
): Validated<{ itemId: number }> {
  return inTransaction(db, (tx) => {
    const before = openItem(tx, itemId);
    const checked = checkItem(form);
    if (!checked.ok) return checked;
    const after = tx.update(agendaItems).set(checked.value).where(eq(agendaItems.id, itemId)).returning().get();
    const pick = (i: typeof before) => ({
      item: i.title,
      purpose: i.purpose,
      kind: i.kind,
      plannedStart: i.plannedStart,
      durationMinutes: i.durationMinutes,
      exemptParagraph: i.exemptParagraph,
    });
    recordAudit(tx, actor, {
      action: 'agenda.item_change',
      recordType: 'meeting',
      recordId: before.meetingId,
      before: pick(before),
      after: pick(after),
    });
    return valid({ itemId });
  });
}

/**
 * Removes an item from the draft agenda; its papers stay on file (published
 * versions may show them). An item whose minute has been taken keeps it:
 * the minute, resolutions and actions are taken off on the minutes screen first.
 */
export function removeItem(db: Db, actor: Actor, itemId: number): Validated<null> {
  return inTransaction(db, (tx) => {
    const item = openItem(tx, itemId);
    const resolved = tx
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(eq(resolutions.agendaItemId, itemId))
      .all().length;
    const actioned = tx.select({ id: actions.id }).from(actions).where(eq(actions.agendaItemId, itemId)).all().length;
    if (item.minuteText.trim() !== '' || resolved > 0 || actioned > 0) {
      return invalid({
        _form: `“${item.title}” has its minute recorded${resolved + actioned > 0 ? ` (${resolved} resolution${resolved === 1 ? '' : 's'}, ${actioned} action${actioned === 1 ? '' : 's'})` : ''}: removing it would lose them. Take them off on the minutes screen first.`,
      });
    }
    tx.update(documents).set({ agendaItemId: null }).where(eq(documents.agendaItemId, itemId)).run();
    tx.update(workProgrammeEntries)
      .set({ agendaItemId: null, status: 'proposed' })
      .where(eq(workProgrammeEntries.agendaItemId, itemId))
      .run();
    tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).run();
    renumber(tx, item.meetingId);
    recordAudit(tx, actor, {
      action: 'agenda.item_remove',
      recordType: 'meeting',
      recordId: item.meetingId,
      before: { item: item.title },
    });
    return valid(null);
  });
}

/** Moves an item one place up or down. */
export function moveItem(db: Db, actor: Actor, itemId: number, direction: 'up' | 'down'): void {
  db.transaction((tx) => {
    const item = openItem(tx, itemId);
    renumber(tx, item.meetingId);
    const current = tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
    if (!current) return;
    const neighbour = tx
      .select()
      .from(agendaItems)
      .where(
        and(
          eq(agendaItems.meetingId, item.meetingId),
          direction === 'up' ? lt(agendaItems.position, current.position) : gt(agendaItems.position, current.position),
        ),
      )
      .orderBy(direction === 'up' ? desc(agendaItems.position) : asc(agendaItems.position))
      .limit(1)
      .get();
    if (!neighbour) return;
    tx.update(agendaItems).set({ position: neighbour.position }).where(eq(agendaItems.id, current.id)).run();
    tx.update(agendaItems).set({ position: current.position }).where(eq(agendaItems.id, neighbour.id)).run();
    recordAudit(tx, actor, {
      action: 'agenda.item_move',
      recordType: 'meeting',
      recordId: item.meetingId,
      before: { item: item.title, number: current.position },
      after: { item: item.title, number: neighbour.position },
    });
  });
}

/**
 * Starts an empty agenda with the committee's standard items: apologies,
 * declarations, the previous meeting's minutes (linked to them), public
 * questions, the chairman's update, the work programme, the next meeting.
 */
export function startWithStandardItems(db: Db, actor: Actor, meetingId: number): Validated<{ count: number }> {
  return inTransaction(db, (tx) => {
    const meeting = openAgenda(tx, meetingId);
    if (tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).get()) {
      return invalid({ _form: 'This agenda already has items: the standard items are only for an empty agenda' });
    }
    const previous = tx
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.committeeId, meeting.committeeId),
          lt(meetings.startsAt, meeting.startsAt),
          notInArray(meetings.status, ['cancelled', 'postponed']),
        ),
      )
      .orderBy(desc(meetings.startsAt))
      .limit(1)
      .get();
    const next = tx
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.committeeId, meeting.committeeId),
          gt(meetings.startsAt, meeting.startsAt),
          ne(meetings.status, 'cancelled'),
        ),
      )
      .orderBy(asc(meetings.startsAt))
      .limit(1)
      .get();
    const standard: {
      kind: AgendaItemKind;
      title: string;
      purpose: string;
      confirmsMinutesOfMeetingId?: number | null;
    }[] = [
      { kind: 'apologies', title: 'Apologies for absence and changes in membership', purpose: '' },
      { kind: 'declarations', title: 'Declarations of interest', purpose: '' },
      {
        kind: 'minutes',
        title: 'Minutes',
        purpose: previous
          ? `To confirm the minutes of the meeting held on ${formatDate(previous.startsAt)}.`
          : 'To confirm the minutes of the previous meeting.',
        confirmsMinutesOfMeetingId: previous?.id ?? null,
      },
      { kind: 'public_questions', title: 'Public questions', purpose: '' },
      {
        kind: 'chairmans_update',
        title: 'Chairman’s update',
        purpose: 'For the Chairman to update members on activities since the last meeting.',
      },
      {
        kind: 'work_programme',
        title: 'Work programme',
        purpose: 'For the Committee to consider and agree its work programme.',
      },
      {
        kind: 'next_meeting',
        title: 'Date of next meeting',
        purpose: next ? `The next meeting is due to take place on ${formatDateTime(next.startsAt)}.` : '',
      },
    ];
    standard.forEach((item, i) =>
      tx
        .insert(agendaItems)
        .values({ meetingId, position: i + 1, ...item })
        .run(),
    );
    recordAudit(tx, actor, {
      action: 'agenda.standard_items',
      recordType: 'meeting',
      recordId: meetingId,
      after: { items: standard.length },
    });
    return valid({ count: standard.length });
  });
}

/** Puts a work programme entry planned for this meeting on its agenda. */
export function addFromWorkProgramme(
  db: Db,
  actor: Actor,
  meetingId: number,
  entryId: number,
): Validated<{ itemId: number }> {
  return inTransaction(db, (tx) => {
    openAgenda(tx, meetingId);
    const entry = tx.select().from(workProgrammeEntries).where(eq(workProgrammeEntries.id, entryId)).get();
    if (!entry || entry.plannedMeetingId !== meetingId)
      return invalid({ _form: 'That topic is not planned for this meeting' });
    if (entry.agendaItemId !== null) return invalid({ _form: 'That topic is already on the agenda' });
    const item = tx
      .insert(agendaItems)
      .values({
        meetingId,
        position: nextPosition(tx, meetingId),
        kind: 'business',
        title: entry.topic,
        purpose: entry.purpose,
      })
      .returning()
      .get();
    tx.update(workProgrammeEntries)
      .set({ agendaItemId: item.id, status: 'scheduled' })
      .where(eq(workProgrammeEntries.id, entryId))
      .run();
    recordAudit(tx, actor, {
      action: 'agenda.item_add',
      recordType: 'meeting',
      recordId: meetingId,
      after: { item: item.title, fromWorkProgramme: entryId },
    });
    return valid({ itemId: item.id });
  });
}

/**
 * Adds a presenter to an item: someone from the directory, or a new person
 * added to the directory there and then, with the capacity they present in.
 */
export function addPresenter(
  db: Db,
  actor: Actor,
  itemId: number,
  form: { personId: string; newPersonName: string; capacity: string },
): Validated<{ presenterId: number }> {
  const ids = { personId: `presenter-${itemId}-personId`, newPersonName: `presenter-${itemId}-newPersonName` };
  return inTransaction(db, (tx) => {
    const item = openItem(tx, itemId);
    const errors = checkPersonChoice(form, ids);
    if (form.capacity.trim().length > 300)
      errors[`presenter-${itemId}-capacity`] = 'Capacity must be 300 characters or fewer';
    if (Object.keys(errors).length > 0) return invalid(errors);
    const id = personFromChoice(tx, actor, form, 'partner');
    if (id === null) return invalid({ [ids.personId]: 'Select a person from the list' });
    const position =
      (tx
        .select({ p: max(agendaItemPresenters.position) })
        .from(agendaItemPresenters)
        .where(eq(agendaItemPresenters.agendaItemId, itemId))
        .get()?.p ?? 0) + 1;
    const presenter = tx
      .insert(agendaItemPresenters)
      .values({ agendaItemId: itemId, personId: id, capacity: form.capacity.trim() || null, position })
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'agenda.presenter_add',
      recordType: 'meeting',
      recordId: item.meetingId,
      after: { item: item.title, personId: id, capacity: presenter.capacity },
    });
    return valid({ presenterId: presenter.id });
  });
}

export function removePresenter(db: Db, actor: Actor, presenterId: number): void {
  db.transaction((tx) => {
    const row = tx
      .select({ p: agendaItemPresenters, meetingId: agendaItems.meetingId, title: agendaItems.title })
      .from(agendaItemPresenters)
      .innerJoin(agendaItems, eq(agendaItems.id, agendaItemPresenters.agendaItemId))
      .where(eq(agendaItemPresenters.id, presenterId))
      .get();
    if (!row) throw new Error(`No presenter ${presenterId}`);
    openAgenda(tx, row.meetingId);
    tx.delete(agendaItemPresenters).where(eq(agendaItemPresenters.id, presenterId)).run();
    recordAudit(tx, actor, {
      action: 'agenda.presenter_remove',
      recordType: 'meeting',
      recordId: row.meetingId,
      before: { item: row.title, personId: row.p.personId },
    });
  });
}

/** Checks that an upload really is a whole, readable, unencrypted PDF; returns its page count or what is wrong. */
async function inspectPdf(
  file: UploadedFile,
  maxBytes: number,
): Promise<{ ok: true; pages: number } | { ok: false; error: string }> {
  const limit = `${Math.round(maxBytes / (1024 * 1024))} MB`;
  if (file.truncated || file.bytes.length > maxBytes)
    return { ok: false, error: `The file must be smaller than ${limit}` };
  if (file.bytes.length === 0) return { ok: false, error: 'The selected file is empty' };
  const head = Buffer.from(file.bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return { ok: false, error: 'The selected file must be a PDF' };
  const tail = Buffer.from(file.bytes.subarray(Math.max(0, file.bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF'))
    return {
      ok: false,
      error: 'The PDF is incomplete: it may not have finished uploading or saving. Save it again and upload it',
    };
  try {
    const pdf = await PDFDocument.load(file.bytes, { updateMetadata: false, throwOnInvalidObject: true });
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
  const prefix = `paper-${itemId}-`;
  const errors: FieldErrors = {};
  const title = form.title.trim();
  if (!file || (!file.filename && file.bytes.length === 0)) errors[`${prefix}file`] = 'Select a PDF to upload';
  if (!title) errors[`${prefix}title`] = 'Enter the title of the paper';
  else if (title.length > 300) errors[`${prefix}title`] = 'Title must be 300 characters or fewer';
  if (!(DOCUMENT_KINDS as readonly string[]).includes(form.kind)) errors[`${prefix}kind`] = 'Select the kind of paper';
  if (paragraphFromForm(form.exemptParagraph) === null)
    errors[`${prefix}exemptParagraph`] = 'Select a paragraph of Schedule 12A, from 1 to 7';
  let pages = 0;
  if (file && !errors[`${prefix}file`]) {
    const inspected = await inspectPdf(file, maxBytes);
    if (!inspected.ok) errors[`${prefix}file`] = inspected.error;
    else pages = inspected.pages;
  }
  if (Object.keys(errors).length > 0 || !file) return invalid(errors);
  const hash = files.putPaper(file.bytes);
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
        byteSize: file.bytes.length,
      })
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'agenda.paper_add',
      recordType: 'meeting',
      recordId: item.meetingId,
      after: { item: item.title, paper: title, pages, bytes: file.bytes.length, sha256: hash },
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

export interface PublishAgendaInput {
  meetingId: number;
  publishedAt: Date;
  changeSummary?: string | null;
  lateReason?: string | null;
  chairmanAgreement?: string | null;
  publishedByUserId?: number | null;
}

/** Whether publishing now is after the last day the law allows, under the committee's notice period. */
function isLate(db: Db, meetingId: number, at: Date): { late: boolean; deadline: string } {
  const row = getMeetingWithCommittee(db, meetingId);
  if (!row) throw new Error(`No meeting ${meetingId}`);
  const deadline = agendaPublishBy(londonDate(row.meeting.startsAt), row.committee.noticeClearDays);
  return { late: londonDate(at) > deadline, deadline };
}

/**
 * Publishes the agenda as it stands: freezes it into a new version (1 for
 * the agenda, 2, 3 … for supplements), lays out its pack so the page ranges
 * are fixed, and marks the pack for building. After the statutory deadline
 * the special circumstances and the chairman's agreement are required, and
 * items new in this version are marked as added late, with the reason.
 */
export function publishAgenda(
  db: Db,
  input: PublishAgendaInput,
  actor: Actor = systemActor('agenda'),
): Validated<{ versionId: number; version: number }> {
  const changeSummary = input.changeSummary?.trim() || null;
  const lateReason = input.lateReason?.trim() || null;
  const chairmanAgreement = input.chairmanAgreement?.trim() || null;
  return inTransaction(db, (tx) => {
    openAgenda(tx, input.meetingId);
    const items = tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, input.meetingId))
      .all();
    if (items.length === 0) return invalid({ _form: 'Add at least one item before publishing the agenda' });
    const previous = agendaVersionRow(tx, input.meetingId);
    const version = (previous?.version ?? 0) + 1;
    const { late, deadline } = isLate(tx, input.meetingId, input.publishedAt);
    const errors: FieldErrors = {};
    if (version > 1 && !changeSummary)
      errors.changeSummary = 'Say what has changed since the last version: the public agenda shows it';
    if (late && !lateReason)
      errors.lateReason =
        'Enter the special circumstances that make this publication late: the agenda and the minutes will state them';
    if (late && !chairmanAgreement) errors.chairmanAgreement = 'Record the chairman’s agreement: who agreed, and when';
    if ((changeSummary?.length ?? 0) > 2000) errors.changeSummary = 'Summary must be 2,000 characters or fewer';
    if ((lateReason?.length ?? 0) > 2000) errors.lateReason = 'Reason must be 2,000 characters or fewer';
    if ((chairmanAgreement?.length ?? 0) > 500) errors.chairmanAgreement = 'Agreement must be 500 characters or fewer';
    if (Object.keys(errors).length > 0) return invalid(errors);

    // Items new since the last version, published late, carry the reason. (A first agenda published late says so as a whole.)
    if (late && previous) {
      const before = new Set(previous?.snapshot.items.map((i) => i.id) ?? []);
      for (const item of items) {
        if (!before.has(item.id)) tx.update(agendaItems).set({ lateReason }).where(eq(agendaItems.id, item.id)).run();
      }
    }
    const snapshot = buildAgendaSnapshot(tx, input.meetingId);
    const layout = layoutPack(packInputFor(tx, input.meetingId, snapshot, version));
    for (const item of snapshot.items) {
      for (const paper of item.papers) {
        const range = layout.ranges.get(paper.documentId);
        paper.packStartPage = range?.start ?? null;
        paper.packEndPage = range?.end ?? null;
      }
    }
    const row = tx
      .insert(agendaVersions)
      .values({
        meetingId: input.meetingId,
        version,
        publishedAt: input.publishedAt,
        changeSummary,
        lateReason: late ? lateReason : null,
        chairmanAgreement: late ? chairmanAgreement : null,
        snapshot,
        publishedByUserId: input.publishedByUserId ?? null,
        packStatus: 'pending',
        packFrontPages: layout.frontPages,
      })
      .returning({ id: agendaVersions.id })
      .get();
    tx.update(meetings).set({ agendaStatus: 'published' }).where(eq(meetings.id, input.meetingId)).run();
    recordAudit(tx, actor, {
      action: 'agenda.publish',
      recordType: 'meeting',
      recordId: input.meetingId,
      after: {
        version,
        items: snapshot.items.length,
        late,
        deadline,
        lateReason: late ? lateReason : null,
        changeSummary,
      },
      at: input.publishedAt,
    });
    return valid({ versionId: row.id, version });
  });
}
