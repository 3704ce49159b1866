import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client';
import { LONDON, fromLondon } from '../../lib/dates';
import {
  organisations,
  people,
  committees,
  memberships,
  meetings,
  agendaItemPresenters,
  agendaItems,
  documents,
  publicQuestions,
  attendance,
  declarations,
  resolutions,
  actionOwners,
  actions,
  inquiries,
  workProgrammeEntries,
  users,
  userCommittees,
} from '../../db/schema';
import { publishAgenda } from '../agenda/commands/publishing';
import { addFromWorkProgramme, startWithStandardItems } from '../agenda/commands/items';
import { publishMinutes } from '../minutes/commands/publishing';
import { importMinutesText } from '../minutes/commands/import';
import { recordAudit, systemActor } from '../audit/commands';
import { statusToken } from '../questions/commands/tokens';
import { questionReference } from '../../lib/question-scheme';
import { hashPasswordSync } from '../../lib/passwords';
import { demoFixture, type DemoFixture } from './fixture';
import { demoPaperPdf, demoPaperText } from './papers';
import type { FileStore } from '../../lib/files';
import { keepPaperText, readPaperText } from '../search/commands';

/** The demo papers' text as read from their PDFs (the same bytes every time), by content hash. */
const demoPaperTexts = new Map<string, string[] | null>();

/** True when the database holds no committee yet: a new installation. */
export function databaseIsEmpty(db: Db): boolean {
  const row = db.select({ n: count() }).from(committees).get();
  return (row?.n ?? 0) === 0;
}

function lookup(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Demo fixture names an unknown ${what}: "${key}"`);
  return id;
}

/**
 * Loads the demo committee in one transaction, then publishes what the pack
 * shows as published (the agenda of 7 January 2021, the draft minutes of
 * 5 November 2020) through the same commands a clerk uses.
 */
export async function loadDemoData(
  db: Db,
  files: FileStore,
  options: { now?: Date; fixture?: DemoFixture } = {},
): Promise<{ committeeId: number }> {
  const fixture = options.fixture ?? demoFixture;
  const now = options.now ?? new Date();
  // Slow work first, before the transaction holds the database: hashing the
  // demo passwords, and making the papers' PDFs from the reference pack's text.
  const passwordHashes = fixture.users.map((u) => hashPasswordSync(u.password));
  const paperFiles = new Map<string, { hash: string; bytes: number; pages: number; text: string[] | null }>();
  for (const paper of fixture.meetings.flatMap((m) => m.items.flatMap((i) => i.papers ?? []))) {
    const text = [paper.file, ...(paper.appendix ? [paper.appendix] : [])].map(demoPaperText).join('\n');
    const pdf = await demoPaperPdf(paper.title, text, paper.pages);
    const hash = files.putPaper(pdf);
    // Read back from the PDF as an uploaded paper's text is, for search: once per process for the same bytes.
    let pageTexts = demoPaperTexts.get(hash);
    if (pageTexts === undefined) demoPaperTexts.set(hash, (pageTexts = await readPaperText(pdf)));
    paperFiles.set(paper.file, { hash, bytes: pdf.length, pages: paper.pages, text: pageTexts });
  }
  return db.transaction((tx) => {
    const orgIds = new Map<string, number>();
    for (const o of fixture.organisations) {
      const row = tx
        .insert(organisations)
        .values({ name: o.name, shortName: o.shortName ?? null, kind: o.kind })
        .returning({ id: organisations.id })
        .get();
      orgIds.set(o.key, row.id);
    }

    const personIds = new Map<string, number>();
    for (const p of fixture.people) {
      const row = tx
        .insert(people)
        .values({
          name: p.name,
          fullName: p.fullName ?? null,
          honorific: p.honorific ?? null,
          jobTitle: p.jobTitle ?? null,
          organisationId: p.organisation ? lookup(orgIds, p.organisation, 'organisation') : null,
          kind: p.kind,
        })
        .returning({ id: people.id })
        .get();
      personIds.set(p.key, row.id);
    }
    const person = (key: string) => lookup(personIds, key, 'person');

    const c = fixture.committee;
    const committeeId = tx
      .insert(committees)
      .values({
        slug: c.slug,
        name: c.name,
        kind: c.kind,
        remit: c.remit,
        clerkPersonId: person(c.clerk),
        contactEmail: c.contactEmail,
        contactPhone: c.contactPhone,
        noticeClearDays: c.noticeClearDays,
      })
      .returning({ id: committees.id })
      .get().id;

    tx.insert(memberships)
      .values(
        c.members.map((mem) => ({
          committeeId,
          personId: person(mem.person),
          role: mem.role,
          voting: mem.voting ?? true,
          representing: mem.representing ?? null,
        })),
      )
      .run();

    const meetingIds = new Map<string, number>();
    for (const mt of fixture.meetings) {
      const row = tx
        .insert(meetings)
        .values({
          committeeId,
          startsAt: fromLondon(mt.date, mt.time),
          venue: mt.venue ?? null,
          status: mt.status,
          minutesUrl: mt.minutesUrl ?? null,
          startedAt: mt.startedAt ? fromLondon(mt.date, mt.startedAt) : null,
          endedAt: mt.endedAt ? fromLondon(mt.date, mt.endedAt) : null,
        })
        .returning({ id: meetings.id })
        .get();
      meetingIds.set(mt.key, row.id);
    }

    for (const mt of fixture.meetings) {
      const meetingId = lookup(meetingIds, mt.key, 'meeting');
      const itemIds: number[] = [];
      mt.items.forEach((item, index) => {
        const itemId = tx
          .insert(agendaItems)
          .values({
            meetingId,
            position: index + 1,
            kind: item.kind,
            title: item.title,
            purpose: item.purpose ?? '',
            plannedStart: item.plannedStart ?? null,
            confirmsMinutesOfMeetingId: item.confirmsMinutesOf
              ? lookup(meetingIds, item.confirmsMinutesOf, 'meeting')
              : null,
            minuteText: item.minuteText ?? '',
          })
          .returning({ id: agendaItems.id })
          .get().id;
        itemIds.push(itemId);

        (item.presenters ?? []).forEach((p, i) => {
          tx.insert(agendaItemPresenters)
            .values({
              agendaItemId: itemId,
              personId: p.person ? person(p.person) : null,
              name: p.name ?? null,
              capacity: p.capacity ?? null,
              position: i + 1,
            })
            .run();
        });
        (item.papers ?? []).forEach((paper, i) => {
          const file = paperFiles.get(paper.file);
          const doc = tx
            .insert(documents)
            .values({
              meetingId,
              agendaItemId: itemId,
              title: paper.title,
              kind: paper.kind,
              position: i + 1,
              pageCount: file?.pages ?? paper.pages,
              fileHash: file?.hash ?? null,
              fileName: `${paper.file}.pdf`,
              mimeType: 'application/pdf',
              byteSize: file?.bytes ?? null,
            })
            .returning({ id: documents.id })
            .get();
          if (file) keepPaperText(tx, doc.id, file.text);
        });
        (item.resolutions ?? []).forEach((r, i) => {
          tx.insert(resolutions)
            .values({ agendaItemId: itemId, position: i + 1, text: r.text, outcome: r.outcome })
            .run();
        });
        (item.actions ?? []).forEach((a, i) => {
          const actionId = tx
            .insert(actions)
            .values({ agendaItemId: itemId, position: i + 1, description: a.description })
            .returning({ id: actions.id })
            .get().id;
          tx.insert(actionOwners)
            .values(
              a.owners.map((o, j) => ({
                actionId,
                personId: o.person ? person(o.person) : null,
                name: o.name,
                position: j + 1,
              })),
            )
            .run();
        });
      });

      const itemId = (n: number) => {
        const id = itemIds[n - 1];
        if (id === undefined) throw new Error(`Demo meeting ${mt.key} has no item ${n}`);
        return id;
      };

      (mt.attendance ?? []).forEach((a, i) => {
        tx.insert(attendance)
          .values({ meetingId, personId: person(a.person), status: a.status, position: i + 1 })
          .run();
      });
      (mt.declarations ?? []).forEach((d, i) => {
        tx.insert(declarations)
          .values({
            meetingId,
            agendaItemId: itemId(d.item),
            personId: person(d.person),
            kind: d.kind,
            nature: d.nature,
            withdrew: d.withdrew,
            position: i + 1,
          })
          .run();
      });
      const agendaOut = mt.agendaPublishedAt ? fromLondon(mt.agendaPublishedAt.date, mt.agendaPublishedAt.time) : null;
      (mt.questions ?? []).forEach((q, i) => {
        tx.insert(publicQuestions)
          .values({
            meetingId,
            reference: questionReference(fromLondon(mt.date, mt.time), i + 1),
            agendaItemId: itemId(q.item),
            position: i + 1,
            // Written answers were published with the agenda, as the reference pack prints them.
            answerPublishedAt: q.answerKind === 'written' && q.answerText ? agendaOut : null,
            askerName: q.askerName,
            askerOrganisation: q.askerOrganisation ?? null,
            text: q.text,
            status: q.status,
            answerKind: q.answerKind ?? null,
            answerText: q.answerText ?? null,
            answeredBy: q.answeredBy ?? null,
          })
          .run();
      });
    }

    const inquiryIds = new Map<string, number>();
    for (const inq of fixture.inquiries) {
      const row = tx
        .insert(inquiries)
        .values({
          committeeId,
          slug: inq.slug,
          title: inq.title,
          kind: inq.kind,
          status: inq.status,
          summary: inq.summary,
        })
        .returning({ id: inquiries.id })
        .get();
      inquiryIds.set(inq.key, row.id);
    }

    fixture.workProgramme.forEach((w, i) => {
      tx.insert(workProgrammeEntries)
        .values({
          committeeId,
          topic: w.topic,
          purpose: w.purpose,
          leadPresenters: w.leadPresenters,
          contributors: w.contributors,
          plannedMeetingId: w.meeting ? lookup(meetingIds, w.meeting, 'meeting') : null,
          status: w.status,
          inquiryId: w.inquiry ? lookup(inquiryIds, w.inquiry, 'inquiry') : null,
          note: w.note ?? null,
          position: i + 1,
        })
        .run();
    });

    for (const mt of fixture.meetings) {
      const meetingId = lookup(meetingIds, mt.key, 'meeting');
      if (mt.minutesFile) {
        const at = fromLondon(mt.minutesPublishedAt?.date ?? mt.date, mt.minutesPublishedAt?.time ?? '17:00');
        const imported = importMinutesText(tx, systemActor('demo'), meetingId, demoPaperText(mt.minutesFile), at);
        if (!imported.ok) throw new Error(`Demo minutes of ${mt.key}: ${JSON.stringify(imported.errors)}`);
      }
      if (mt.minutesPublishedAt) {
        const published = publishMinutes(tx, {
          meetingId,
          publishedAt: fromLondon(mt.minutesPublishedAt.date, mt.minutesPublishedAt.time),
        });
        if (!published.ok) throw new Error(`Demo minutes of ${mt.key}: ${JSON.stringify(published.errors)}`);
      }
      if (mt.agendaPublishedAt) {
        const published = publishAgenda(tx, {
          meetingId,
          publishedAt: fromLondon(mt.agendaPublishedAt.date, mt.agendaPublishedAt.time),
        });
        if (!published.ok) throw new Error(`Demo agenda of ${mt.key}: ${JSON.stringify(published.errors)}`);
      }
    }

    fixture.users.forEach((u, i) => {
      const userId = tx
        .insert(users)
        .values({
          email: u.email,
          displayName: u.displayName,
          role: u.role,
          personId: person(u.person),
          passwordHash: passwordHashes[i] ?? '',
          demo: true,
        })
        .returning({ id: users.id })
        .get().id;
      tx.insert(userCommittees).values({ userId, committeeId }).run();
    });

    const living = scheduleLivingMeetings(tx, committeeId, now, fixture);

    recordAudit(tx, systemActor('demo'), {
      action: 'demo.load',
      recordType: 'committee',
      recordId: committeeId,
      after: {
        committee: c.slug,
        meetings: fixture.meetings.length + living,
        users: fixture.users.map((u) => u.email),
      },
    });
    return { committeeId };
  });
}

/** Thursday at 10am London, the first on or after `day` (the committee's usual slot). */
function thursdayFrom(day: DateTime): Date {
  const d = day.setZone(LONDON).startOf('day');
  const thursday = d.plus({ days: (4 - d.weekday + 7) % 7 });
  return fromLondon(thursday.toISODate() ?? '', '10:00');
}

/**
 * A demo loaded after its real records end (the pack is of 2020–21) would
 * be a committee that stopped meeting: no meeting ahead, questions never
 * open. So its next two meetings are scheduled from today, about three and
 * ten weeks on, with the work programme's topics waiting to be scheduled
 * planned for them; the first has a draft agenda made as a clerk makes one.
 * Returns how many meetings it added.
 */
function scheduleLivingMeetings(tx: Db, committeeId: number, now: Date, fixture: DemoFixture): number {
  const last = fixture.meetings.map((m) => fromLondon(m.date, m.time)).reduce((a, b) => (a > b ? a : b));
  if (now <= last) return 0;
  const today = DateTime.fromJSDate(now);
  const next = thursdayFrom(today.plus({ weeks: 3 }));
  const following = thursdayFrom(today.plus({ weeks: 10 }));
  const [nextId, followingId] = [next, following].map(
    (startsAt) =>
      tx
        .insert(meetings)
        .values({ committeeId, startsAt, venue: 'The Oculus, The Gateway, Gatehouse Road, Aylesbury HP19 8FF' })
        .returning({ id: meetings.id })
        .get().id,
  );
  // The topics the programme left "to be scheduled": two for each meeting, in the programme's order.
  const waiting = tx
    .select({ id: workProgrammeEntries.id })
    .from(workProgrammeEntries)
    .where(and(eq(workProgrammeEntries.committeeId, committeeId), isNull(workProgrammeEntries.plannedMeetingId)))
    .orderBy(asc(workProgrammeEntries.position))
    .all();
  waiting.forEach((entry, i) => {
    tx.update(workProgrammeEntries)
      .set({ plannedMeetingId: i < 2 ? nextId : followingId })
      .where(eq(workProgrammeEntries.id, entry.id))
      .run();
  });
  const actor = systemActor('demo');
  const standard = startWithStandardItems(tx, actor, nextId ?? 0);
  if (!standard.ok) throw new Error(`Demo agenda: ${JSON.stringify(standard.errors)}`);
  for (const entry of waiting.slice(0, 2)) {
    const added = addFromWorkProgramme(tx, actor, nextId ?? 0, entry.id);
    if (!added.ok) throw new Error(`Demo agenda: ${JSON.stringify(added.errors)}`);
  }
  askLivingQuestions(tx, nextId ?? 0, next, now);
  return 2;
}

/**
 * Two questions for the next meeting, as residents send them: one accepted
 * (so the meeting page shows one), one waiting for the clerk's decision (so
 * the clerk's home and queue show the moderation). Written as they arrive,
 * without emails: the demo askers are not real.
 */
function askLivingQuestions(tx: Db, meetingId: number, startsAt: Date, now: Date): void {
  const asked = [
    {
      askerName: 'Winslow Town Council',
      text: 'The Committee has heard that a new GP surgery is planned to serve the housing growth in Winslow. When will residents be told where it will be, and how many doctors it will have when it opens?',
      status: 'accepted' as const,
      hoursAgo: 50,
    },
    {
      askerName: 'Mrs P Hartley',
      askerOrganisation: 'Aylesbury Carers Group',
      text: 'How many carers in Buckinghamshire had a carer’s assessment in the last year, and how long did they wait for it?',
      status: 'received' as const,
      hoursAgo: 3,
    },
  ];
  asked.forEach((q, i) => {
    const submittedAt = new Date(now.getTime() - q.hoursAgo * 3_600_000);
    const row = tx
      .insert(publicQuestions)
      .values({
        meetingId,
        reference: questionReference(startsAt, i + 1),
        askerName: q.askerName,
        askerOrganisation: q.askerOrganisation ?? null,
        text: q.text,
        submittedAt,
        status: q.status,
        decidedAt: q.status === 'accepted' ? now : null,
        position: q.status === 'accepted' ? 1 : 0,
      })
      .returning({ id: publicQuestions.id })
      .get();
    tx.update(publicQuestions)
      .set({ statusTokenHash: statusToken(tx, row.id).hash })
      .where(eq(publicQuestions.id, row.id))
      .run();
  });
}
