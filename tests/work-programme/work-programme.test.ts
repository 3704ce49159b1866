import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK, DEMO_MEMBER } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import type { Database } from '../../src/db/client';
import { agendaItems, auditLog, committees, meetings, workProgrammeEntries } from '../../src/db/schema';

/**
 * The work programme: the demo's (from the reference pack) in public by
 * meeting and "to be scheduled"; the clerk adds, changes, plans and reorders
 * topics; a topic planned for a meeting is offered to its agenda and linked
 * once added; bad input answered in words.
 */
let app: FastifyInstance;
let db: Database;
let clerk: Client;
const slug = 'health-and-adult-social-care';
const base = `/manage/committees/${slug}/work-programme`;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true, now: new Date('2026-11-22T12:00:00Z') }));
  clerk = new Client(app);
  await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
});
afterAll(() => app.close());

const entries = () => db.select().from(workProgrammeEntries).orderBy(workProgrammeEntries.position).all();

describe('the work programme', () => {
  it('shows the demo committee’s programme in public, by meeting, without dropped topics', async () => {
    const all = entries();
    expect(all.length).toBeGreaterThan(3);
    const res = await app.inject(`/committees/${slug}/work-programme`);
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    for (const e of all.filter((x) => x.status !== 'dropped')) expect(text).toContain(e.topic);
    const planned = all.find((e) => e.plannedMeetingId !== null);
    expect(parse(res.body)(`a[href="/meetings/${planned?.plannedMeetingId}"]`).length).toBeGreaterThan(0);
    expect((await app.inject('/committees/no-such/work-programme')).statusCode).toBe(404);
  });

  it('lets the clerk add a topic, refusing bad input with what was typed kept', async () => {
    const refused = await clerk.submit(
      base,
      {
        topic: '',
        purpose: 'Kept purpose',
        leadPresenters: '',
        contributors: '',
        plannedMeetingId: '',
        status: 'scheduled',
        note: '',
      },
      `${base}/new`,
    );
    expect(refused.statusCode).toBe(422);
    expect(textOf(refused.body)).toContain('Enter the topic');
    expect(parse(refused.body)('#purpose').text().trim()).toBe('Kept purpose');
    const noMeeting = await clerk.submit(
      base,
      {
        topic: 'Dental access',
        purpose: '',
        leadPresenters: '',
        contributors: '',
        plannedMeetingId: '',
        status: 'scheduled',
        note: '',
      },
      `${base}/new`,
    );
    expect(textOf(noMeeting.body)).toContain('Select the meeting it is scheduled for, or change its status');
    const other = db.insert(committees).values({ name: 'Other', slug: 'other', kind: 'select' }).returning().get();
    const foreign = db
      .insert(meetings)
      .values({ committeeId: other.id, startsAt: new Date('2027-03-01T10:00:00Z') })
      .returning()
      .get();
    const wrong = await clerk.submit(
      base,
      {
        topic: 'Dental access',
        purpose: '',
        leadPresenters: '',
        contributors: '',
        plannedMeetingId: String(foreign.id),
        status: 'proposed',
        note: '',
      },
      `${base}/new`,
    );
    expect(textOf(wrong.body)).toContain('Select one of this committee’s meetings');

    const next = db
      .select()
      .from(meetings)
      .all()
      .filter((m) => m.startsAt > new Date('2026-11-22T12:00:00Z') && m.committeeId !== other.id)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    const added = await clerk.submit(
      base,
      {
        topic: 'Access to NHS dentistry',
        purpose: 'To hear why residents cannot register with a dentist.',
        leadPresenters: 'Buckinghamshire, Oxfordshire and Berkshire West ICB',
        contributors: 'Healthwatch Bucks',
        plannedMeetingId: String(next?.id),
        status: 'proposed',
        note: 'Ask the ICB for the commissioning figures',
      },
      `${base}/new`,
    );
    expect(added.statusCode).toBe(303);
    const entry = entries().find((e) => e.topic === 'Access to NHS dentistry');
    expect(entry?.plannedMeetingId).toBe(next?.id);
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .some((a) => a.action === 'work_programme.create'),
    ).toBe(true);
    const publicPage = textOf((await app.inject(`/committees/${slug}/work-programme`)).body);
    expect(publicPage).toContain('Access to NHS dentistry');
    expect(publicPage).not.toContain('Ask the ICB for the commissioning figures');

    // Offered to that meeting's agenda, and linked once added.
    const editor = await clerk.get(`/manage/meetings/${next?.id}/agenda`);
    expect(textOf(editor.body)).toContain('Access to NHS dentistry');
    const action = `/manage/meetings/${next?.id}/agenda/work-programme/${entry?.id}`;
    expect(parse(editor.body)(`form[action="${action}"]`).length).toBe(1);
    const put = await clerk.submit(action, {}, `/manage/meetings/${next?.id}/agenda`);
    expect(put.statusCode).toBe(303);
    const linked = entries().find((e) => e.id === entry?.id);
    expect(linked?.status).toBe('scheduled');
    const item = db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.id, linked?.agendaItemId ?? 0))
      .get();
    expect(item?.title).toBe('Access to NHS dentistry');
  });

  it('moves a topic up and down, and only the committee’s clerks may change it', async () => {
    const before = entries().map((e) => e.id);
    const second = before[1] ?? 0;
    const moved = await clerk.submit(`${base}/${second}/move`, { direction: 'up' }, base);
    expect(moved.statusCode).toBe(303);
    expect(entries().map((e) => e.id)[0]).toBe(second);
    const sideways = await clerk.submit(`${base}/${second}/move`, { direction: 'sideways' }, base);
    expect(sideways.statusCode).toBe(422);
    expect(textOf(sideways.body)).toContain('Choose to move the topic up or down');

    const member = new Client(app);
    await member.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    expect((await member.get(base)).statusCode).toBe(200);
    expect(textOf((await member.get(base)).body)).not.toContain('Add a topic');
    expect((await member.submit(`${base}/${second}/move`, { direction: 'down' }, base)).statusCode).toBe(403);
    expect((await clerk.get(`/manage/committees/other/work-programme/${second}/edit`)).statusCode).toBe(404);
  });
});
