import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { createAgendaItem } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { actions, committees, meetings, recommendations } from '../../src/db/schema';

/**
 * A committee's records to download whole, as CSV and JSON: the same rows in
 * both, public records only, formulas neutralised, open to other sites, and
 * cached with an ETag like any public page.
 */
let app: FastifyInstance;
let db: Database;
const slug = 'health-and-adult-social-care';
let committeeId = 0;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true }));
  committeeId = db.select().from(committees).where(eq(committees.slug, slug)).get()?.id ?? 0;
});
afterAll(() => app.close());

const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('bulk downloads', () => {
  it('gives every meeting of the committee, as CSV and JSON with the same rows', async () => {
    const csv = await app.inject(`/committees/${slug}/meetings.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="health-and-adult-social-care-meetings-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.headers['access-control-allow-origin']).toBe('*');
    const lines = csvLines(csv.body);
    expect(lines[0]).toBe('id,starts_at,ends_at,status,status_reason,venue,agenda,minutes,url,calendar');
    const count = db.select().from(meetings).where(eq(meetings.committeeId, committeeId)).all().length;
    expect(lines).toHaveLength(count + 1);
    expect(lines.some((l) => l.startsWith('1,2020-11-05T10:00:00+00:00,'))).toBe(true);

    const json = await app.inject(`/committees/${slug}/meetings.json`);
    const data = json.json() as { committee: { slug: string }; meetings: Record<string, unknown>[] };
    expect(data.committee.slug).toBe(slug);
    expect(data.meetings).toHaveLength(count);
    expect(data.meetings[0]).toMatchObject({ id: 1, starts_at: '2020-11-05T10:00:00+00:00' });
    expect(String(data.meetings[0]?.url)).toMatch(/\/meetings\/1$/);
    // From memory with an ETag after that.
    expect(
      (
        await app.inject({
          url: `/committees/${slug}/meetings.json`,
          headers: { 'if-none-match': String(json.headers.etag) },
        })
      ).statusCode,
    ).toBe(304);
  });

  it('gives only published actions and sent recommendations, never an exempt item’s, with formulas neutralised', async () => {
    const published = db
      .select()
      .from(actions)
      .where(and(eq(actions.committeeId, committeeId), isNotNull(actions.publishedAt)))
      .all().length;
    const unpublished = db
      .select()
      .from(actions)
      .where(and(eq(actions.committeeId, committeeId), isNull(actions.publishedAt)))
      .all();
    const actionsCsv = csvLines((await app.inject(`/committees/${slug}/actions.csv`)).body);
    expect(actionsCsv).toHaveLength(published + 1);
    for (const a of unpublished) expect(actionsCsv.join('\n')).not.toContain(a.description);

    const exempt = createAgendaItem(db, 1, { title: 'An exempt matter', exemptParagraph: 3 });
    const open = createAgendaItem(db, 1, { title: 'An open matter' });
    db.insert(recommendations)
      .values([
        {
          committeeId,
          agendaItemId: open.id,
          reference: 'HASC/R/700',
          text: '=HYPERLINK("http://evil.example")',
          addressedTo: 'Cabinet Member for Health',
          sentOn: '2020-11-20',
          responseDueOn: '2021-01-20',
          status: 'awaiting_response',
        },
        {
          committeeId,
          agendaItemId: open.id,
          reference: 'HASC/R/701',
          text: 'CANARY draft',
          addressedTo: 'Cabinet',
          status: 'draft',
        },
        {
          committeeId,
          agendaItemId: exempt.id,
          reference: 'HASC/R/702',
          text: 'CANARY exempt',
          addressedTo: 'Cabinet',
          sentOn: '2020-11-20',
          responseDueOn: '2021-01-20',
          status: 'awaiting_response',
        },
      ])
      .run();
    const recs = await app.inject(`/committees/${slug}/recommendations.csv`);
    expect(recs.body).not.toContain('CANARY');
    const row = csvLines(recs.body).find((l) => l.startsWith('HASC/R/700,'));
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(row).toContain(',yes,');
    const json = (await app.inject(`/committees/${slug}/recommendations.json`)).json() as {
      recommendations: { reference: string; response_overdue: boolean }[];
    };
    expect(json.recommendations.map((r) => r.reference)).toEqual(['HASC/R/700']);
    expect(json.recommendations[0]?.response_overdue).toBe(true);
    expect((await app.inject('/committees/no-such/actions.json')).statusCode).toBe(404);
  });
});
