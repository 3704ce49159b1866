import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { committees, subscriptions } from '../../db/schema';
import type { SubscriptionFrequency, SubscriptionScope, SubscriptionStatus } from '../../lib/enums';
import { hashToken } from '../../lib/tokens';

/** A subscription as its links show it: what it follows, never the address. */
export interface SubscriptionView {
  id: number;
  scope: SubscriptionScope;
  committee: { id: number; slug: string; name: string } | null;
  query: string | null;
  frequency: SubscriptionFrequency;
  status: SubscriptionStatus;
  confirmExpiresAt: Date | null;
}

const VIEW = {
  id: subscriptions.id,
  scope: subscriptions.scope,
  committeeId: committees.id,
  committeeSlug: committees.slug,
  committeeName: committees.name,
  query: subscriptions.query,
  frequency: subscriptions.frequency,
  status: subscriptions.status,
  confirmExpiresAt: subscriptions.confirmExpiresAt,
};

function byHash(db: Db, column: 'confirmTokenHash' | 'unsubscribeTokenHash', token: string): SubscriptionView | null {
  const row = db
    .select(VIEW)
    .from(subscriptions)
    .leftJoin(committees, eq(committees.id, subscriptions.committeeId))
    .where(eq(subscriptions[column], hashToken(token)))
    .get();
  if (!row) return null;
  const { committeeId, committeeSlug, committeeName, ...rest } = row;
  return {
    ...rest,
    committee:
      committeeId !== null && committeeSlug !== null && committeeName !== null
        ? { id: committeeId, slug: committeeSlug, name: committeeName }
        : null,
  };
}

/** The subscription a confirmation link is for, or null (a forged or mistyped link). */
export function subscriptionByConfirmToken(db: Db, token: string): SubscriptionView | null {
  return byHash(db, 'confirmTokenHash', token);
}

/** The subscription an unsubscribe link is for, or null. */
export function subscriptionByUnsubscribeToken(db: Db, token: string): SubscriptionView | null {
  return byHash(db, 'unsubscribeTokenHash', token);
}

export interface ActiveSubscription {
  id: number;
  email: string;
  scope: SubscriptionScope;
  committeeId: number | null;
  committeeSlug: string | null;
  committeeName: string | null;
  query: string | null;
  frequency: SubscriptionFrequency;
  sentUpTo: Date;
}

/** Every confirmed subscription, with the address to send to (for the sender only). */
export function activeSubscriptions(db: Db): ActiveSubscription[] {
  return db
    .select({
      id: subscriptions.id,
      email: subscriptions.email,
      scope: subscriptions.scope,
      committeeId: subscriptions.committeeId,
      committeeSlug: committees.slug,
      committeeName: committees.name,
      query: subscriptions.query,
      frequency: subscriptions.frequency,
      sentUpTo: subscriptions.sentUpTo,
    })
    .from(subscriptions)
    .leftJoin(committees, eq(committees.id, subscriptions.committeeId))
    .where(eq(subscriptions.status, 'active'))
    .orderBy(subscriptions.id)
    .all()
    .flatMap((s) => (s.sentUpTo ? [{ ...s, sentUpTo: s.sentUpTo }] : []));
}
