import type { PublicAgenda, PublicAgendaItem } from '../../src/features/agenda/queries';
import type { ItemTrail, TrailRef } from '../../src/features/recommendations/queries';
import { QuestionList } from '../questions/PublicQuestions';
import { ActionLog } from '../actions/ActionLog';
import { paperSpan, DOCUMENT_KIND_LABELS, fileSize, pageRange, presenterLabel } from '../../src/lib/labels';
import { formatDateTime, formatShortDate, isoLondon } from '../../src/lib/dates';
import { recommendationSlug } from '../../src/lib/recommendation-rules';
import { renderSafeMarkdown } from '../../src/lib/safe-markdown';
import { SCHEDULE_12A, exemptNotice } from '../../src/lib/schedule12a';

/** The pages an item's papers occupy in the pack: from the first paper's first page to the last one's last. */
function itemPages(item: Extract<PublicAgendaItem, { exempt: false }>): string | null {
  const span = paperSpan(item.papers);
  return span ? pageRange(span.start, span.end) : null;
}

function TrailLinks({ trail }: { trail: ItemTrail[number] | undefined }): JSX.Element {
  if (!trail || (trail.made.length === 0 && trail.reviewed.length === 0)) return '';
  const link = (r: TrailRef) => (
    <a class="govuk-link" href={`/recommendations/${recommendationSlug(r.reference)}`} safe>
      {r.reference}
    </a>
  );
  return (
    <ul class="govuk-list app-agenda__trail">
      {trail.reviewed.map((r) => (
        <li>
          <span>Reviews recommendation </span>
          {link(r)}
        </li>
      ))}
      {trail.made.map((r) => (
        <li>
          <span>Recommendation made at this item: </span>
          {link(r)}
        </li>
      ))}
    </ul>
  );
}

function AgendaItem({
  item,
  actionLog,
  trail,
}: {
  item: PublicAgendaItem;
  actionLog?: PublicAgenda['actionLog'];
  trail?: ItemTrail;
}): JSX.Element {
  if (item.exempt) {
    return (
      <li class="app-agenda-item" id={`item-${item.number}`}>
        <h3 class="govuk-heading-m">
          <span safe>{`${item.number}. ${item.title}`}</span>
        </h3>
        {item.plannedStart ? (
          <p class="govuk-body-s app-agenda-item__meta" safe>
            {item.plannedStart}
          </p>
        ) : (
          ''
        )}
        <div class="govuk-inset-text">
          <p class="govuk-body govuk-!-font-weight-bold" safe>
            {exemptNotice(item.exemptParagraph)}
          </p>
          <p class="govuk-body" safe>
            {SCHEDULE_12A[item.exemptParagraph] ?? ''}
          </p>
        </div>
      </li>
    );
  }
  const pages = itemPages(item);
  const meta = [item.plannedStart, pages ? pages.charAt(0).toUpperCase() + pages.slice(1) : null]
    .filter(Boolean)
    .join(' · ');
  const safePurpose = item.purpose ? renderSafeMarkdown(item.purpose) : '';
  return (
    <li class="app-agenda-item" id={`item-${item.number}`}>
      <h3 class="govuk-heading-m govuk-!-margin-bottom-1">
        <span safe>{`${item.number}. ${item.title}`}</span>
      </h3>
      {meta ? (
        <p class="govuk-body-s app-agenda-item__meta" safe>
          {meta}
        </p>
      ) : (
        ''
      )}
      {item.lateReason ? (
        <div class="govuk-inset-text">
          <p class="govuk-body govuk-!-font-weight-bold">Added to the agenda late, with the chairman’s agreement</p>
          <p class="govuk-body" safe>
            {item.lateReason}
          </p>
        </div>
      ) : (
        ''
      )}
      {safePurpose}
      {item.confirmsMinutesOfMeetingId !== null ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/meetings/${item.confirmsMinutesOfMeetingId}#minutes`}>
            Read the minutes to be confirmed
          </a>
        </p>
      ) : (
        ''
      )}
      {item.presenters.length > 0 ? (
        <>
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            {item.presenters.length === 1 ? 'Presenter' : 'Presenters'}
          </p>
          <ul class="govuk-list app-agenda__presenters">
            {item.presenters.map((p) => (
              <li safe>{presenterLabel(p)}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {item.papers.length > 0 ? (
        <>
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            {item.papers.length === 1 ? 'Paper' : 'Papers'}
          </p>
          <ul class="govuk-list app-agenda__papers">
            {item.papers.map((p) => {
              const details = [
                DOCUMENT_KIND_LABELS[p.kind],
                pageRange(p.packStartPage, p.packEndPage),
                fileSize(p.byteSize),
              ]
                .filter(Boolean)
                .join(', ');
              return (
                <li>
                  {p.byteSize !== null ? (
                    <a class="govuk-link" href={`/documents/${p.documentId}`} safe>
                      {p.title}
                    </a>
                  ) : (
                    <span safe>{p.title}</span>
                  )}{' '}
                  <span class="govuk-hint govuk-!-display-inline" safe>
                    {`(PDF, ${details})`}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        ''
      )}
      {actionLog ? <ActionLog actions={actionLog} /> : ''}
      <TrailLinks trail={trail?.[item.id]} />
      {item.questions.length > 0 ? (
        <div id={item.kind === 'public_questions' ? 'public-questions' : undefined}>
          <QuestionList questions={item.questions} />
        </div>
      ) : (
        ''
      )}
    </li>
  );
}

/** A published agenda, as the public may read it. */
export function AgendaSection({
  agenda,
  meetingId,
  trail,
}: {
  agenda: PublicAgenda;
  meetingId: number;
  trail?: ItemTrail;
}): JSX.Element {
  const firstMinutesItem = agenda.items.find((i) => !i.exempt && i.kind === 'minutes')?.id;
  return (
    <section id="agenda" aria-labelledby="agenda-heading">
      <h2 class="govuk-heading-l" id="agenda-heading">
        Agenda
      </h2>
      <p class="govuk-body">
        Published{' '}
        <time datetime={isoLondon(agenda.publishedAt)} safe>
          {formatDateTime(agenda.publishedAt)}
        </time>
        {agenda.version > 1 ? <span safe>{` (supplement ${agenda.version - 1}, version ${agenda.version})`}</span> : ''}
        .
      </p>
      {agenda.changeSummary ? (
        <div class="govuk-inset-text">
          <p class="govuk-body govuk-!-font-weight-bold" safe>
            {`What changed in the version of ${formatShortDate(agenda.publishedAt)}`}
          </p>
          <p class="govuk-body" safe>
            {agenda.changeSummary}
          </p>
        </div>
      ) : (
        ''
      )}
      {agenda.lateReason ? (
        <div class="govuk-inset-text">
          <p class="govuk-body govuk-!-font-weight-bold">Published after the statutory deadline</p>
          <p class="govuk-body" safe>
            {agenda.lateReason}
          </p>
        </div>
      ) : (
        ''
      )}
      <ul class="govuk-list app-agenda-links">
        {agenda.pack?.status === 'ready' ? (
          <li>
            <a class="govuk-link" href={`/meetings/${meetingId}/agenda-pack.pdf?version=${agenda.version}`} safe>
              {`Download the agenda pack (PDF${agenda.pack.pages ? `, ${agenda.pack.pages} pages` : ''}${agenda.pack.bytes ? `, ${fileSize(agenda.pack.bytes)}` : ''})`}
            </a>
          </li>
        ) : agenda.pack?.status === 'failed' ? (
          <li>The agenda pack (PDF) is not available: each paper can be opened from its item.</li>
        ) : agenda.pack ? (
          <li>The agenda pack (PDF) is being prepared.</li>
        ) : (
          ''
        )}
        <li>
          <a class="govuk-link" href={`/meetings/${meetingId}/agenda/print`}>
            Printable agenda
          </a>
        </li>
        {agenda.version > 1 ? (
          <li>
            Earlier versions:{' '}
            {Array.from({ length: agenda.version - 1 }, (_, i) => (
              <>
                <a class="govuk-link" href={`/meetings/${meetingId}/agenda/versions/${i + 1}`} safe>
                  {`version ${i + 1}`}
                </a>{' '}
              </>
            ))}
          </li>
        ) : (
          ''
        )}
      </ul>
      <ol class="govuk-list app-agenda">
        {agenda.items.map((item) => (
          <AgendaItem
            item={item}
            actionLog={!item.exempt && item.id === firstMinutesItem ? agenda.actionLog : undefined}
            trail={trail}
          />
        ))}
      </ol>
    </section>
  );
}
