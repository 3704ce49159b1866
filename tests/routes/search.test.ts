import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import { parse } from '../helpers/html';
import { makePdf } from '../helpers/pdf';
import { createAgendaItem, createQuestion } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import {
  actions,
  actionUpdates,
  agendaItems,
  committees,
  documentPages,
  documents,
  publicQuestions,
  recommendations,
  subscriptions,
} from '../../src/db/schema';
import { ftsQuery } from '../../src/features/search/queries';

/**
 * Full-text search over the published record: papers page by page, the
 * agenda, minutes, decisions, actions, recommendations and questions. What
 * the public may not read is never found by the public; signed-in users find
 * their committees' drafts and exempt papers, marked as such.
 */
let app: FastifyInstance;
let db: Database;
const slug = 'health-and-adult-social-care';

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true }));
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

interface Hit {
  href: string;
  title: string;
  snippet: string;
  meta: string;
  marks: string[];
}

function hitsOf(body: string): { count: string; hits: Hit[] } {
  const $ = parse(body);
  return {
    count: $('#search-results [role="status"]').text().trim(),
    hits: $('.app-search-result')
      .map((_, li) => ({
        href: $(li).find('h3 a').attr('href') ?? '',
        title: $(li).find('h3').text().trim(),
        snippet: $(li).find('.app-search-snippet').text(),
        meta: $(li).find('p').first().text(),
        marks: $(li)
          .find('mark')
          .map((_, m) => $(m).text().toLowerCase())
          .get(),
      }))
      .get(),
  };
}

const find = async (q: string, extra = '', headers: Record<string, string> = {}) => {
  const res = await get(`/search?q=${encodeURIComponent(q)}${extra}`, headers);
  expect(res.statusCode, q).toBe(200);
  return hitsOf(res.body);
};

/** The published papers' pages, as stored from their PDFs. */
const publicPages = () =>
  db
    .select({ documentId: documentPages.documentId, page: documentPages.page, text: documentPages.text })
    .from(documentPages)
    .innerJoin(documents, eq(documents.id, documentPages.documentId))
    .where(and(eq(documents.meetingId, 2), isNotNull(documents.fileHash)))
    .orderBy(asc(documentPages.documentId), asc(documentPages.page))
    .all();

describe('what the public finds', () => {
  it('finds a word inside a paper, on the page it is on, linking to that page of the paper', async () => {
    const pages = publicPages();
    expect(pages.length).toBeGreaterThan(10);
    // A long word that only one page of all the papers has, in any form (nothing else begins as it does).
    const counts = new Map<string, Set<string>>();
    for (const p of pages)
      for (const w of p.text.toLowerCase().match(/\b[a-z]{7,}/g) ?? [])
        counts.set(w.slice(0, 7), (counts.get(w.slice(0, 7)) ?? new Set()).add(`${p.documentId}#${p.page}`));
    const words = pages.flatMap((p) => p.text.toLowerCase().match(/\b[a-z]{10,}\b/g) ?? []);
    const word = words.find((w) => counts.get(w.slice(0, 7))?.size === 1) ?? '';
    const where = counts.get(word.slice(0, 7)) ?? new Set<string>();
    const [documentId, page] = [...where][0]?.split('#') ?? [];
    const { hits } = await find(word);
    expect(hits[0]?.href).toBe(`/documents/${documentId}#page=${page}`);
    expect(hits[0]?.marks).toContain(word);
    expect(hits[0]?.meta).toContain('Paper');
    expect(hits[0]?.meta).toContain('Health & Adult Social Care Select Committee');
    const paper = await get(`/documents/${documentId}`);
    expect(paper.statusCode).toBe(200);
    expect(paper.headers['content-type']).toBe('application/pdf');
  });

  it('finds the forms of a word (the porter stemmer): “discharged” finds “discharge” and “discharges”', async () => {
    const stemmed = await find('discharged');
    const marks = new Set(stemmed.hits.flatMap((h) => h.marks));
    expect(marks.has('discharge')).toBe(true);
    expect([...marks].some((m) => m === 'discharges' || m === 'discharging')).toBe(true);
    expect(stemmed.hits.length).toBeGreaterThan(3);
  });

  it('matches a quoted phrase only where its words stand together', async () => {
    const phrase = await find('"integrated care system"');
    const words = await find('system integrated care');
    expect(phrase.hits.length).toBeGreaterThan(0);
    for (const h of phrase.hits) expect(`${h.title} ${h.snippet}`.toLowerCase()).toMatch(/integrated care system/);
    expect(Number(words.count.match(/\d+/)?.[0])).toBeGreaterThan(Number(phrase.count.match(/\d+/)?.[0]));
  });

  it('searches the agenda, the minutes, the decisions, the actions and the questions, each linking to where it is', async () => {
    const item = await find('Healthwatch', '&kind=item');
    expect(item.hits[0]?.href).toMatch(/^\/meetings\/2#item-\d+$/);
    const minutes = await find('surgery', '&kind=minutes');
    expect(minutes.hits[0]?.href).toMatch(/^\/meetings\/1#minute-\d+$/);
    const action = db.select().from(actions).where(isNotNull(actions.publishedAt)).get();
    const words = (action?.description ?? '')
      .split(/\s+/)
      .filter((w) => w.length > 6)
      .slice(0, 2)
      .join(' ');
    const found = await find(words, '&kind=action');
    expect(found.hits.map((h) => h.href)).toContain(`/actions/${action?.reference?.replaceAll('/', '-')}`);
    const question = db.select().from(publicQuestions).where(eq(publicQuestions.status, 'accepted')).get();
    if (question) {
      const asked = await find(question.text.split(/\s+/).slice(0, 4).join(' '), '&kind=question');
      expect(asked.hits[0]?.href).toMatch(/^\/meetings\/\d+#question-\d+$/);
    }
    for (const h of [...item.hits, ...minutes.hits].slice(0, 5))
      expect((await get(h.href.split('#')[0] ?? '')).statusCode, h.href).toBe(200);
  });

  it('filters by committee, kind and date, and pages through many results', async () => {
    const all = await find('care');
    expect(all.hits).toHaveLength(20);
    const second = await find('care', '&page=2');
    expect(second.hits.length).toBeGreaterThan(0);
    expect(second.hits.map((h) => h.href)).not.toEqual(all.hits.map((h) => h.href));
    const papers = await find('care', '&kind=paper');
    for (const h of papers.hits) expect(h.href).toMatch(/^\/documents\/\d+#page=\d+$/);
    const before = await find('care', '&to=2020-12-31');
    for (const h of before.hits) expect(h.meta).toMatch(/2020/);
    const mine = await find('care', `&committee=${slug}`);
    expect(mine.hits.length).toBeGreaterThan(0);
    const page = parse((await get(`/search?q=care&committee=${slug}`)).body);
    expect(page('select#committee option[selected]').attr('value')).toBe(slug);
    expect(page('.govuk-pagination a[rel="next"]').attr('href')).toBe(`/search?q=care&committee=${slug}&page=2`);
  });

  it('has a search box in the header of every page, and answers htmx with the results to swap', async () => {
    for (const url of ['/', '/meetings/2', '/committees', '/search']) {
      const $ = parse((await get(url)).body);
      expect($('header form[action="/search"] input[name="q"]').length, url).toBe(1);
      expect($('header form label[for="header-search"]').text()).toContain('Search');
    }
    const fragment = await get('/search?q=discharge', { 'hx-request': 'true' });
    expect(fragment.statusCode).toBe(200);
    expect(parse(fragment.body)('#search-results .app-search-result').length).toBeGreaterThan(0);
    expect(fragment.body).not.toContain('<html');
    // Crawlers are kept out of the endless result pages (the sitemap lists what they would find).
    expect((await get('/robots.txt')).body).toContain('Disallow: /search');
  });

  it('is a public page like the others: an ETag, then 304, and a new answer once the record changes', async () => {
    const first = await get('/search?q=carers');
    expect(first.headers.etag).toBeTruthy();
    expect((await get('/search?q=carers', { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    // A word nobody has written yet, written into a published action: found at once.
    const action = db.select().from(actions).where(isNotNull(actions.publishedAt)).get();
    expect((await find('Quokkaberry')).hits).toHaveLength(0);
    db.update(actions)
      .set({ description: `${action?.description} Quokkaberry` })
      .where(eq(actions.id, action?.id ?? 0))
      .run();
    const now = await find('Quokkaberry');
    expect(now.hits.map((h) => h.href)).toEqual([`/actions/${action?.reference?.replaceAll('/', '-')}`]);
  });
});

describe('bad input', () => {
  it('reads FTS5 syntax as words, never as commands', () => {
    expect(ftsQuery('NEAR(a b) OR c*')).toBe('"NEAR" "a" "b" "OR" "c"*');
    expect(ftsQuery('"hospital discharge" -ward')).toBe('"hospital discharge" "ward"');
    expect(ftsQuery('title:secret')).toBe('"title" "secret"');
    expect(ftsQuery('" * ( ) - ^')).toBe('');
  });

  it('answers broken, empty, very long and unknown input with a message, never a 500', async () => {
    for (const q of ['"', '*', 'NEAR(', '-', '(unbalanced', 'a)b(c"d', '^', 'AND', '"unclosed phrase']) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`);
      expect([200, 400], q).toContain(res.statusCode);
      if (res.statusCode === 400) expect(parse(res.body)('.govuk-error-summary').text()).toMatch(/Enter words/);
    }
    const empty = await get('/search?q=');
    expect(empty.statusCode).toBe(400);
    expect(parse(empty.body)('.govuk-error-summary').text()).toContain('Enter words to search for');
    const long = await get(`/search?q=${'word '.repeat(60)}`);
    expect(long.statusCode).toBe(400);
    expect(parse(long.body)('#q-error').text()).toContain('200 characters or fewer');
    const unknown = await get('/search?q=care&committee=nope&kind=gossip&from=2021-02-30&to=yesterday&page=x');
    expect(unknown.statusCode).toBe(400);
    const summary = parse(unknown.body)('.govuk-error-summary').text();
    for (const message of [
      'Select a committee',
      'Select a kind of record',
      'first date like',
      'last date like',
      'whole number',
    ])
      expect(summary).toContain(message);
    // What was typed is kept in the form.
    expect(parse(unknown.body)('input#q').attr('value')).toBe('care');
    const past = await get('/search?q=discharge&page=40');
    expect(past.statusCode).toBe(404);
    expect(parse(past.body)('#search-results').text()).toContain('There are no more results');
    expect((await get('/search?q=discharge&page=51')).statusCode).toBe(400);
    expect((await get('/search?q=discharge&sort=whatever&colour=blue')).statusCode).toBe(200);
    expect((await get('/search')).statusCode).toBe(200);
  });
});

describe('what stays private', () => {
  it('never finds a draft, an exempt item or paper, a private note or an unaccepted question in public; the clerk finds the drafts and exempt papers, marked', async () => {
    const committeeId = db.select().from(committees).where(eq(committees.slug, slug)).get()?.id ?? 0;
    // A draft agenda item (meeting 4's agenda is not published) and an exempt one, with a paper each.
    const draft = createAgendaItem(db, 4, { title: 'Canarydraft item', purpose: 'Canarydraft purpose' });
    const exempt = createAgendaItem(db, 4, {
      title: 'Contract award',
      purpose: 'Canaryexempt purpose',
      exemptParagraph: 3,
      exemptReason: 'Commercial',
    });
    const clerk = new Client(app);
    await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const editor = '/manage/meetings/4/agenda';
    for (const [itemId, label, paragraph] of [
      [draft.id, 'Canarydraftpaper', ''],
      [exempt.id, 'Canaryexemptpaper', '3'],
    ] as const) {
      const res = await clerk.upload(
        `${editor}/items/${itemId}/papers`,
        { _csrf: await clerk.csrfToken(editor), title: `${label} report`, kind: 'report', exemptParagraph: paragraph },
        { field: 'file', filename: `${label}.pdf`, bytes: await makePdf(label, 2) },
      );
      expect(res.statusCode).toBe(303);
    }
    // Draft minutes (meeting 2's are not published), a private note, a question not accepted, a draft recommendation.
    const item2 = db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, 2))
      .orderBy(asc(agendaItems.position))
      .get();
    db.update(agendaItems)
      .set({ minuteText: 'Canaryminutes draft' })
      .where(eq(agendaItems.id, item2?.id ?? 0))
      .run();
    const action = db.select().from(actions).where(isNotNull(actions.publishedAt)).get();
    db.insert(actionUpdates)
      .values({
        actionId: action?.id ?? 0,
        status: 'in_progress',
        fromStatus: action?.status ?? 'open',
        note: 'Canarynote private',
        notePublic: false,
        authorName: 'Canarynote author',
      })
      .run();
    createQuestion(db, 2, {
      askerName: 'Canaryasker',
      text: 'Canaryquestion received',
      status: 'received',
      askerEmail: 'canaryemail@example.org',
    });
    db.insert(recommendations)
      .values({
        committeeId,
        reference: 'HASC/R/950',
        text: 'Canaryrec draft',
        addressedTo: 'Canaryrec addressee',
        status: 'draft',
      })
      .run();

    // A subscriber's address, which nothing public may show.
    db.insert(subscriptions)
      .values({ email: 'canarysubscriber@example.org', scope: 'all', frequency: 'immediate', status: 'active' })
      .run();

    const canaries = [
      'Canarydraft',
      'Canaryexempt',
      'Canarydraftpaper',
      'Canaryexemptpaper',
      'Canaryminutes',
      'Canarynote',
      'Canaryasker',
      'Canaryquestion',
      'Canaryrec',
      'canaryemail',
      'canarysubscriber',
    ];
    for (const word of canaries) expect((await find(word)).hits, word).toHaveLength(0);
    // Nor in the feeds, the open data, the sitemap or the downloads.
    for (const url of [
      '/feed.atom',
      `/committees/${slug}/feed.atom`,
      '/sitemap.xml',
      '/api/v1/meetings/1',
      '/api/v1/meetings/2',
      '/api/v1/meetings/4',
      '/api/v1/meetings',
      `/api/v1/committees/${slug}`,
      '/api/v1/actions?per_page=100',
      '/api/v1/recommendations?per_page=100',
      '/api/v1/questions?per_page=100',
      '/api/v1/people?per_page=100',
      '/api/v1/organisations?per_page=100',
      `/committees/${slug}/meetings.json`,
      `/committees/${slug}/actions.csv`,
      `/committees/${slug}/recommendations.json`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body.toLowerCase(), url).not.toContain('canary');
    }

    // The clerk of the committee finds the drafts and exempt papers, each marked as not public.
    const signedIn = async (q: string) => hitsOf((await clerk.get(`/search?q=${encodeURIComponent(q)}`)).body);
    const exemptPaper = await signedIn('Canaryexemptpaper');
    expect(exemptPaper.hits.length).toBeGreaterThan(0);
    expect(exemptPaper.hits[0]?.href).toMatch(/^\/manage\/documents\/\d+#page=1$/);
    expect(exemptPaper.hits[0]?.meta).toContain('Exempt: not public');
    const draftPaper = await signedIn('Canarydraftpaper');
    expect(draftPaper.hits[0]?.meta).toContain('Draft: not public');
    expect((await signedIn('Canaryexempt purpose')).hits[0]?.meta).toContain('Exempt: not public');
    expect((await signedIn('Canaryminutes')).hits[0]?.href).toBe('/manage/meetings/2/minutes');
    expect((await signedIn('Canaryrec')).hits[0]?.meta).toContain('Draft: not public');
    // Its papers' links answer the clerk.
    expect((await clerk.get(exemptPaper.hits[0]?.href.split('#')[0] ?? '')).statusCode).toBe(200);
    // Some things are in no index at all: private notes, questions not accepted, email addresses.
    for (const word of ['Canarynote', 'Canaryquestion', 'canaryemail'])
      expect((await signedIn(word)).hits, word).toHaveLength(0);
    // Signed in, the page is the user's own.
    expect((await clerk.get('/search?q=care')).headers['cache-control']).toBe('private, no-store');
  });
});
