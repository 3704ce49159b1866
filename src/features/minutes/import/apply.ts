/**
 * Turning parsed minutes into a meeting's minutes: first a plan the clerk can
 * read (who each name is, which agenda item each minute goes to, what it would
 * replace, what could not be read), then, once confirmed, the import itself
 * in one transaction with one audit entry.
 */
import { createHash } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Db } from '../../../db/client';
import { formatCalendarDate, fromLondon, londonDate } from '../../../lib/dates';
import { invalid, valid, type Validated } from '../../../lib/validation';
import { recordAudit, type Actor } from '../../audit/commands';
import {
  meetings,
  agendaItems,
  people,
  actionOwners,
  actionUpdates,
  actions,
  attendance,
  declarations,
  minutesVersions,
  resolutions,
} from '../../../db/schema';
import type { AgendaItemKind, AttendanceStatus } from '../../../lib/enums';
import type { NameMatch } from '../names';
import { meetingNameMatcher } from '../queries';
import { LockedError } from '../../../lib/errors';
import { numberActions } from '../../actions/commands';
import type { ParsedAction, ParsedDeclaration, ParsedItem, ParsedMinutes } from './parse';

export interface PlannedName {
  written: string;
  /** The directory entry it means, or null: someone new is added under the written name. */
  person: { id: number; name: string; how: NameMatch['how'] } | null;
}

export interface PlannedAttendee extends PlannedName {
  status: AttendanceStatus;
  virtual: boolean;
  substituteFor: PlannedName | null;
  isMember: boolean;
}

export interface PlannedItem extends Omit<ParsedItem, 'actions'> {
  /** The agenda item it goes to, or null: a new item is added. */
  target: { id: number; title: string } | null;
  actions: (ParsedAction & { ownerNames: PlannedName[] })[];
}

export interface PlannedDeclaration extends ParsedDeclaration {
  person: PlannedName['person'];
  /** Only members (and substitutes) declare interests; anyone else's stays in the text only. */
  recorded: boolean;
}

export interface ImportPlan {
  parsed: ParsedMinutes;
  attendance: PlannedAttendee[];
  declarations: PlannedDeclaration[];
  items: PlannedItem[];
  /** Worth a look, but the import can go ahead. */
  warnings: string[];
  /** Why the import cannot be saved. */
  blockers: string[];
  /** What is there now and would be replaced. */
  replaces: { attendance: number; declarations: number; resolutions: number; actions: number; minuteTexts: number };
}

const KIND_BY_TITLE: [RegExp, AgendaItemKind][] = [
  [/apolog/i, 'apologies'],
  [/declarations? of interest/i, 'declarations'],
  [/^minutes\b|minutes of the (?:previous|last) meeting/i, 'minutes'],
  [/public questions?/i, 'public_questions'],
  [/chair(?:man)?'?s?’?s? update/i, 'chairmans_update'],
  [/work programme/i, 'work_programme'],
  [/date of (?:the )?next meeting/i, 'next_meeting'],
];

function kindOf(title: string): AgendaItemKind {
  return KIND_BY_TITLE.find(([pattern]) => pattern.test(title))?.[1] ?? 'business';
}

/** Reads what the parsed minutes would do to a meeting's minutes, without changing anything. */
export function planImport(db: Db, meetingId: number, parsed: ParsedMinutes): ImportPlan {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new Error(`No meeting ${meetingId}`);
  const day = londonDate(meeting.startsAt);
  const names = meetingNameMatcher(db, meeting);
  const memberIds = new Set(names.members.map((m) => m.personId));
  const blockers: string[] = [];
  const warnings: string[] = [];

  // Names: the committee's members first, then whoever the minutes list as attending.
  const named = (written: string): PlannedName => ({ written, person: names.match(written) });
  const planned: PlannedAttendee[] = [];
  const seen = new Set<number>();
  const add = (list: ParsedMinutes['attendance']['present'], status: AttendanceStatus) => {
    for (const a of list) {
      const who = named(a.name);
      if (who.person && seen.has(who.person.id)) {
        warnings.push(`${a.name} is listed twice in the attendance: recorded once.`);
        continue;
      }
      if (who.person) {
        seen.add(who.person.id);
        names.prefer(who.person.id);
      }
      planned.push({
        ...who,
        status,
        virtual: a.virtual,
        substituteFor: a.substituteFor ? named(a.substituteFor) : null,
        isMember: who.person !== null && memberIds.has(who.person.id),
      });
    }
  };
  add(parsed.attendance.present, 'present');
  add(parsed.attendance.apologies, 'apologies');
  add(parsed.attendance.absent, 'absent');
  add(parsed.attendance.inAttendance, 'in_attendance');
  for (const a of planned) {
    if (a.status === 'present' && !a.isMember && !a.substituteFor) {
      warnings.push(
        `${a.written} is listed as present but is not a member of the committee on ${formatCalendarDate(day)}: shown with the others in attendance.`,
      );
    }
  }

  const items = db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  const plannedItems: PlannedItem[] = parsed.items.map((item, i) => {
    const target = items[i];
    return {
      ...item,
      target: target ? { id: target.id, title: target.title } : null,
      actions: item.actions.map((a) => ({ ...a, ownerNames: a.owners.map(named) })),
    };
  });
  plannedItems.forEach((item, index) => {
    if (item.target && normaliseTitle(item.target.title) !== normaliseTitle(item.title)) {
      warnings.push(
        `Item ${item.number} of the minutes, “${item.title}”, goes to agenda item ${index + 1}, “${item.target.title}”: check they are the same.`,
      );
    }
  });
  if (plannedItems.length < items.length && plannedItems.length > 0) {
    warnings.push(
      `The agenda has ${items.length} items and the minutes ${plannedItems.length}: the last ${items.length - plannedItems.length} keep what they have.`,
    );
  }

  const declared: PlannedDeclaration[] = parsed.declarations.map((d) => {
    const who = named(d.name);
    const attendee = planned.find((a) => a.person && who.person && a.person.id === who.person.id);
    const recorded =
      who.person !== null && (memberIds.has(who.person.id) || (attendee?.substituteFor ?? null) !== null);
    if (!recorded)
      warnings.push(
        `${d.name} declared an interest under item ${d.minutedUnder} but is not a member of the committee: it stays in the minute text only.`,
      );
    else if (!d.kindStated)
      warnings.push(
        `The minutes do not say which kind of interest ${d.name} declared: recorded as “other registrable”; check it on the minutes screen.`,
      );
    return { ...d, person: who.person, recorded };
  });

  if (parsed.date && parsed.date !== day) {
    warnings.push(
      `The minutes are of a meeting on ${formatCalendarDate(parsed.date)}, but this meeting is on ${formatCalendarDate(day)}.`,
    );
  }
  if (meeting.minutesStatus === 'approved')
    blockers.push('The minutes of this meeting are approved and locked: nothing can be imported into them.');
  if (meeting.status === 'cancelled' || meeting.status === 'postponed')
    blockers.push(`This meeting was ${meeting.status}, so it has no minutes.`);
  if (parsed.items.length === 0 || parsed.problems.some((p) => p.startsWith('No numbered items')))
    blockers.push('No numbered items could be read, so there is nothing to import.');

  const itemIds = items.map((i) => i.id);
  const existingActions =
    itemIds.length === 0
      ? []
      : db.select({ id: actions.id }).from(actions).where(inArray(actions.agendaItemId, itemIds)).all();
  const existingResolutions =
    itemIds.length === 0
      ? []
      : db.select({ id: resolutions.id }).from(resolutions).where(inArray(resolutions.agendaItemId, itemIds)).all();
  const replaces = {
    attendance: db.select({ id: attendance.id }).from(attendance).where(eq(attendance.meetingId, meetingId)).all()
      .length,
    declarations: db
      .select({ id: declarations.id })
      .from(declarations)
      .where(eq(declarations.meetingId, meetingId))
      .all().length,
    resolutions: existingResolutions.length,
    actions: existingActions.length,
    minuteTexts: items.filter((i) => i.minuteText.trim() !== '').length,
  };
  if (
    existingActions.length > 0 &&
    db
      .select({ id: actionUpdates.id })
      .from(actionUpdates)
      .where(
        inArray(
          actionUpdates.actionId,
          existingActions.map((a) => a.id),
        ),
      )
      .get()
  ) {
    blockers.push(
      'Progress has been recorded on actions of this meeting: importing would replace them and lose it. Record the minutes on the minutes screen instead.',
    );
  }
  if (
    existingResolutions.length > 0 &&
    db
      .select({ id: minutesVersions.id })
      .from(minutesVersions)
      .where(
        inArray(
          minutesVersions.approvingResolutionId,
          existingResolutions.map((r) => r.id),
        ),
      )
      .get()
  ) {
    blockers.push(
      'This meeting has already recorded the approval of earlier minutes: importing would replace that resolution. Record the minutes on the minutes screen instead.',
    );
  }
  return { parsed, attendance: planned, declarations: declared, items: plannedItems, warnings, blockers, replaces };
}

function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

export interface ImportSummary {
  /** What the clerk should check, from the plan the import followed. */
  warnings: string[];
  items: number;
  attendees: number;
  declarations: number;
  resolutions: number;
  actions: number;
  newPeople: number;
}

/**
 * Imports parsed minutes into a meeting, replacing what its minutes held, in
 * one transaction: the plan is made again inside it, so what is saved is
 * what the text says now, not what a browser sent back.
 */
export function applyImport(
  db: Db,
  actor: Actor,
  meetingId: number,
  parsed: ParsedMinutes,
  source: string | Uint8Array,
  now: Date,
): Validated<ImportSummary> {
  return inTransaction(db, (tx) => {
    const plan = planImport(tx, meetingId, parsed);
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) throw new Error(`No meeting ${meetingId}`);
    if (plan.blockers.length > 0) {
      if (meeting.minutesStatus === 'approved') throw new LockedError(plan.blockers.join(' '));
      return invalid({ _form: plan.blockers.join(' ') });
    }
    const day = londonDate(meeting.startsAt);
    let newPeople = 0;
    const created = new Map<string, number>();
    const personFor = (name: PlannedName, kind: 'councillor' | 'officer' | 'partner'): number => {
      if (name.person) return name.person.id;
      const key = name.written.toLowerCase();
      const known = created.get(key);
      if (known !== undefined) return known;
      const row = tx.insert(people).values({ name: name.written, kind }).returning({ id: people.id }).get();
      created.set(key, row.id);
      newPeople++;
      return row.id;
    };

    // Out with what the minutes held.
    const items = tx
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position), asc(agendaItems.id))
      .all();
    const itemIds = items.map((i) => i.id);
    if (itemIds.length > 0) {
      tx.delete(resolutions).where(inArray(resolutions.agendaItemId, itemIds)).run();
      tx.delete(actions).where(inArray(actions.agendaItemId, itemIds)).run();
    }
    tx.delete(declarations).where(eq(declarations.meetingId, meetingId)).run();
    tx.delete(attendance).where(eq(attendance.meetingId, meetingId)).run();

    // Attendance.
    const attendeeIds = new Set<number>();
    plan.attendance.forEach((a, i) => {
      const personId = personFor(a, a.status === 'in_attendance' ? 'officer' : 'councillor');
      if (attendeeIds.has(personId)) return;
      attendeeIds.add(personId);
      const substituteFor = a.substituteFor ? personFor(a.substituteFor, 'councillor') : null;
      tx.insert(attendance)
        .values({
          meetingId,
          personId,
          status: a.status,
          virtual: a.virtual,
          substituteForPersonId: substituteFor,
          position: i + 1,
        })
        .run();
    });

    // Items: each minute to the agenda item in its place, or a new item.
    let position = items.length;
    const itemIdByNumber = new Map<number, number>();
    let resolutionCount = 0;
    let actionCount = 0;
    for (const item of plan.items) {
      let itemId = item.target?.id;
      if (itemId === undefined) {
        position++;
        itemId = tx
          .insert(agendaItems)
          .values({ meetingId, position, kind: kindOf(item.title), title: item.title.slice(0, 300) })
          .returning({ id: agendaItems.id })
          .get().id;
      }
      itemIdByNumber.set(item.number, itemId);
      const current = items.find((i) => i.id === itemId);
      if ((current?.minuteText ?? '') !== item.minuteText) {
        tx.update(agendaItems)
          .set({ minuteText: item.minuteText, minuteRevision: (current?.minuteRevision ?? 0) + 1, updatedAt: now })
          .where(eq(agendaItems.id, itemId))
          .run();
      }
      item.resolutions.forEach((r, i) => {
        tx.insert(resolutions)
          .values({ agendaItemId: itemId, position: i + 1, text: r.text, outcome: r.outcome })
          .run();
        resolutionCount++;
      });
      item.actions.forEach((a, i) => {
        const actionId = tx
          .insert(actions)
          .values({
            agendaItemId: itemId,
            position: i + 1,
            description: a.description,
            dueDate: a.dueDate && a.dueDate >= day ? a.dueDate : null,
          })
          .returning({ id: actions.id })
          .get().id;
        // An action minuted with no owner ("Payment to be approved at next meeting.") is kept without one.
        if (a.ownerNames.length > 0)
          tx.insert(actionOwners)
            .values(
              a.ownerNames.map((o, j) => ({
                actionId,
                // A surname alone is a guess: link only names that say who they are.
                personId: o.person && o.person.how !== 'surname' ? o.person.id : null,
                name: o.written,
                position: j + 1,
              })),
            )
            .run();
        actionCount++;
      });
    }

    // Declarations by members.
    let declarationCount = 0;
    plan.declarations.forEach((d, i) => {
      if (!d.recorded || !d.person) return;
      tx.insert(declarations)
        .values({
          meetingId,
          personId: d.person.id,
          agendaItemId: d.itemNumber === null ? null : (itemIdByNumber.get(d.itemNumber) ?? null),
          kind: d.kind,
          nature: d.nature,
          withdrew: d.withdrew,
          position: i + 1,
        })
        .run();
      declarationCount++;
    });

    numberActions(tx, meetingId);
    const times = {
      startedAt: plan.parsed.startedAt ? fromLondon(day, plan.parsed.startedAt) : meeting.startedAt,
      endedAt: plan.parsed.endedAt ? fromLondon(day, plan.parsed.endedAt) : meeting.endedAt,
    };
    tx.update(meetings)
      .set({ ...times, minutesStatus: meeting.minutesStatus === 'none' ? 'draft' : meeting.minutesStatus })
      .where(eq(meetings.id, meetingId))
      .run();
    const summary: ImportSummary = {
      warnings: plan.warnings,
      items: plan.items.length,
      attendees: attendeeIds.size,
      declarations: declarationCount,
      resolutions: resolutionCount,
      actions: actionCount,
      newPeople,
    };
    const { warnings: _warnings, ...counts } = summary;
    recordAudit(tx, actor, {
      action: 'minutes.import',
      recordType: 'meeting',
      recordId: meetingId,
      before: plan.replaces,
      after: { ...counts, source: createHash('sha256').update(source).digest('hex') },
      at: now,
    });
    return valid(summary);
  });
}
