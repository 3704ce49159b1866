import type { OutboxMessage } from '../../src/features/mail/queries';
import { formatDateTime } from '../../src/lib/dates';
import { errorList, type FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { SummaryList, type SummaryListRow } from '../components/SummaryList';
import { MailStatusTag } from './MailStatusTag';

export interface OutboxMessagePageProps {
  message: OutboxMessage;
  csrfToken: string;
  now: Date;
  errors?: FieldErrors;
}

/** One email: who it was to, how its tries went, and its text (the HTML body is made from it, and never shown). */
export function OutboxMessagePage({ message, csrfToken, now, errors = {} }: OutboxMessagePageProps): JSX.Element {
  const waiting = message.status === 'queued' || message.status === 'failed';
  const rows: SummaryListRow[] = [
    { key: 'To', text: message.to },
    { key: 'Kind', text: message.kind },
    { key: 'Status', html: <MailStatusTag status={message.status} lastError={message.lastError} /> },
    { key: 'Queued', text: formatDateTime(message.queuedAt) },
    { key: 'Tries', text: String(message.attempts) },
  ];
  if (message.status === 'queued') {
    rows.push({
      key: 'Next try',
      text: message.nextAttemptAt <= now ? 'Now' : formatDateTime(message.nextAttemptAt),
    });
  }
  if (message.sentAt) {
    rows.push({
      key: message.status === 'logged' ? 'Written to the log' : 'Sent',
      text: formatDateTime(message.sentAt),
    });
  }
  if (message.messageId) rows.push({ key: 'Message ID', text: message.messageId });
  if (message.lastError) rows.push({ key: 'Last error', text: message.lastError });
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a href="/manage/outbox" class="govuk-back-link">
          Back to the outbox
        </a>
        <ErrorSummary errors={errorList(errors)} />
        <span class="govuk-caption-l">Outbox</span>
        <h1 class="govuk-heading-l" safe>
          {message.subject}
        </h1>
        <SummaryList rows={rows} />
        {waiting ? (
          <form method="post" action={`/manage/outbox/${message.id}/retry`}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <Button text="Try again now" variant="secondary" preventDoubleClick />
          </form>
        ) : (
          ''
        )}
        <h2 class="govuk-heading-m">Message</h2>
        <div class="govuk-inset-text app-pre-line" safe>
          {message.text}
        </div>
      </div>
    </div>
  );
}
