import { TableScroll } from '../components/Table';
import type { MeetingSummary } from '../../src/features/meetings/queries';
import type { PublicAgenda, PublicAgendaItem } from '../../src/features/agenda/queries';
import { paperSpan, pageNumbers, presenterLabel } from '../../src/lib/labels';
import { formatDate, formatTime } from '../../src/lib/dates';
import { exemptNotice } from '../../src/lib/schedule12a';

function pages(item: Extract<PublicAgendaItem, { exempt: false }>): string {
  const span = paperSpan(item.papers);
  return span ? pageNumbers(span.start, span.end) : '';
}

/** The agenda as a single printable page, laid out like a front sheet. */
export function PrintableAgenda({
  meeting,
  agenda,
}: {
  meeting: MeetingSummary;
  agenda: PublicAgenda | null;
}): JSX.Element {
  return (
    <div class="app-printable">
      <p class="govuk-body app-no-print">
        <a class="govuk-link" href={`/meetings/${meeting.id}`}>
          Back to the meeting
        </a>{' '}
        · Use your browser’s Print command to print this agenda.
      </p>
      <h1 class="govuk-heading-l" safe>
        {meeting.committee.name}
      </h1>
      <p class="govuk-body-l" safe>{`Agenda${agenda && agenda.version > 1 ? `, version ${agenda.version}` : ''}`}</p>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Date</dt>
          <dd class="govuk-summary-list__value" safe>
            {formatDate(meeting.startsAt)}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Time</dt>
          <dd class="govuk-summary-list__value" safe>
            {formatTime(meeting.startsAt)}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Venue</dt>
          <dd class="govuk-summary-list__value" safe>
            {meeting.venue ?? 'To be confirmed'}
          </dd>
        </div>
      </dl>
      {!agenda ? (
        <p class="govuk-body">The agenda has not been published yet.</p>
      ) : (
        <TableScroll label="Agenda">
          <table class="govuk-table app-print-table">
            <caption class="govuk-table__caption govuk-visually-hidden">Agenda</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  Item
                </th>
                <th scope="col" class="govuk-table__header">
                  Business
                </th>
                <th scope="col" class="govuk-table__header">
                  Time
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  Pages
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {agenda.items.map((item) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header" safe>
                    {String(item.number)}
                  </th>
                  <td class="govuk-table__cell">
                    <strong safe>{item.title}</strong>
                    {item.exempt ? (
                      <p class="govuk-body-s govuk-!-margin-bottom-0" safe>
                        {exemptNotice(item.exemptParagraph)}
                      </p>
                    ) : (
                      <>
                        {item.purpose ? (
                          <p class="govuk-body-s govuk-!-margin-bottom-1 app-pre-line" safe>
                            {item.purpose}
                          </p>
                        ) : (
                          ''
                        )}
                        {item.presenters.length > 0 ? (
                          <p class="govuk-body-s govuk-!-margin-bottom-0" safe>
                            {`${item.presenters.length === 1 ? 'Presenter' : 'Presenters'}: ${item.presenters.map(presenterLabel).join('; ')}`}
                          </p>
                        ) : (
                          ''
                        )}
                      </>
                    )}
                  </td>
                  <td class="govuk-table__cell" safe>
                    {item.plannedStart ?? ''}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                    {item.exempt ? '' : pages(item)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
