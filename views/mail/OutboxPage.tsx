import type { OutboxListing } from '../../src/features/mail/queries';
import { MAIL_STATUSES, type MailStatus } from '../../src/lib/enums';
import { formatShortDate, formatTime, isoLondon } from '../../src/lib/dates';
import { MAIL_STATUS_LABELS } from '../../src/lib/labels';
import { Button } from '../components/Button';
import { Select } from '../components/Field';
import { Table } from '../components/Table';
import { MailStatusTag } from './MailStatusTag';

export interface OutboxPageProps {
  messages: OutboxListing[];
  counts: Record<MailStatus, number>;
  /** The status shown, or null for all. */
  status: MailStatus | null;
  /** The most messages listed. */
  limit: number;
  transport: 'smtp' | 'log';
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Administrators see the newest emails, how each went, and open one to read it or try it again. */
export function OutboxPage({ messages, counts, status, limit, transport }: OutboxPageProps): JSX.Element {
  const total = MAIL_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const shown = status ? counts[status] : total;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-xl">Outbox</h1>
        {transport === 'smtp' ? (
          <p class="govuk-body">
            Every email Scrutineer sends is kept here. A message that cannot be sent is tried again later, waiting
            longer each time; after 8 failed tries it is marked failed.
          </p>
        ) : (
          <p class="govuk-body">
            No mail server is set (<code>SMTP_URL</code>), so each message is written to the server’s log instead of
            being sent.
          </p>
        )}
        <form method="get" action="/manage/outbox" class="app-filter">
          <Select
            id="status"
            label="Status"
            value={status ?? ''}
            options={[
              { value: '', text: `All (${total})` },
              ...MAIL_STATUSES.map((s) => ({ value: s, text: `${MAIL_STATUS_LABELS[s]} (${counts[s]})` })),
            ]}
          />
          <Button text="Show messages" variant="secondary" />
        </form>
        {messages.length === 0 ? (
          <p class="govuk-body">{status ? 'No messages have this status.' : 'No messages have been sent yet.'}</p>
        ) : (
          <>
            <p class="govuk-body" safe>
              {shown > limit ? `The newest ${limit} of ${shown} messages.` : `${shown} messages, newest first.`}
            </p>
            <Table
              caption="Messages"
              captionClasses="govuk-visually-hidden"
              head={[
                { text: 'Queued' },
                { text: 'To' },
                { text: 'Subject and kind' },
                { text: 'Status' },
                { text: 'Tries', numeric: true },
                { text: 'Last error' },
              ]}
              rows={messages.map((m) => [
                {
                  html: (
                    <time datetime={isoLondon(m.queuedAt)} safe>
                      {`${formatShortDate(m.queuedAt)}, ${formatTime(m.queuedAt)}`}
                    </time>
                  ),
                },
                { text: m.to },
                {
                  html: (
                    <>
                      <a class="govuk-link" href={`/manage/outbox/${m.id}`} safe>
                        {m.subject}
                      </a>
                      <br />
                      <span class="govuk-hint govuk-!-margin-bottom-0" safe>
                        {m.kind}
                      </span>
                    </>
                  ),
                },
                { html: <MailStatusTag status={m.status} lastError={m.lastError} /> },
                { text: String(m.attempts), numeric: true },
                { text: m.lastError ? shorten(m.lastError, 120) : '', classes: 'app-break-anywhere' },
              ])}
            />
          </>
        )}
      </div>
    </div>
  );
}
