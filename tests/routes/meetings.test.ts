import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { parse, tableRows, textOf } from '../helpers/html';
import { pdfPageTexts } from '../helpers/pdf';
import {
  createAgendaItem,
  createAttendance,
  createCommittee,
  createDeclaration,
  createDocument,
  createMeeting,
  createMembership,
  createPerson,
  createPresenter,
  createQuestion,
  createResolution,
  createAction,
} from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';
import { publishMinutes } from '../../src/features/minutes/commands/publishing';
import { agendaItems, meetings } from '../../src/db/schema';

const NOW = new Date('2030-01-15T12:00:00Z');

describe('the demo meetings', () => {
  let app: FastifyInstance;
  let db: Database;
  beforeAll(async () => {
    ({ app, db } = await buildTestApp({ demo: true, now: NOW }));
  });
  afterAll(() => app.close());

  const idOf = (iso: string) =>
    db
      .select()
      .from(meetings)
      .all()
      .find((m) => m.startsAt.toISOString().startsWith(iso))?.id ?? 0;

  it('shows the published agenda of 7 January 2021 with times, presenters and papers', async () => {
    const res = await app.inject(`/meetings/${idOf('2021-01-07')}`);
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect($('title').text()).toBe('Health & Adult Social Care Select Committee, Thursday 7 January 2021 – Scrutineer');
    expect($('h1').text().trim()).toBe('Thursday 7 January 2021');
    expect($('.govuk-caption-l').text().trim()).toBe('Health & Adult Social Care Select Committee');
    const items = $('#agenda .app-agenda-item');
    expect(items).toHaveLength(11);
    expect(items.eq(0).find('h3').text().trim()).toBe('1. Apologies for absence/Changes in Membership');
    // Four pages, as in the reference pack; where they fall depends on our front sheet.
    const [, start, end] =
      /^10:20 · Pages (\d+) to (\d+)$/.exec(items.eq(5).find('.app-agenda-item__meta').text().trim()) ?? [];
    expect(Number(end) - Number(start)).toBe(3);
    expect(items.eq(5).find('.app-agenda__presenters li').text().trim()).toBe(
      'Ms Z McIntosh, Chief Executive, Healthwatch Bucks',
    );
    const papers = items
      .eq(6)
      .find('.app-agenda__papers li')
      .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(papers[0]).toMatch(/^Integrated Care System: cover report \(PDF, Report, pages \d+ to \d+, \d+ KB\)$/);
    expect(papers[1]).toMatch(
      /^NHS England: Integrating care – next steps to building strong and effective integrated care systems across England \(PDF, Appendix, pages \d+ to \d+, \d+ KB\)$/,
    );
    expect(items.eq(8).find('.app-agenda__presenters li')).toHaveLength(7);
    expect(items.eq(10).text()).toContain('Thursday 4th March 2021 at 10am');
    const questions = items.eq(3);
    expect(questions.find('h4').first().text().trim()).toBe('Question 1, submitted by Buckingham Town Council');
    expect(questions.text()).toContain('Question 2, submitted by Ozma, Save Wycombe Hospital Campaign');
    expect(questions.find('details')).toHaveLength(3);
    expect(items.eq(2).find('a').attr('href')).toBe(`/meetings/${idOf('2020-11-05')}#minutes`);
  });

  it('shows the draft minutes of 5 November 2020 laid out as clerks lay them out', async () => {
    const res = await app.inject(`/meetings/${idOf('2020-11-05')}`);
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    const minutes = $('#minutes');
    expect(minutes.find('.govuk-warning-text').text()).toContain('Draft minutes: not yet approved');
    expect(minutes.text()).toContain('The meeting began at 10am and ended at 1.24pm.');
    const list = minutes
      .find('.govuk-summary-list__row')
      .map((_, row) => `${$(row).find('dt').text().trim()} | ${$(row).find('dd').text().replace(/\s+/g, ' ').trim()}`)
      .get();
    expect(list[0]).toMatch(/^Members present \| K Ahmed, Z Ahmed, .* J Wassell and Ms Z McIntosh$/);
    expect(list[1]).toBe('Others in attendance | Mrs E Wheaton and Cllr A Macpherson');
    expect(list[2]).toBe('Apologies | L Wood');
    // Declared under the declarations item, about no one item (as the importer reads it).
    expect(minutes.text()).toContain('A Turner: Other registrable interest.');
    const items = minutes.find('.app-minute-item');
    expect(items).toHaveLength(12);
    expect(items.eq(8).find('.app-resolution li')).toHaveLength(3);
    // As minuted (the line ends without a full stop).
    expect(items.eq(5).text()).toContain('ACTION: Mr A Turner/Ms F Cayley/Ms F Momem: To discuss Option 4');
    expect($('#agenda').text()).toContain('The agenda of this meeting is not available here.');
  });

  it('builds the demo’s agenda pack from its papers, and offers each paper and a printable agenda', async () => {
    await app.packs.idle();
    const id = idOf('2021-01-07');
    const pack = await app.inject(`/meetings/${id}/agenda-pack.pdf`);
    expect(pack.statusCode).toBe(200);
    const pages = await pdfPageTexts(new Uint8Array(pack.rawPayload));
    // 78 pages of papers, as in the reference pack, after our front sheet.
    const front = pages.findIndex((t) => t.startsWith('Minutes of the meeting held on 5 November 2020'));
    expect(front).toBeGreaterThan(0);
    expect(pages).toHaveLength(front + 78);
    expect(pages[0]).toContain('Health & Adult Social Care Select Committee');
    const page = await app.inject(`/meetings/${id}`);
    const link = parse(page.body)('#item-6 .app-agenda__papers a').attr('href');
    expect(link).toMatch(/^\/documents\/\d+$/);
    const paper = await app.inject(String(link));
    expect(paper.headers['content-type']).toBe('application/pdf');
    expect((await pdfPageTexts(new Uint8Array(paper.rawPayload)))[0]).toContain(
      'Healthwatch Bucks: overview of Covid-19 work to date',
    );
    const print = await app.inject(`/meetings/${id}/agenda/print`);
    expect(print.statusCode).toBe(200);
    expect(tableRows(print.body)[5]).toMatch(/^6 \| Update from Healthwatch Bucks.* \| 10:20 \| \d+ to \d+$/);
  });

  it('shows a meeting whose agenda is not yet published without its draft items', async () => {
    const res = await app.inject(`/meetings/${idOf('2021-03-04')}`);
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body, '#agenda')).toContain('The agenda has not been published yet.');
    expect(parse(res.body)('#minutes')).toHaveLength(0);
  });
});

describe('what the public may see of a meeting', () => {
  let app: FastifyInstance;
  let db: Database;
  beforeAll(async () => {
    ({ app, db } = await buildTestApp({ now: NOW }));
  });
  afterAll(() => app.close());

  it('never shows a draft agenda, and shows the published version, not later edits', async () => {
    const c = createCommittee(db);
    const m = createMeeting(db, c.id, { date: '2030-02-10' });
    const item = createAgendaItem(db, m.id, { title: 'Draft title only clerks see' });
    let res = await app.inject(`/meetings/${m.id}`);
    expect(res.body).not.toContain('Draft title only clerks see');
    expect(textOf(res.body, '#agenda')).toContain('The agenda has not been published yet.');

    db.update(agendaItems).set({ title: 'Published title' }).where(eq(agendaItems.id, item.id)).run();
    publishAgenda(db, { meetingId: m.id, publishedAt: new Date('2030-01-20T09:00:00Z') });
    db.update(agendaItems).set({ title: 'Edited after publication' }).where(eq(agendaItems.id, item.id)).run();
    res = await app.inject(`/meetings/${m.id}`);
    expect(textOf(res.body, '#agenda')).toContain('1. Published title');
    expect(res.body).not.toContain('Edited after publication');

    publishAgenda(db, {
      meetingId: m.id,
      publishedAt: new Date('2030-01-22T09:00:00Z'),
      changeSummary: 'Title corrected.',
    });
    res = await app.inject(`/meetings/${m.id}`);
    expect(textOf(res.body, '#agenda')).toContain('1. Edited after publication');
    expect(textOf(res.body, '#agenda')).toContain('(supplement 1, version 2)');
    expect(textOf(res.body, '#agenda')).toContain('Title corrected.');
  });

  it('shows an exempt item as its title and Schedule 12A paragraph only', async () => {
    const c = createCommittee(db);
    const m = createMeeting(db, c.id, { date: '2030-02-11' });
    const officer = createPerson(db, { name: 'Mr Secret Presenter', kind: 'officer' });
    const exempt = createAgendaItem(db, m.id, {
      position: 1,
      title: 'Contract award',
      purpose: 'Confidential purpose text',
      exemptParagraph: 3,
      exemptReason: 'Commercial interests of bidders outweigh disclosure',
    });
    createPresenter(db, { agendaItemId: exempt.id, personId: officer.id, capacity: 'Head of Secrets' });
    createDocument(db, { title: 'Exempt bid appraisal', agendaItemId: exempt.id, meetingId: m.id, exemptParagraph: 3 });
    const open = createAgendaItem(db, m.id, { position: 2, title: 'Open item' });
    createDocument(db, {
      title: 'Open report',
      agendaItemId: open.id,
      meetingId: m.id,
      packStartPage: 3,
      packEndPage: 5,
    });
    createDocument(db, {
      title: 'Exempt appendix to open report',
      agendaItemId: open.id,
      meetingId: m.id,
      exemptParagraph: 1,
    });
    publishAgenda(db, { meetingId: m.id, publishedAt: new Date('2030-01-20T09:00:00Z') });

    const res = await app.inject(`/meetings/${m.id}`);
    const agenda = textOf(res.body, '#agenda');
    expect(agenda).toContain('1. Contract award');
    expect(agenda).toContain('Not for publication: paragraph 3 of Schedule 12A to the Local Government Act 1972.');
    expect(agenda).toContain('2. Open item');
    expect(agenda).toContain('Open report');
    for (const secret of [
      'Confidential purpose text',
      'Commercial interests of bidders',
      'Mr Secret Presenter',
      'Head of Secrets',
      'Exempt bid appraisal',
      'Exempt appendix to open report',
    ]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('never publishes a questioner’s email address', async () => {
    const c = createCommittee(db);
    const m = createMeeting(db, c.id, { date: '2030-02-12' });
    const item = createAgendaItem(db, m.id, { kind: 'public_questions', title: 'Public questions' });
    createQuestion(db, m.id, {
      agendaItemId: item.id,
      askerName: 'Jo Public',
      askerEmail: 'jo.public@example.org',
      text: 'Will the surgery stay open?',
    });
    createQuestion(db, m.id, {
      agendaItemId: item.id,
      askerName: 'Rejected Asker',
      status: 'rejected',
      text: 'Off-topic',
    });
    publishAgenda(db, { meetingId: m.id, publishedAt: new Date('2030-01-20T09:00:00Z') });
    const res = await app.inject(`/meetings/${m.id}`);
    expect(textOf(res.body, '#agenda')).toContain('Question 1, submitted by Jo Public');
    expect(res.body).not.toContain('jo.public@example.org');
    expect(res.body).not.toContain('Rejected Asker');
  });

  it('withholds exempt minute text and the nature of a sensitive interest', async () => {
    const c = createCommittee(db);
    const m = createMeeting(db, c.id, { date: '2029-12-01', status: 'held' });
    const member = createPerson(db, { name: 'Cllr Private' });
    createMembership(db, { committeeId: c.id, personId: member.id, role: 'member' });
    createAttendance(db, { meetingId: m.id, personId: member.id, status: 'present', virtual: true });
    const open = createAgendaItem(db, m.id, {
      position: 1,
      title: 'Budget',
      minuteText: 'Members *discussed* the budget.',
    });
    const closed = createAgendaItem(db, m.id, {
      position: 2,
      title: 'Staffing restructure',
      exemptParagraph: 4,
      minuteText: 'Names of staff at risk',
    });
    createResolution(db, { agendaItemId: open.id, text: 'The Committee NOTED the budget.', outcome: 'NOTED' });
    createResolution(db, { agendaItemId: closed.id, text: 'Secret resolution', outcome: 'AGREED' });
    createAction(db, closed.id, 'Secret action', ['Chief Executive']);
    createDeclaration(db, {
      meetingId: m.id,
      agendaItemId: open.id,
      personId: member.id,
      kind: 'non_registrable',
      nature: 'Home address near the site',
      sensitive: true,
    });
    publishMinutes(db, { meetingId: m.id, publishedAt: new Date('2029-12-05T09:00:00Z') });

    const res = await app.inject(`/meetings/${m.id}`);
    const minutes = textOf(res.body, '#minutes');
    expect(minutes).toContain('Cllr Private (attended virtually)');
    expect(minutes).toContain('Members discussed the budget.');
    expect(parse(res.body)('#minutes em').text()).toBe('discussed');
    expect(minutes).toContain('The Committee NOTED the budget.');
    expect(minutes).toContain('2. Staffing restructure');
    expect(minutes).toContain('Not for publication: paragraph 4 of Schedule 12A');
    expect(minutes).toContain('The nature of the interest is not published because it is sensitive.');
    for (const secret of [
      'Names of staff at risk',
      'Secret resolution',
      'Secret action',
      'Home address near the site',
    ]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('shows a cancelled meeting with its reason', async () => {
    const c = createCommittee(db);
    const m = createMeeting(db, c.id, {
      date: '2030-03-01',
      status: 'cancelled',
      statusReason: 'Purdah before the election',
    });
    const res = await app.inject(`/meetings/${m.id}`);
    expect(res.statusCode).toBe(200);
    const banner = textOf(res.body, '.govuk-notification-banner');
    expect(banner).toContain('This meeting has been cancelled.');
    expect(banner).toContain('Purdah before the election');
  });

  it('escapes markup in item titles and minute text', async () => {
    const c = createCommittee(db);
    const m = createMeeting(db, c.id, { date: '2029-12-02', status: 'held' });
    createAgendaItem(db, m.id, {
      title: '<script>alert(1)</script>',
      purpose: '<img src=x onerror=alert(2)>',
      minuteText: '<iframe src="https://evil.example"></iframe>',
    });
    publishAgenda(db, { meetingId: m.id, publishedAt: new Date('2029-11-20T09:00:00Z') });
    publishMinutes(db, { meetingId: m.id, publishedAt: new Date('2029-12-05T09:00:00Z') });
    const res = await app.inject(`/meetings/${m.id}`);
    const $ = parse(res.body);
    expect($('#agenda h3').first().text().trim()).toBe('1. <script>alert(1)</script>');
    // No script but the page's schema.org data block, which holds no markup at all.
    expect($('script:not([src]):not([type="application/ld+json"])')).toHaveLength(0);
    expect($('script[type="application/ld+json"]').html()).not.toMatch(/[<>]/);
    expect($('main img, main iframe')).toHaveLength(0);
    expect(textOf(res.body, '#minutes')).toContain('<iframe src="https://evil.example"></iframe>');
  });

  it('answers an htmx request with the fragment and its title', async () => {
    const c = createCommittee(db, { name: 'Fragment Committee' });
    const m = createMeeting(db, c.id, { date: '2030-02-13' });
    const res = await app.inject({ url: `/meetings/${m.id}`, headers: { 'hx-request': 'true' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<html');
    expect(res.body).toContain('<title>Fragment Committee, Wednesday 13 February 2030 – Scrutineer</title>');
    expect(parse(res.body)('h1').text().trim()).toBe('Wednesday 13 February 2030');
    expect(res.headers['vary']).toContain('HX-Request');
    const boosted = await app.inject({
      url: `/meetings/${m.id}`,
      headers: { 'hx-request': 'true', 'hx-boosted': 'true' },
    });
    expect(boosted.body).toContain('<html');
  });

  it.each(['abc', '-1', '0', '1.5', '99999999999999999999', '999999', '1e3', '%20'])(
    'answers /meetings/%s with the 404 page',
    async (id) => {
      const res = await app.inject(`/meetings/${id}`);
      expect(res.statusCode).toBe(404);
      expect(parse(res.body)('h1').text()).toBe('Page not found');
    },
  );
});
