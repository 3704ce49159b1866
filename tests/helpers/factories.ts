/**
 * Factories for tests: each inserts one record with sensible defaults and
 * returns it; pass overrides for what the test is about.
 */
import type { Db } from '../../src/db/client';
import {
  committees,
  memberships,
  people,
  meetings,
  agendaItems,
  agendaItemPresenters,
  documents,
  publicQuestions,
  attendance,
  declarations,
  resolutions,
  actions,
  actionOwners,
  users,
  userCommittees,
} from '../../src/db/schema';
import { fromLondon } from '../../src/lib/dates';
import { hashPasswordSync } from '../../src/lib/passwords';

let seq = 0;
const next = () => ++seq;

export function createPerson(db: Db, overrides: Partial<typeof people.$inferInsert> = {}) {
  const n = next();
  return db
    .insert(people)
    .values({ name: `Person ${n}`, kind: 'councillor', ...overrides })
    .returning()
    .get();
}

export function createCommittee(db: Db, overrides: Partial<typeof committees.$inferInsert> = {}) {
  const n = next();
  return db
    .insert(committees)
    .values({
      slug: `committee-${n}`,
      name: `Committee ${n}`,
      kind: 'select',
      remit: 'Scrutinises things.',
      ...overrides,
    })
    .returning()
    .get();
}

export function createMembership(db: Db, values: typeof memberships.$inferInsert) {
  return db.insert(memberships).values(values).returning().get();
}

export function createMeeting(
  db: Db,
  committeeId: number,
  overrides: Partial<typeof meetings.$inferInsert> & { date?: string; time?: string } = {},
) {
  const { date = '2030-06-06', time = '10:00', ...rest } = overrides;
  return db
    .insert(meetings)
    .values({ committeeId, startsAt: fromLondon(date, time), ...rest })
    .returning()
    .get();
}

export function createAgendaItem(db: Db, meetingId: number, overrides: Partial<typeof agendaItems.$inferInsert> = {}) {
  const n = next();
  return db
    .insert(agendaItems)
    .values({ meetingId, position: n, title: `Item ${n}`, ...overrides })
    .returning()
    .get();
}

export function createPresenter(db: Db, values: typeof agendaItemPresenters.$inferInsert) {
  return db.insert(agendaItemPresenters).values(values).returning().get();
}

export function createDocument(db: Db, values: Partial<typeof documents.$inferInsert> & { title: string }) {
  return db
    .insert(documents)
    .values({ kind: 'report', ...values })
    .returning()
    .get();
}

export function createQuestion(
  db: Db,
  meetingId: number,
  overrides: Partial<typeof publicQuestions.$inferInsert> = {},
) {
  return db
    .insert(publicQuestions)
    .values({ meetingId, askerName: 'A Resident', text: 'What is happening?', status: 'accepted', ...overrides })
    .returning()
    .get();
}

export function createAttendance(db: Db, values: typeof attendance.$inferInsert) {
  return db.insert(attendance).values(values).returning().get();
}

export function createDeclaration(db: Db, values: typeof declarations.$inferInsert) {
  return db.insert(declarations).values(values).returning().get();
}

export function createResolution(db: Db, values: typeof resolutions.$inferInsert) {
  return db.insert(resolutions).values(values).returning().get();
}

export function createAction(db: Db, agendaItemId: number, description: string, owners: string[]) {
  const action = db.insert(actions).values({ agendaItemId, description }).returning().get();
  owners.forEach((name, i) => db.insert(actionOwners).values({ actionId: action.id, name, position: i }).run());
  return action;
}

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: string | undefined;

/** An account that can sign in with TEST_PASSWORD. */
export function createUser(db: Db, overrides: Partial<typeof users.$inferInsert> & { committeeIds?: number[] } = {}) {
  passwordHash ??= hashPasswordSync(TEST_PASSWORD);
  const n = next();
  const { committeeIds = [], ...rest } = overrides;
  const user = db
    .insert(users)
    .values({ email: `user${n}@example.org`, displayName: `User ${n}`, role: 'clerk', passwordHash, ...rest })
    .returning()
    .get();
  for (const committeeId of committeeIds) db.insert(userCommittees).values({ userId: user.id, committeeId }).run();
  return user;
}
