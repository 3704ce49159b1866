import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { desc } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse } from '../helpers/html';
import { createAgendaItem, createCommittee, createMeeting } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { publicQuestions } from '../../src/db/schema';
import { cleanInput } from '../../src/lib/validation';

/**
 * Whatever a resident (or a script) types into the question form, the answer
 * is a clear 4xx with the form as typed, or a saved question whose page shows
 * exactly the text sent, as text: never a 500, never markup of theirs.
 */
let app: FastifyInstance;
let db: Database;
let meetingId = 0;
let itemId = 0;
let client: Client;
let token = '';

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ now: new Date('2027-01-20T10:00:00Z') }));
  const committee = createCommittee(db, { questionsPerPerson: 20, questionWordLimit: 300 });
  meetingId = createMeeting(db, committee.id, { date: '2027-02-11' }).id;
  itemId = createAgendaItem(db, meetingId, { kind: 'business', title: 'Hospitals' }).id;
  client = new Client(app);
  token = await client.csrfToken(`/meetings/${meetingId}/questions/new`);
});
afterAll(() => app.close());

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<!-- comment -->',
  '{{7*7}}',
  '${7*7}',
  '**bold** [link](javascript:alert(1))',
  '\u0000\u0007\u001b',
  '\u202eevil\u202c',
  'Zalgo: Z̷̧̛a̶l̵g̸o̷',
  '👩‍👩‍👧‍👦 family',
  '&amp; &lt; &#x3C;',
  'line one\r\nline two\r\n\r\nnew paragraph',
  'a lone\rreturn',
];

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.constantFrom(...HOSTILE),
  fc.array(fc.constantFrom(...HOSTILE, 'word', '\n', '\n\n', ' '), { maxLength: 60 }).map((parts) => parts.join(' ')),
  fc.integer({ min: 1, max: 120_000 }).map((n) => 'a'.repeat(n)),
);

let sent = 0;
const form = fc.record({
  kind: fc.constantFrom('question', '', 'deputation', 'x'),
  name: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom(...HOSTILE)),
  organisation: fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 80 })),
  email: fc.oneof(fc.constant('valid'), fc.emailAddress(), fc.string({ unit: 'grapheme', maxLength: 40 })),
  text,
  aboutItemId: fc.oneof(fc.constant(''), fc.constant('item'), fc.string({ maxLength: 6 })),
  consent: fc.constantFrom('yes', '', 'no'),
});

describe('the question form, fuzzed', () => {
  it(
    'answers every input with a clear 4xx or a saved question shown as typed, never a 500',
    { timeout: 240_000 },
    async () => {
      const scripts = parse((await app.inject(`/meetings/${meetingId}/questions/new`)).body)('script').length;
      await fc.assert(
        fc.asyncProperty(form, async (f) => {
          const body = {
            ...f,
            email: f.email === 'valid' ? `fuzz${++sent}@example.org` : f.email,
            aboutItemId: f.aboutItemId === 'item' ? String(itemId) : f.aboutItemId,
            _csrf: token,
          };
          const res = await client.post(`/meetings/${meetingId}/questions`, body);
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode !== 303) {
            expect([403, 422, 429]).toContain(res.statusCode);
            const $ = parse(res.body);
            expect($('.govuk-error-summary').length).toBe(1);
            expect($('#text').text()).toBe(cleanInput(f.text));
            expect($('script').length).toBe(scripts);
            return;
          }
          const saved = db.select().from(publicQuestions).orderBy(desc(publicQuestions.id)).get();
          const typed = cleanInput(f.text).trim();
          expect(saved?.text).toBe(typed);
          const page = parse((await app.inject(String(res.headers.location))).body);
          const shown = page('.govuk-summary-list .app-typed-text')
            .map((_, p) => page(p).text())
            .get();
          expect(shown).toEqual(typed.split(/\n\s*\n/));
          expect(page('script').length).toBe(scripts);
          expect(page('img').length).toBe(0);
        }),
        { numRuns: 150, seed: Number(process.env.FUZZ_SEED ?? 20261201) },
      );
    },
  );
});
