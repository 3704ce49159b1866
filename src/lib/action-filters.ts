import { ACTION_STATUSES, type ActionStatus } from './enums';
import { isDate, many, one, wholeNumber as id } from './query-params';

export const ACTION_SORTS = ['due', 'meeting', 'status', 'reference'] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];

/** A list's filters, checked (see parseActionFilters). */
export interface ActionFilters {
  /** Null: every committee (an administrator's list). */
  committeeIds: number[] | null;
  /** With committeeIds: this person's own actions too, whichever committee they are of. */
  orOwnerPersonId: number | null;
  committeeId: number | null;
  statuses: ActionStatus[];
  overdue: boolean;
  /** Words of an owner's name, as minuted. */
  owner: string;
  ownerPersonId: number | null;
  organisationId: number | null;
  meetingId: number | null;
  /** London dates of the meetings, inclusive. */
  from: string | null;
  to: string | null;
  sort: ActionSort;
  /** Only actions the public may read. */
  publishedOnly: boolean;
}

export const NO_FILTERS: ActionFilters = {
  committeeIds: null,
  orOwnerPersonId: null,
  committeeId: null,
  statuses: [],
  overdue: false,
  owner: '',
  ownerPersonId: null,
  organisationId: null,
  meetingId: null,
  from: null,
  to: null,
  sort: 'due',
  publishedOnly: false,
};

/** The query parameters an action list understands; anything else is refused in words. */
export const ACTION_FILTER_PARAMS = [
  'committee',
  'status',
  'overdue',
  'owner',
  'person',
  'organisation',
  'meeting',
  'from',
  'to',
  'sort',
  'page',
] as const;
export type ActionFilterParam = (typeof ACTION_FILTER_PARAMS)[number];

/** The filters as typed, to fill the form in again. */
export type ActionFilterValues = { statuses: string[] } & Record<Exclude<ActionFilterParam, 'status'>, string>;

export interface ParsedFilters {
  filters: ActionFilters;
  page: number;
  values: ActionFilterValues;
  errors: Record<string, string>;
}

/**
 * Reads an action list's query string. Every problem is a message naming
 * the parameter (an unknown filter, a status that is not one, a date that
 * is not a date): a list is never silently wider than asked for.
 */
export function parseActionFilters(
  query: unknown,
  base: Partial<ActionFilters>,
  allowed: readonly ActionFilterParam[] = ACTION_FILTER_PARAMS,
): ParsedFilters {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const key of Object.keys(q)) {
    if (!(allowed as readonly string[]).includes(key)) {
      errors[key] = `“${key}” is not a filter of this list: use ${allowed.join(', ')}`;
    }
  }
  const values: ActionFilterValues = {
    committee: one(q.committee),
    statuses: many(q.status),
    overdue: one(q.overdue),
    owner: one(q.owner).slice(0, 100),
    person: one(q.person),
    organisation: one(q.organisation),
    meeting: one(q.meeting),
    from: one(q.from),
    to: one(q.to),
    sort: one(q.sort),
    page: one(q.page),
  };
  const statuses = values.statuses.filter((s): s is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(s));
  if (statuses.length !== values.statuses.length) errors.status = `Status must be ${ACTION_STATUSES.join(', ')}`;
  const idOf = (name: 'committee' | 'person' | 'organisation' | 'meeting') => {
    if (values[name] === '') return null;
    const n = id(values[name]);
    if (n === null) errors[name] = `“${name}” must be a number`;
    return n;
  };
  const committeeId = idOf('committee');
  const ownerPersonId = idOf('person');
  const organisationId = idOf('organisation');
  const meetingId = idOf('meeting');
  for (const name of ['from', 'to'] as const) {
    if (values[name] !== '' && !isDate(values[name])) errors[name] = `“${name}” must be a date like 2027-01-31`;
  }
  if (!errors.from && !errors.to && values.from && values.to && values.from > values.to) {
    errors.to = 'The end of the meeting range must be on or after its start';
  }
  if (values.overdue !== '' && values.overdue !== 'yes') errors.overdue = '“overdue” can only be yes';
  if (values.sort !== '' && !(ACTION_SORTS as readonly string[]).includes(values.sort)) {
    errors.sort = `Sort must be ${ACTION_SORTS.join(', ')}`;
  }
  let page = 1;
  if (values.page !== '') {
    const n = id(values.page);
    if (n === null || n < 1) errors.page = '“page” must be a whole number from 1';
    else page = n;
  }
  return {
    filters: {
      ...NO_FILTERS,
      ...base,
      committeeId: committeeId ?? base.committeeId ?? null,
      statuses,
      overdue: values.overdue === 'yes',
      owner: values.owner,
      ownerPersonId: ownerPersonId ?? base.ownerPersonId ?? null,
      organisationId,
      meetingId,
      from: errors.from ? null : values.from || null,
      to: errors.to ? null : values.to || null,
      sort: (errors.sort ? 'due' : values.sort || base.sort || 'due') as ActionSort,
    },
    page,
    values,
    errors,
  };
}

/** The query string of a list with its filters, and another page or sort. */
export function filterQuery(
  values: ActionFilterValues,
  change: Partial<Record<ActionFilterParam, string>> = {},
): string {
  const params = new URLSearchParams();
  const merged = { ...values, ...change };
  for (const key of ACTION_FILTER_PARAMS) {
    if (key === 'status') {
      for (const s of values.statuses) params.append('status', s);
      continue;
    }
    const v = merged[key as Exclude<ActionFilterParam, 'status'>];
    if (v && !(key === 'page' && v === '1')) params.set(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
