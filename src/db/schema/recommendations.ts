import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { RECOMMENDATION_STATUSES, RESPONSE_DECISIONS, RAG_RATINGS } from '../../lib/enums';
import { agendaItems } from './agenda';
import { committees } from './committees';
import { inquiries } from './inquiries';
import { meetings } from './meetings';
import { organisations } from './organisations';

/** A recommendation from a committee (on an item, or from an inquiry) to the executive or an NHS body. */
export const recommendations = sqliteTable(
  'recommendations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    inquiryId: integer().references(() => inquiries.id, { onDelete: 'set null' }),
    reference: text(),
    text: text().notNull(),
    /** Who must respond: "Cabinet Member for Adult Social Care", "Buckinghamshire CCG". */
    addressedTo: text().notNull(),
    addresseeOrganisationId: integer().references(() => organisations.id, { onDelete: 'set null' }),
    /** 'YYYY-MM-DD'. */
    sentOn: text(),
    /** Fixed when sent, from the committee's response period. */
    responseDueOn: text(),
    status: text({ enum: RECOMMENDATION_STATUSES }).notNull().default('draft'),
    ...timestamps,
  },
  (t) => [
    index('recommendations_committee_status_idx').on(t.committeeId, t.status),
    index('recommendations_inquiry_idx').on(t.inquiryId),
    index('recommendations_item_idx').on(t.agendaItemId),
    index('recommendations_due_idx').on(t.status, t.responseDueOn),
    uniqueIndex('recommendations_reference_unique').on(t.reference),
    check('recommendations_status_check', oneOf(t.status, RECOMMENDATION_STATUSES)),
  ],
);

/** The executive's or NHS body's response to a recommendation. */
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
    /** When the response says the recommendation will be implemented. */
    targetDate: text(),
    ...timestamps,
  },
  (t) => [
    index('recommendation_responses_rec_idx').on(t.recommendationId),
    check('recommendation_responses_decision_check', oneOf(t.decision, RESPONSE_DECISIONS)),
  ],
);

/** A later review of progress on a recommendation (e.g. after 6 and 12 months). */
export const recommendationReviews = sqliteTable(
  'recommendation_reviews',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    recommendationId: integer()
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    reviewedOn: text().notNull(),
    meetingId: integer().references(() => meetings.id, { onDelete: 'set null' }),
    rag: text({ enum: RAG_RATINGS }).notNull(),
    note: text().notNull().default(''),
    targetDate: text(),
    ...timestamps,
  },
  (t) => [
    index('recommendation_reviews_rec_idx').on(t.recommendationId, t.reviewedOn),
    check('recommendation_reviews_rag_check', oneOf(t.rag, RAG_RATINGS)),
  ],
);
