import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { IMPLEMENTATION_STATUSES, RECOMMENDATION_STATUSES, RESPONSE_DECISIONS } from '../../lib/enums';
import { agendaItems } from './agenda';
import { committees } from './committees';
import { documents } from './documents';
import { inquiries } from './inquiries';
import { organisations } from './organisations';
import { people } from './people';

/**
 * A recommendation from a committee (on an item, or from an inquiry) to the
 * executive or an NHS body, followed until it is done. Public once sent
 * (never one made at an exempt item).
 */
export const recommendations = sqliteTable(
  'recommendations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    inquiryId: integer().references(() => inquiries.id, { onDelete: 'set null' }),
    /** "HASC/R/3": the committee's code and the recommendation's number; given when it is made, never changed. */
    reference: text(),
    text: text().notNull(),
    /** Who must respond: "Cabinet Member for Adult Social Care", "Buckinghamshire CCG". */
    addressedTo: text().notNull(),
    addresseeOrganisationId: integer().references(() => organisations.id, { onDelete: 'set null' }),
    /** The addressee's contact in the directory: reminded when the response is due and when it is late. */
    contactPersonId: integer().references(() => people.id, { onDelete: 'set null' }),
    /** 'YYYY-MM-DD'. */
    sentOn: text(),
    /** Fixed when sent, from the committee's response period. */
    responseDueOn: text(),
    status: text({ enum: RECOMMENDATION_STATUSES }).notNull().default('draft'),
    implementationStatus: text({ enum: IMPLEMENTATION_STATUSES }).notNull().default('not_started'),
    /** 'YYYY-MM-DD'; every change is kept in recommendation_target_changes with its reason. */
    targetDate: text(),
    ...timestamps,
  },
  (t) => [
    index('recommendations_committee_status_idx').on(t.committeeId, t.status),
    index('recommendations_inquiry_idx').on(t.inquiryId),
    index('recommendations_item_idx').on(t.agendaItemId),
    index('recommendations_due_idx').on(t.status, t.responseDueOn),
    uniqueIndex('recommendations_reference_unique').on(t.reference),
    check('recommendations_status_check', oneOf(t.status, RECOMMENDATION_STATUSES)),
    check('recommendations_implementation_check', oneOf(t.implementationStatus, IMPLEMENTATION_STATUSES)),
  ],
);

/** The executive's or NHS body's response to a recommendation: its decision, its words, or a paper. */
export const recommendationResponses = sqliteTable(
  'recommendation_responses',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    recommendationId: integer()
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    receivedOn: text().notNull(),
    decision: text({ enum: RESPONSE_DECISIONS }).notNull(),
    text: text().notNull().default(''),
    respondent: text(),
    /** The response as a paper (e.g. a report to the committee). */
    documentId: integer().references(() => documents.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('recommendation_responses_rec_idx').on(t.recommendationId),
    check('recommendation_responses_decision_check', oneOf(t.decision, RESPONSE_DECISIONS)),
  ],
);

/** Every change of a recommendation's target date, with the reason given for it. */
export const recommendationTargetChanges = sqliteTable(
  'recommendation_target_changes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    recommendationId: integer()
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    fromDate: text(),
    toDate: text(),
    reason: text().notNull(),
    authorName: text(),
    ...timestamps,
  },
  (t) => [
    index('recommendation_target_changes_rec_idx').on(t.recommendationId, t.createdAt),
    check('recommendation_target_changes_reason_check', sql`length(trim(${t.reason})) > 0`),
  ],
);
