import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse } from '../helpers/html';
import { createUser, TEST_PASSWORD } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { organisations, people, auditLog } from '../../src/db/schema';

let app: FastifyInstance;
let db: Database;
let clerk: Client;

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  const user = createUser(db, { role: 'clerk' });
  clerk = new Client(app);
  await clerk.signIn(user.email, TEST_PASSWORD);
});
afterAll(() => app.close());

/** The message shown beside a field, and the field's value as shown again. */
function fieldState(html: string, id: string) {
  const $ = parse(html);
  return {
    error: $(`#${id}-error`)
      .text()
      .replace(/^Error:\s*/, '')
      .trim(),
    value: $(`#${id}`).is('select')
      ? ($(`#${id} option[selected]`).attr('value') ?? '')
      : ($(`#${id}`).attr('value') ?? $(`#${id}`).text()),
    summary: $('.govuk-error-summary__list a')
      .map((_, a) => $(a).text())
      .get(),
  };
}

describe('organisations', () => {
  it('are added, shown in the list with a confirmation, and recorded', async () => {
    const form = await clerk.get('/manage/organisations/new');
    expect(form.statusCode).toBe(200);
    const res = await clerk.submit(
      '/manage/organisations',
      {
        name: 'Frimley Health NHS Foundation Trust',
        shortName: 'FHFT',
        kind: 'nhs_trust',
        website: 'https://www.fhft.nhs.uk',
      },
      '/manage/organisations/new',
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/manage/organisations');
    const list = await clerk.get('/manage/organisations');
    const $ = parse(list.body);
    expect($('.govuk-notification-banner--success').text()).toContain('Added Frimley Health NHS Foundation Trust');
    expect($('table').text()).toContain('Frimley Health NHS Foundation Trust (FHFT)');
    // The confirmation shows once.
    expect(parse((await clerk.get('/manage/organisations')).body)('.govuk-notification-banner--success')).toHaveLength(
      0,
    );
    const org = db
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Frimley Health NHS Foundation Trust'))
      .get();
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .some((r) => r.action === 'organisation.create' && r.recordId === String(org?.id)),
    ).toBe(true);
  });

  it('refuses a blank form with messages beside the fields, keeping what was typed, saving nothing', async () => {
    const before = db.select().from(organisations).all().length;
    const res = await clerk.submit(
      '/manage/organisations',
      { name: '', shortName: 'XYZ', kind: '', website: 'not a web address' },
      '/manage/organisations/new',
    );
    expect(res.statusCode).toBe(422);
    expect(fieldState(res.body, 'name').error).toBe('Enter the name of the organisation');
    expect(fieldState(res.body, 'kind').error).toBe('Select the kind of organisation');
    expect(fieldState(res.body, 'website').error).toBe('Website must be a full web address starting with https://');
    expect(fieldState(res.body, 'shortName').value).toBe('XYZ');
    expect(fieldState(res.body, 'website').value).toBe('not a web address');
    expect(fieldState(res.body, 'name').summary).toEqual([
      'Enter the name of the organisation',
      'Select the kind of organisation',
      'Website must be a full web address starting with https://',
    ]);
    expect(db.select().from(organisations).all()).toHaveLength(before);
  });

  it('refuses a name already used, and edits an organisation', async () => {
    const dup = await clerk.submit(
      '/manage/organisations',
      { name: 'Frimley Health NHS Foundation Trust', kind: 'nhs_trust' },
      '/manage/organisations/new',
    );
    expect(dup.statusCode).toBe(422);
    expect(fieldState(dup.body, 'name').error).toBe('An organisation with this name already exists');

    const org = db
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Frimley Health NHS Foundation Trust'))
      .get();
    const edit = await clerk.get(`/manage/organisations/${org?.id}/edit`);
    expect(fieldState(edit.body, 'shortName').value).toBe('FHFT');
    const saved = await clerk.submit(
      `/manage/organisations/${org?.id}`,
      { name: 'Frimley Health NHS Foundation Trust', shortName: 'Frimley', kind: 'nhs_trust', website: '' },
      `/manage/organisations/${org?.id}/edit`,
    );
    expect(saved.statusCode).toBe(303);
    expect(
      db
        .select()
        .from(organisations)
        .where(eq(organisations.id, org?.id ?? 0))
        .get(),
    ).toMatchObject({ shortName: 'Frimley', website: null });
  });
});

describe('people', () => {
  it('are added with their organisation, edited, and validated', async () => {
    const org = db.insert(organisations).values({ name: 'Healthwatch Test', kind: 'healthwatch' }).returning().get();
    const res = await clerk.submit(
      '/manage/people',
      {
        name: 'Ms A Person',
        fullName: 'Ann Person',
        honorific: 'Ms',
        jobTitle: 'Chief Executive',
        organisationId: String(org.id),
        kind: 'partner',
      },
      '/manage/people/new',
    );
    expect(res.statusCode).toBe(303);
    const person = db.select().from(people).where(eq(people.name, 'Ms A Person')).get();
    expect(person).toMatchObject({ fullName: 'Ann Person', organisationId: org.id, kind: 'partner' });
    const list = await clerk.get('/manage/people');
    expect(parse(list.body)('table').text()).toContain('Chief Executive, Healthwatch Test');

    const bad = await clerk.submit(
      `/manage/people/${person?.id}`,
      { name: '   ', fullName: 'Ann Person', organisationId: '99999', kind: 'partner' },
      `/manage/people/${person?.id}/edit`,
    );
    expect(bad.statusCode).toBe(422);
    expect(fieldState(bad.body, 'name').error).toBe('Enter the name as it is minuted, like Mr A Turner');
    expect(fieldState(bad.body, 'fullName').value).toBe('Ann Person');
    expect(
      db
        .select()
        .from(people)
        .where(eq(people.id, person?.id ?? 0))
        .get()?.name,
    ).toBe('Ms A Person');

    const wrongOrg = await clerk.submit(
      `/manage/people/${person?.id}`,
      { name: 'Ms A Person', organisationId: '99999', kind: 'partner' },
      `/manage/people/${person?.id}/edit`,
    );
    expect(wrongOrg.statusCode).toBe(422);
    expect(fieldState(wrongOrg.body, 'organisationId').error).toBe('Select an organisation from the list');

    const ok = await clerk.submit(
      `/manage/people/${person?.id}`,
      { name: 'Mrs A Person', organisationId: '', kind: 'officer' },
      `/manage/people/${person?.id}/edit`,
    );
    expect(ok.statusCode).toBe(303);
    expect(
      db
        .select()
        .from(people)
        .where(eq(people.id, person?.id ?? 0))
        .get(),
    ).toMatchObject({ name: 'Mrs A Person', organisationId: null, kind: 'officer' });
  });
});
