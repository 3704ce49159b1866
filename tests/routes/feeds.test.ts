import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { and, eq, isNotNull } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { parse } from '../helpers/html';
import { createAgendaItem, createQuestion } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { actions, actionUpdates, agendaItems, committees, meetings, recommendations } from '../../src/db/schema';

/**
 * Feeds and discoverability: valid Atom with stable ids and working links,
 * linked from the pages they follow; a sitemap and robots.txt; each meeting
 * page's schema.org Event. Nothing private reaches any of them.
 */
let app: FastifyInstance;
let db: Database;
const slug = 'health-and-adult-social-care';
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'author', 'url'].includes(name),
});

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true }));
});
afterAll(() => app.close());

type AtomLink = { '@href': string; '@rel'?: string; '@type'?: string };
type AtomEntry = {
  id: string;
  title: string;
  updated: string;
  link: AtomLink[];
  author?: { name: string }[];
  summary?: unknown;
  content?: unknown;
};
type AtomFeed = {
  id: string;
  title: string;
  updated: string;
  link: AtomLink[];
  author?: { name: string }[];
  entry?: AtomEntry[];
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/**
 * The constraints RFC 4287 puts on a feed and its entries (section 4.1): one
 * id (an IRI), title and updated (RFC 3339) each; an author on the feed or on
 * every entry; a self link; no two alternate links of the same type; every
 * entry an alternate link or content, and a summary where its content is not inline.
 */
function atomOf(body: string): AtomFeed {
  expect(XMLValidator.validate(body)).toBe(true);
  const doc = xml.parse(body) as { feed: AtomFeed & { '@xmlns': string } };
  const feed = doc.feed;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toMatch(IRI);
  expect(typeof feed.title === 'string' || typeof feed.title === 'object').toBe(true);
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.link.some((l) => l['@rel'] === 'self')).toBe(true);
  const entries = feed.entry ?? [];
  if (!feed.author) for (const e of entries) expect(e.author?.length).toBeGreaterThan(0);
  const ids = new Set<string>();
  for (const e of entries) {
    expect(e.id).toMatch(IRI);
    expect(ids.has(e.id)).toBe(false);
    ids.add(e.id);
    expect(e.title).toBeTruthy();
    expect(e.updated).toMatch(RFC3339);
    const alternates = e.link.filter((l) => (l['@rel'] ?? 'alternate') === 'alternate');
    expect(alternates.length).toBe(1);
    expect(e.summary !== undefined || e.content !== undefined).toBe(true);
  }
  return feed;
}

/** An Atom text construct's text: plain, or HTML (type="html") decoded. */
const text = (node: unknown): string => {
  if (typeof node !== 'object' || node === null) return String(node ?? '');
  const value = String((node as Record<string, unknown>)['#text'] ?? '');
  if ((node as Record<string, unknown>)['@type'] !== 'html') return value;
  return value.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '',
  );
};

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

describe('the Atom feeds', () => {
  it('tells what the demo committee published, newest first, each entry linking to a page that answers', async () => {
    const res = await get('/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const feed = atomOf(res.body);
    const titles = (feed.entry ?? []).map((e) => text(e.title));
    expect(titles).toContain('Agenda published: Health & Adult Social Care Select Committee, Thursday 7 January 2021');
    expect(
      titles.some((t) =>
        t.startsWith('Draft minutes published: Health & Adult Social Care Select Committee, Thursday 5 November 2020'),
      ),
    ).toBe(true);
    const updated = (feed.entry ?? []).map((e) => Date.parse(e.updated));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
    for (const e of (feed.entry ?? []).slice(0, 15)) {
      const href = e.link[0]?.['@href'] ?? '';
      const page = await get(new URL(href).pathname);
      expect(page.statusCode, href).toBe(200);
    }
    // Answered from memory after the first time, with an ETag and 304.
    const again = await get('/feed.atom', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('keeps an entry’s id when its record changes, and has a feed per committee', async () => {
    const before = atomOf((await get(`/committees/${slug}/feed.atom`)).body);
    const meetingEntry = (before.entry ?? []).find(
      (e) => text(e.title).includes('Meeting: ') && e.link[0]?.['@href'].endsWith('/meetings/2'),
    );
    expect(meetingEntry).toBeDefined();
    db.update(meetings)
      .set({ status: 'postponed', statusReason: 'A test', updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(meetings.id, 2))
      .run();
    const after = atomOf((await get(`/committees/${slug}/feed.atom`)).body);
    const changed = (after.entry ?? []).find((e) => e.id === meetingEntry?.id);
    expect(text(changed?.title)).toContain('Meeting postponed');
    expect(Date.parse(changed?.updated ?? '')).toBeGreaterThan(Date.parse(meetingEntry?.updated ?? ''));
    expect(after.id).not.toBe(atomOf((await get('/feed.atom')).body).id);
    expect((await get('/committees/no-such-committee/feed.atom')).statusCode).toBe(404);
  });

  it('is offered from the pages it follows', async () => {
    const meeting = parse((await get('/meetings/1')).body);
    const feeds = meeting('link[rel="alternate"][type="application/atom+xml"]')
      .map((_, l) => meeting(l).attr('href'))
      .get();
    expect(feeds).toEqual([`/committees/${slug}/feed.atom`, '/feed.atom']);
    const home = parse((await get('/')).body);
    expect(home('link[rel="alternate"][type="application/atom+xml"]').attr('href')).toBe('/feed.atom');
  });
});

describe('sitemap, robots.txt and structured data', () => {
  it('lists the public pages in a sitemap that robots.txt names, and keeps search engines out of /manage', async () => {
    const robots = await get('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.body).toContain('Disallow: /manage');
    const sitemapUrl = /^Sitemap: (\S+)$/m.exec(robots.body)?.[1] ?? '';
    const sitemap = await get(new URL(sitemapUrl).pathname);
    expect(sitemap.statusCode).toBe(200);
    expect(XMLValidator.validate(sitemap.body)).toBe(true);
    const locs = ((xml.parse(sitemap.body) as { urlset: { url: { loc: string }[] } }).urlset.url ?? []).map(
      (u) => new URL(u.loc).pathname,
    );
    for (const path of [
      '/',
      '/meetings',
      `/committees/${slug}`,
      '/meetings/1',
      '/meetings/2',
      `/committees/${slug}/inquiries`,
    ])
      expect(locs).toContain(path);
    const published = db
      .select({ reference: actions.reference })
      .from(actions)
      .where(isNotNull(actions.publishedAt))
      .get();
    expect(locs).toContain(`/actions/${published?.reference?.replaceAll('/', '-')}`);
    expect(locs.some((l) => l.startsWith('/manage'))).toBe(false);
    for (const path of locs.slice(0, 20)) expect((await get(path)).statusCode, path).toBe(200);
  });

  it('describes each meeting as a schema.org Event, with London times', async () => {
    const page = parse((await get('/meetings/1')).body);
    const event = JSON.parse(page('script[type="application/ld+json"]').text() || '{}') as Record<string, unknown>;
    expect(event['@type']).toBe('Event');
    expect(event.startDate).toBe('2020-11-05T10:00:00+00:00');
    expect(String(event.url)).toMatch(/\/meetings\/1$/);
    expect((event.organizer as { name: string }).name).toBe('Health & Adult Social Care Select Committee');
    // What a clerk typed cannot end the data block or open markup: < > & are written as JSON escapes.
    expect(page('script[type="application/ld+json"]').html()).not.toMatch(/[<>&]/);
  });
});

describe('what stays private', () => {
  it('never puts a draft, an exempt item, a private note or an unaccepted question in a feed or the sitemap', async () => {
    const committeeId = db.select().from(committees).where(eq(committees.slug, slug)).get()?.id ?? 0;
    const exempt = createAgendaItem(db, 1, { title: 'CANARY exempt item', exemptParagraph: 3 });
    const open = db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, 1), eq(agendaItems.position, 5)))
      .get();
    db.insert(recommendations)
      .values([
        {
          committeeId,
          agendaItemId: open?.id,
          reference: 'HASC/R/900',
          text: 'CANARY draft recommendation',
          addressedTo: 'CANARY addressee',
          status: 'draft',
        },
        {
          committeeId,
          agendaItemId: exempt.id,
          reference: 'HASC/R/901',
          text: 'CANARY exempt recommendation',
          addressedTo: 'CANARY exempt addressee',
          sentOn: '2020-11-20',
          responseDueOn: '2021-01-20',
          status: 'awaiting_response',
        },
      ])
      .run();
    const action = db.select().from(actions).where(isNotNull(actions.publishedAt)).get();
    db.insert(actionUpdates)
      .values({
        actionId: action?.id ?? 0,
        status: 'in_progress',
        fromStatus: action?.status ?? 'open',
        note: 'CANARY private note',
        notePublic: false,
        authorName: 'CANARY author',
      })
      .run();
    createQuestion(db, 1, {
      askerName: 'CANARY asker',
      text: 'CANARY question',
      status: 'received',
      answerPublishedAt: new Date(),
    });
    for (const url of ['/feed.atom', `/committees/${slug}/feed.atom`, '/sitemap.xml']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body, url).not.toContain('CANARY');
    }
    // The status change itself is public (the action's page shows it), without its private note.
    expect((await get('/feed.atom')).body).toContain(`Action ${action?.reference} is in progress`);
  });
});
