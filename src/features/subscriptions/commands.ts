import { createHmac } from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditKeyOf, inTransaction, type Database, type Db } from '../../db/client';
import { subscriptions } from '../../db/schema';
import { londonDate, londonTime } from '../../lib/dates';
import {
  SUBSCRIPTION_FREQUENCIES,
  SUBSCRIPTION_SCOPES,
  type SubscriptionFrequency,
  type SubscriptionScope,
} from '../../lib/enums';
import { hashToken, newToken } from '../../lib/tokens';
import { invalid, valid, type FieldErrors, type Validated } from '../../lib/validation';
import { recordAudit, systemActor, type Actor } from '../audit/commands';
import { getCommitteeBySlug } from '../committees/queries';
import { feedEntries, type FeedEntry } from '../feeds/queries';
import { eraseSubscriberMail, queueMail } from '../mail/commands';
import { indexWhatChanged } from '../search/commands';
import { ftsQuery, unitsMatching } from '../search/queries';
import { alertMessage, confirmationMessage } from './messages';
import { activeSubscriptions, type ActiveSubscription } from './queries';

/** A confirmation link works this long. */
export const CONFIRM_DAYS = 7;
/** Everything published since a subscription's last message is read (a message shows the first 50 and counts the rest). */
const ALL_SINCE = 100_000;
/** A daily digest goes out at the first sweep after this London time. */
export const DIGEST_TIME = '07:00';
/** The longest search that can be followed. */
export const MAX_QUERY_LENGTH = 200;

export const SUBSCRIBE_FIELDS = ['email', 'scope', 'committee', 'q', 'frequency'] as const;
export type SubscribeForm = Record<(typeof SUBSCRIBE_FIELDS)[number], string>;

/** The link that confirms a subscription, and the one that ends it, under the site's address. */
export interface SubscriptionLinks {
  base: string;
}
export const confirmLink = (base: string, token: string) => `${base}/subscriptions/confirm/${token}`;
export const unsubscribeLink = (base: string, token: string) => `${base}/unsubscribe/${token}`;

/**
 * A subscription's unsubscribe token: derived from its id with a key held
 * outside the database (from the audit key), so every message can carry the
 * same link while only its hash is stored.
 */
export function unsubscribeToken(db: Db, subscriptionId: number): string {
  const linkKey = createHmac('sha256', auditKeyOf(db)).update('scrutineer subscription links').digest();
  return createHmac('sha256', linkKey).update(`unsubscribe:${subscriptionId}`).digest('base64url');
}

interface Checked {
  email: string;
  scope: SubscriptionScope;
  committee: { id: number; name: string } | null;
  query: string | null;
  frequency: SubscriptionFrequency;
}

/** The form, checked: a message per field, in words. */
export function checkSubscribeForm(db: Db, form: SubscribeForm): Validated<Checked> {
  const errors: FieldErrors = {};
  const email = form.email.trim();
  if (!email) errors.email = 'Enter your email address';
  else if (email.length > 254 || !z.email().safeParse(email).success)
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  const scope = SUBSCRIPTION_SCOPES.find((s) => s === form.scope);
  if (!scope) errors.scope = 'Select what you want emails about';
  let committee: Checked['committee'] = null;
  if (scope === 'committee') {
    const found = form.committee ? getCommitteeBySlug(db, form.committee) : null;
    if (!found || found.status !== 'active') errors.committee = 'Select a committee from the list';
    else committee = { id: found.id, name: found.name };
  }
  let query: string | null = null;
  if (scope === 'search') {
    query = form.q.replace(/\s+/g, ' ').trim();
    if (!query) errors.q = 'Enter the words to follow';
    else if (query.length > MAX_QUERY_LENGTH) errors.q = `Enter ${MAX_QUERY_LENGTH} characters or fewer`;
    else if (!ftsQuery(query)) errors.q = 'Enter words or numbers to follow';
  }
  const frequency = SUBSCRIPTION_FREQUENCIES.find((f) => f === form.frequency);
  if (!frequency) errors.frequency = 'Select how often you want emails';
  if (Object.keys(errors).length > 0 || !scope || !frequency) return invalid(errors);
  return valid({ email, scope, committee, query, frequency });
}

/**
 * Asks for a subscription: kept as pending, and a confirmation link emailed
 * (double opt-in); nothing else is sent until it is confirmed. The answer is
 * the same whether or not the address already follows this, so the form
 * tells nobody who subscribes to what. The audit trail records the
 * subscription, never the address.
 */
export function requestSubscription(
  db: Db,
  actor: Actor,
  form: SubscribeForm,
  now: Date,
  links: SubscriptionLinks,
): Validated<{ id: number }> {
  const checked = checkSubscribeForm(db, form);
  if (!checked.ok) return checked;
  const s = checked.value;
  const confirm = newToken();
  const expiresAt = new Date(now.getTime() + CONFIRM_DAYS * 86_400_000);
  return inTransaction(db, (tx) => {
    const { id } = tx
      .insert(subscriptions)
      .values({
        email: s.email,
        scope: s.scope,
        committeeId: s.committee?.id ?? null,
        query: s.query,
        frequency: s.frequency,
        confirmTokenHash: confirm.hash,
        confirmExpiresAt: expiresAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: subscriptions.id })
      .get();
    tx.update(subscriptions)
      .set({ unsubscribeTokenHash: hashToken(unsubscribeToken(tx, id)) })
      .where(eq(subscriptions.id, id))
      .run();
    queueMail(
      tx,
      confirmationMessage(
        s.email,
        { scope: s.scope, committeeName: s.committee?.name ?? null, query: s.query, frequency: s.frequency },
        confirmLink(links.base, confirm.token),
        expiresAt,
      ),
      now,
    );
    recordAudit(tx, actor, {
      action: 'subscription.request',
      recordType: 'subscription',
      recordId: id,
      after: { scope: s.scope, committeeId: s.committee?.id ?? null, query: s.query, frequency: s.frequency },
      at: now,
    });
    return valid({ id });
  });
}

/** What an ended subscription keeps in place of its address. */
const ERASED = '(erased)';

function hasOtherSubscription(db: Db, id: number, email: string): boolean {
  return (
    db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          ne(subscriptions.id, id),
          ne(subscriptions.status, 'unsubscribed'),
          sql`lower(${subscriptions.email}) = ${email.toLowerCase()}`,
        ),
      )
      .get() !== undefined
  );
}

export type LinkOutcome = 'done' | 'already' | 'expired' | 'unknown';

/** Confirms a subscription from its emailed link; from now on, what is published is sent. */
export function confirmSubscription(db: Db, actor: Actor, token: string, now: Date): LinkOutcome {
  return db.transaction((tx) => {
    const row = tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.confirmTokenHash, hashToken(token)))
      .get();
    if (!row) return 'unknown';
    if (row.status !== 'pending') return 'already';
    if (!row.confirmExpiresAt || row.confirmExpiresAt <= now) return 'expired';
    tx.update(subscriptions)
      .set({ status: 'active', confirmedAt: now, sentUpTo: now, updatedAt: now })
      .where(eq(subscriptions.id, row.id))
      .run();
    // Asking again for the same thing (another frequency, say) replaces the old subscription: one email, not two.
    tx.update(subscriptions)
      .set({ status: 'unsubscribed', unsubscribedAt: now, email: ERASED, updatedAt: now })
      .where(
        and(
          ne(subscriptions.id, row.id),
          eq(subscriptions.status, 'active'),
          sql`lower(${subscriptions.email}) = ${row.email.toLowerCase()}`,
          eq(subscriptions.scope, row.scope),
          row.committeeId === null ? isNull(subscriptions.committeeId) : eq(subscriptions.committeeId, row.committeeId),
          row.query === null
            ? isNull(subscriptions.query)
            : sql`lower(${subscriptions.query}) = ${row.query.toLowerCase()}`,
        ),
      )
      .run();
    recordAudit(tx, actor, {
      action: 'subscription.confirm',
      recordType: 'subscription',
      recordId: row.id,
      before: { status: 'pending' },
      after: { status: 'active' },
      at: now,
    });
    return 'done';
  });
}

/** Ends a subscription from the link in any of its messages (or a mail program's one-click POST). */
export function unsubscribe(db: Db, actor: Actor, token: string, now: Date): LinkOutcome {
  return db.transaction((tx) => {
    const row = tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.unsubscribeTokenHash, hashToken(token)))
      .get();
    if (!row) return 'unknown';
    if (row.status === 'unsubscribed') return 'already';
    // The address goes: from the subscription and from the alerts sent to it (the other mail it got stays).
    tx.update(subscriptions)
      .set({ status: 'unsubscribed', unsubscribedAt: now, confirmTokenHash: null, email: ERASED, updatedAt: now })
      .where(eq(subscriptions.id, row.id))
      .run();
    if (!hasOtherSubscription(tx, row.id, row.email)) eraseSubscriberMail(tx, row.email);
    recordAudit(tx, actor, {
      action: 'subscription.unsubscribe',
      recordType: 'subscription',
      recordId: row.id,
      before: { status: row.status },
      after: { status: 'unsubscribed' },
      at: now,
    });
    return 'done';
  });
}

/** A meeting changed this close to its agenda's or minutes' publication changed with it. */
const ECHO_MS = 5_000;

/**
 * Publishing an agenda or minutes also changes its meeting: an email names
 * the publication, not the meeting's change as well (a meeting scheduled,
 * moved or cancelled on its own is still told).
 */
function withoutEchoes(entries: FeedEntry[]): FeedEntry[] {
  const published = entries.filter((e) => /^(agenda|minutes|minutes-approved)\//.test(e.key));
  const echo = (e: FeedEntry) =>
    e.key.startsWith('meeting/') &&
    published.some((p) => p.unit === e.unit && Math.abs(p.updated.getTime() - e.updated.getTime()) <= ECHO_MS);
  return entries.filter((e) => !echo(e));
}

/** Whether a subscription has a message due: at every sweep, or (a digest) once a London day from DIGEST_TIME. */
export function isDue(s: Pick<ActiveSubscription, 'frequency' | 'sentUpTo'>, now: Date): boolean {
  if (s.frequency === 'immediate') return true;
  return londonDate(s.sentUpTo) < londonDate(now) && londonTime(now) >= DIGEST_TIME;
}

/**
 * Sends each confirmed subscription what was published since its last
 * message: everything, its committee's, or (a followed search) what matches
 * its words in the public search index. Digests go once a day. One
 * transaction: each message is queued exactly when its subscription moves on,
 * and one audit entry says how many were sent. Returns how many messages were
 * queued; call the mail's kick() after.
 */
export function sendSubscriptions(db: Database, now: Date, links: SubscriptionLinks): number {
  const due = activeSubscriptions(db).filter((s) => isDue(s, now));
  if (due.length === 0) return 0;
  // A followed search reads the index: bring it up to date with what was just written.
  if (due.some((s) => s.scope === 'search')) indexWhatChanged(db);
  // Subscriptions last sent at the same instant (most, after the first sweep) share their reads.
  const read = new Map<string, FeedEntry[]>();
  const entriesFor = (s: ActiveSubscription) => {
    const committeeId = s.scope === 'committee' ? s.committeeId : null;
    const key = `${committeeId ?? 'all'}@${s.sentUpTo.getTime()}`;
    let entries = read.get(key);
    if (!entries) {
      entries = withoutEchoes(feedEntries(db, committeeId, ALL_SINCE, s.sentUpTo).filter((e) => e.updated <= now));
      read.set(key, entries);
    }
    if (s.scope !== 'search') return entries;
    const fts = ftsQuery(s.query ?? '');
    const matching = unitsMatching(
      db,
      fts,
      entries.map((e) => e.unit),
    );
    return entries.filter((e) => matching.has(e.unit));
  };

  return db.transaction((tx) => {
    let queued = 0;
    for (const s of due) {
      const entries = entriesFor(s);
      if (entries.length > 0) {
        const token = unsubscribeToken(tx, s.id);
        const more =
          s.scope === 'search'
            ? `${links.base}/search?q=${encodeURIComponent(s.query ?? '')}`
            : `${links.base}${s.committeeSlug ? `/committees/${s.committeeSlug}` : '/meetings'}`;
        queueMail(
          tx,
          alertMessage(
            s.email,
            s,
            [...entries].reverse(),
            { base: links.base, unsubscribe: unsubscribeLink(links.base, token), more },
            now,
          ),
          now,
        );
        queued++;
      }
      tx.update(subscriptions).set({ sentUpTo: now }).where(eq(subscriptions.id, s.id)).run();
    }
    if (queued > 0)
      recordAudit(tx, systemActor('subscriptions'), {
        action: 'subscription.send',
        recordType: 'subscription',
        after: { messages: queued, subscriptionsDue: due.length },
        at: now,
      });
    return queued;
  });
}
