import { formatDate, formatDateTime } from '../../lib/dates';
import type { SubscriptionFrequency, SubscriptionScope } from '../../lib/enums';
import type { MailMessage } from '../mail/commands';
import type { FeedEntry } from '../feeds/queries';

/** At most this many publications in one message; the rest are a link away. */
export const MAX_ENTRIES_PER_MESSAGE = 50;

export interface Followed {
  scope: SubscriptionScope;
  committeeName: string | null;
  query: string | null;
  frequency: SubscriptionFrequency;
}

/** What a subscription follows, in words: "the Health Select Committee", "new matches for “hospital discharge”". */
export function followedLabel(f: Followed): string {
  if (f.scope === 'committee') return f.committeeName ?? 'a committee';
  if (f.scope === 'search') return `new matches for “${f.query ?? ''}”`;
  return 'everything the committees publish';
}

const howOften = (f: SubscriptionFrequency) =>
  f === 'daily' ? 'one email a day at most' : 'an email as things are published';

/** The email that asks the address's owner to confirm (double opt-in): nothing is sent until they do. */
export function confirmationMessage(to: string, f: Followed, link: string, expiresAt: Date): MailMessage {
  return {
    kind: 'subscription_confirm',
    to,
    subject: 'Confirm your email alerts',
    text: [
      `Someone, we hope you, asked for emails about ${followedLabel(f)} (${howOften(f.frequency)}).`,
      `To start them, confirm your email address:\n${link}`,
      `The link works until ${formatDateTime(expiresAt)}. If you did not ask for this, ignore this email: you will get no more.`,
    ].join('\n\n'),
  };
}

/** The message of new publications for a subscription, with its unsubscribe link in the body and headers. */
export function alertMessage(
  to: string,
  f: Followed,
  entries: FeedEntry[],
  links: { base: string; unsubscribe: string; more: string },
  now: Date,
): MailMessage {
  const shown = entries.slice(0, MAX_ENTRIES_PER_MESSAGE);
  const first = shown[0];
  const subject =
    f.frequency === 'daily'
      ? `Daily digest, ${formatDate(now)}: ${followedLabel(f)}`
      : shown.length === 1 && first
        ? first.title
        : `${entries.length} new: ${followedLabel(f)}`;
  const body = shown.map((e) => `${e.title}\n${e.summary}\n${links.base}${e.path}`).join('\n\n');
  const rest = entries.length - shown.length;
  return {
    kind: f.frequency === 'daily' ? 'subscription_digest' : 'subscription_alert',
    to,
    subject,
    text: [
      f.frequency === 'daily'
        ? `Published since your last email, about ${followedLabel(f)}:`
        : `Just published, about ${followedLabel(f)}:`,
      body,
      ...(rest > 0 ? [`And ${rest} more: ${links.more}`] : []),
      `You get this because you asked for emails about ${followedLabel(f)}. To stop them, open this link:\n${links.unsubscribe}`,
    ].join('\n\n'),
    headers: {
      // RFC 2369 and RFC 8058: mail programs offer "Unsubscribe", and can do it with one POST.
      'List-Unsubscribe': `<${links.unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
