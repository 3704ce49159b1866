import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_FILTER_PARAMS, parseActionFilters, type ActionFilters } from '../../../lib/action-filters';
import { isOverdue } from '../../../lib/action-rules';
import { csvRow } from '../../../lib/csv';
import { londonDate } from '../../../lib/dates';
import { ACTION_STATUS_LABELS } from '../../../lib/labels';
import { ManageActionsPage, type ActionListProps } from '../../../../views/actions/ActionListPages';
import { FiguresPage } from '../../../../views/actions/FiguresPage';
import { listCommittees } from '../../committees/queries';
import { listOrganisations } from '../../organisations/queries';
import { actionFigures, allActions, listActions } from '../queries';
import { actionSlug } from '../../../lib/action-rules';
import { baseUrlOf, keptHtml } from '../../../plugins/views';
import { KeptRenders } from '../../site/queries';

const PAGE_SIZE = 50;

/**
 * One page of a list as its filters read it from the address, and the
 * status to answer with: 400 for a filter it cannot read, 404 for a page
 * past the end (the page says so, and links to the last).
 */
export function actionListOf(
  db: FastifyInstance['db'],
  parsed: ReturnType<typeof parseActionFilters>,
  now: Date,
): { list: ActionListProps; errors: boolean; status: number } {
  const { rows, total } = listActions(db, parsed.filters, { number: parsed.page, size: PAGE_SIZE }, now);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const errors = Object.keys(parsed.errors).length > 0;
  return {
    list: { rows, total, page: parsed.page, pageSize: PAGE_SIZE, values: parsed.values, errors: parsed.errors, now },
    errors,
    status: errors ? 400 : parsed.page > pages ? 404 : 200,
  };
}

/** The lists as drawn, for each state of the data (a list of 100,000 actions is counted and drawn once, not per request). */
const lists = new KeptRenders<{ errors: boolean; status: number; body: Buffer }>((l) => l.body.length);
const SIGNED_IN = { config: { access: 'signed_in' as const } };

/** What a signed-in user may see: an administrator every action; anyone else their committees' and their own. */
function visibleTo(request: FastifyRequest): Partial<ActionFilters> {
  const user = request.user;
  if (!user || user.role === 'admin') return { committeeIds: null };
  return { committeeIds: user.committeeIds, orOwnerPersonId: user.personId };
}

const CSV_HEAD = [
  'Reference',
  'Action',
  'Owners',
  'Committee',
  'Meeting',
  'Item',
  'Due',
  'Status',
  'Overdue',
  'Public page',
];

/** /manage/actions (and .csv) and /manage/my-actions. */
export const actionListRoutes: FastifyPluginAsync = async (app) => {
  const listPage = (request: FastifyRequest, reply: FastifyReply, mine: boolean) => {
    const user = request.user;
    if (!user) return reply.callNotFound();
    const base = mine ? '/manage/my-actions' : '/manage/actions';
    const scope: Partial<ActionFilters> = mine
      ? { committeeIds: null, ownerPersonId: user.personId ?? -1 }
      : visibleTo(request);
    const now = app.now();
    // What the user may see, and the address: everything the list depends on besides the data and the day.
    const key = JSON.stringify([
      base,
      user.role === 'admin' ? null : user.committeeIds,
      user.personId,
      request.url.slice(request.url.indexOf('?') + 1 || request.url.length),
    ]);
    const list = lists.get(app.db, now, key, () => {
      const { list, errors, status } = actionListOf(app.db, parseActionFilters(request.query, scope), now);
      const committees = listCommittees(app.db).filter(
        (c) => user.role === 'admin' || user.committeeIds.includes(c.id),
      );
      return {
        errors,
        status,
        body: keptHtml(
          ManageActionsPage({
            title: mine ? 'My actions' : 'Actions',
            intro: mine
              ? user.personId
                ? 'The actions you own, the overdue ones first. Open one to say how it is going.'
                : 'Your account is not linked to a person in the directory, so no actions are yours: ask an administrator to link it.'
              : 'Every action you may see: those of your committees, and your own.',
            base,
            list,
            options: {
              committees: mine ? undefined : committees.map((c) => ({ id: c.id, name: c.name })),
              organisations: listOrganisations(app.db).map((o) => ({ id: o.id, name: o.name })),
              range: true,
            },
            csv: !mine,
          }),
        ),
      };
    });
    return reply.page({
      title: `${list.errors ? 'Error: ' : ''}${mine ? 'My actions' : 'Actions'}`,
      nav: 'manage',
      status: list.status,
      body: list.body,
    });
  };

  app.get('/actions', SIGNED_IN, async (request, reply) => listPage(request, reply, false));
  app.get('/my-actions', SIGNED_IN, async (request, reply) => listPage(request, reply, true));

  app.get('/actions/figures', SIGNED_IN, async (request, reply) => {
    const parsed = parseActionFilters(
      request.query,
      visibleTo(request),
      ACTION_FILTER_PARAMS.filter((p) => p !== 'page'),
    );
    // A filter it cannot read: the list says what is wrong with it, and shows the form.
    if (Object.keys(parsed.errors).length) return listPage(request, reply, false);
    return reply.page({
      title: 'Actions in figures',
      nav: 'manage',
      body: FiguresPage({ figures: actionFigures(app.db, parsed.filters, app.now()), values: parsed.values }),
    });
  });

  app.get('/actions.csv', SIGNED_IN, async (request, reply) => {
    // Every filter of the list but its page: the export is the whole filtered list.
    const parsed = parseActionFilters(
      request.query,
      visibleTo(request),
      ACTION_FILTER_PARAMS.filter((p) => p !== 'page'),
    );
    if (Object.keys(parsed.errors).length) {
      return reply
        .status(400)
        .type('text/plain; charset=utf-8')
        .send(`The export was not made:\n${Object.values(parsed.errors).join('\n')}\n`);
    }
    const now = app.now();
    const base = baseUrlOf(request);
    const db = app.db;
    function* lines() {
      yield `\uFEFF${csvRow(CSV_HEAD)}`;
      for (const batch of allActions(db, parsed.filters, now)) {
        yield batch
          .map((a) =>
            csvRow([
              a.reference,
              a.description,
              a.owners.join('; '),
              a.committee.name,
              londonDate(a.meetingStartsAt),
              a.itemTitle,
              a.dueDate,
              ACTION_STATUS_LABELS[a.status],
              isOverdue(a, now) ? 'yes' : 'no',
              a.publishedAt && a.reference ? `${base}/actions/${actionSlug(a.reference)}` : '',
            ]),
          )
          .join('');
      }
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="actions-${londonDate(now)}.csv"`)
      .send(Readable.from(lines()));
  });
};
