import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { instant, oneOf, timestamps } from '../columns';
import { SUBSCRIPTION_FREQUENCIES, SUBSCRIPTION_SCOPES, SUBSCRIPTION_STATUSES } from '../../lib/enums';
import { committees } from './committees';

/**
 * Someone who asked to be emailed what is published: everything, one
 * committee's, or what matches a search. No account: the address is
 * confirmed by a link (double opt-in) and every message carries a link to
 * stop. The address is used for these messages only, never shown or
 * exported; the audit trail records the subscription, not the address.
 */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull(),
    scope: text({ enum: SUBSCRIPTION_SCOPES }).notNull(),
    committeeId: integer().references(() => committees.id, { onDelete: 'cascade' }),
    /** The words followed, as typed (scope 'search'). */
    query: text(),
    frequency: text({ enum: SUBSCRIPTION_FREQUENCIES }).notNull(),
    status: text({ enum: SUBSCRIPTION_STATUSES }).notNull().default('pending'),
    /** A hash of the confirmation link's token (the token itself is only in the email). */
    confirmTokenHash: text(),
    confirmExpiresAt: instant(),
    /** A hash of the unsubscribe link's token, which is derived from the id (so every message can carry it). */
    unsubscribeTokenHash: text(),
    confirmedAt: instant(),
    unsubscribedAt: instant(),
    /** What was published up to this instant has been sent (or was published before the subscription began). */
    sentUpTo: instant(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('subscriptions_confirm_token_unique').on(t.confirmTokenHash),
    uniqueIndex('subscriptions_unsubscribe_token_unique').on(t.unsubscribeTokenHash),
    index('subscriptions_status_idx').on(t.status, t.frequency),
    check('subscriptions_scope_check', oneOf(t.scope, SUBSCRIPTION_SCOPES)),
    check('subscriptions_frequency_check', oneOf(t.frequency, SUBSCRIPTION_FREQUENCIES)),
    check('subscriptions_status_check', oneOf(t.status, SUBSCRIPTION_STATUSES)),
  ],
);
