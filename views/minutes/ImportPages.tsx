import type { ImportPlan, PlannedName } from '../../src/features/minutes/import/apply';
import type { ImportWarning } from '../../src/features/minutes/import/checks';
import { formatCalendarDate, formatDate } from '../../src/lib/dates';
import { ATTENDANCE_STATUS_LABELS, DECLARATION_KIND_LABELS } from '../../src/lib/labels';
import { safeMarkdownToPlain } from '../../src/lib/safe-markdown';
import { errorList, type FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Textarea } from '../components/Field';
import { Table } from '../components/Table';
import { Tag } from '../components/Tag';
import { WarningText } from '../components/WarningText';

interface MeetingRef {
  id: number;
  startsAt: Date;
  committee: { name: string };
}

function Caption({ meeting }: { meeting: MeetingRef }): JSX.Element {
  return (
    <span class="govuk-caption-l">
      <a class="govuk-link govuk-link--no-visited-state" href={`/manage/meetings/${meeting.id}/minutes`} safe>
        {`${meeting.committee.name}, ${formatDate(meeting.startsAt)}`}
      </a>
    </span>
  );
}

/** What looks unlikely in what was read, each with the text it is about. */
function Warnings({ warnings }: { warnings: ImportWarning[] }): JSX.Element {
  if (warnings.length === 0) return '';
  return (
    <ul class="govuk-list govuk-list--bullet">
      {warnings.map((w) => (
        <li>
          <span safe>{w.message}</span>{' '}
          <q class="govuk-body-s" safe>
            {w.text}
          </q>
        </li>
      ))}
    </ul>
  );
}

/** Upload a text file of minutes, or paste them. */
export function ImportPage({
  meeting,
  csrfToken,
  errors,
  text,
}: {
  meeting: MeetingRef;
  csrfToken: string;
  errors: FieldErrors;
  text: string;
}): JSX.Element {
  const action = `/manage/meetings/${meeting.id}/minutes/import`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(errors)} />
        <Caption meeting={meeting} />
        <h1 class="govuk-heading-xl">Import minutes from a file</h1>
        <p class="govuk-body">
          The importer reads minutes laid out the usual way: a heading with the date and times, “Members present”,
          “Others in attendance” and “Apologies”, then numbered items with their minute, “RESOLVED:” blocks and
          “ACTION:” lines. You see what it read before anything is saved.
        </p>
        <form method="post" action={action} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <div class={['govuk-form-group', errors.file ? 'govuk-form-group--error' : ''].filter(Boolean).join(' ')}>
            <label class="govuk-label govuk-label--s" for="file">
              The minutes as a Word document (.docx), a PDF or a plain-text file (.txt)
            </label>
            <div id="file-hint" class="govuk-hint">
              A PDF must have its text in it (one saved from Word does; a scan does not). Or paste the text below
              instead.
            </div>
            {errors.file ? (
              <p id="file-error" class="govuk-error-message">
                <span class="govuk-visually-hidden">Error:</span> <span safe>{errors.file}</span>
              </p>
            ) : (
              ''
            )}
            <input
              class="govuk-file-upload"
              id="file"
              name="file"
              type="file"
              accept=".docx,.pdf,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain"
              aria-describedby={errors.file ? 'file-hint file-error' : 'file-hint'}
            />
          </div>
          <Textarea id="text" label="Or paste the minutes" rows={12} value={text} />
          <Button text="Read the minutes" attributes={{ id: 'read-minutes' }} />
        </form>
      </div>
    </div>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function Who({ name, owner }: { name: PlannedName; owner?: boolean }): JSX.Element {
  if (owner && name.person?.how === 'surname')
    return <span safe>{`not linked: only the surname matches ${name.person.name}`}</span>;
  if (owner && !name.person) return <span>kept as written</span>;
  if (!name.person) return <Tag text="New to the directory" colour="yellow" />;
  const how = {
    name: 'same name',
    initials: 'same initial and surname',
    surname: 'same surname only: check',
    role: 'by role on the committee',
  }[name.person.how];
  return <span safe>{`${name.person.name} (${how})`}</span>;
}

/** Minute text with the passages the importer could not place marked. */
function MarkedText({ text, unplaced }: { text: string; unplaced: string[] }): JSX.Element {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return <p class="govuk-body-s">No minute text.</p>;
  return (
    <div class="app-import-text">
      {paragraphs.map((p) => {
        const plain = safeMarkdownToPlain(p);
        const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
        const marked = unplaced.some((u) => flat(plain).includes(flat(u)) || flat(u).includes(flat(plain)));
        return marked ? (
          <p class="govuk-body-s app-pre-line">
            <mark class="app-unplaced">
              <span class="govuk-visually-hidden">Could not place: </span>
              <span safe>{plain}</span>
            </mark>
          </p>
        ) : (
          <p class="govuk-body-s app-pre-line" safe>
            {plain}
          </p>
        );
      })}
    </div>
  );
}

/** What the importer read, for the clerk to check before anything is saved. */
export function ImportPreviewPage({
  meeting,
  csrfToken,
  plan,
  text,
  fileName,
}: {
  meeting: MeetingRef;
  csrfToken: string;
  plan: ImportPlan;
  text: string;
  fileName: string | null;
}): JSX.Element {
  const p = plan.parsed;
  const replaced =
    plan.replaces.attendance +
    plan.replaces.declarations +
    plan.replaces.resolutions +
    plan.replaces.actions +
    plan.replaces.minuteTexts;
  const unplacedCount = p.items.reduce((n, i) => n + i.unplaced.length, 0);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <Caption meeting={meeting} />
        <h1 class="govuk-heading-xl">Check the minutes before importing them</h1>
        {fileName ? <p class="govuk-body" safe>{`From ${fileName}.`}</p> : ''}

        {p.problems.length > 0 || plan.blockers.length > 0 ? (
          <div class="govuk-error-summary" data-module="govuk-error-summary">
            <div role="alert">
              <h2 class="govuk-error-summary__title">What could not be read</h2>
              <div class="govuk-error-summary__body">
                <ul class="govuk-list">
                  {[...p.problems, ...plan.blockers].map((problem) => (
                    <li safe>{problem}</li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        ) : (
          ''
        )}

        <div class="govuk-inset-text">
          <p class="govuk-body" safe>
            {`Read ${count(p.items.length, 'item')}, ${count(plan.attendance.length, 'attendee')}, ${count(plan.declarations.length, 'declaration')}, ${count(
              p.items.reduce((n, i) => n + i.resolutions.length, 0),
              'resolution',
            )} and ${count(
              p.items.reduce((n, i) => n + i.actions.length, 0),
              'action',
            )}` +
              (p.date ? ` from minutes dated ${formatCalendarDate(p.date)}` : '') +
              (p.startedAt ? `, ${p.startedAt}${p.endedAt ? ` to ${p.endedAt}` : ''}` : '') +
              '.'}
          </p>
          {unplacedCount > 0 ? (
            <p
              class="govuk-body"
              safe
            >{`${unplacedCount} passage${unplacedCount === 1 ? '' : 's'} could not be placed: they are kept in the minute text, marked below.`}</p>
          ) : (
            ''
          )}
        </div>

        {plan.warnings.length > 0 || p.warnings.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Check these</h2>
            <ul class="govuk-list govuk-list--bullet">
              {plan.warnings.map((w) => (
                <li safe>{w}</li>
              ))}
            </ul>
            <Warnings warnings={p.warnings.filter((w) => w.item === null)} />
            {p.warnings.some((w) => w.item !== null) ? (
              <p
                class="govuk-body"
                safe
              >{`${count(p.warnings.filter((w) => w.item !== null).length, 'thing')} to check in the items, each said under its item below.`}</p>
            ) : (
              ''
            )}
          </>
        ) : (
          ''
        )}

        {plan.blockers.length === 0 && p.items.length > 0 && text !== '' ? (
          <form
            method="post"
            action={`/manage/meetings/${meeting.id}/minutes/import/confirm`}
            enctype="multipart/form-data"
          >
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="text" value={text} />
            {replaced > 0 ? (
              <WarningText
                text={`Importing replaces what these minutes hold now: ${count(plan.replaces.attendance, 'attendance record')}, ${count(plan.replaces.declarations, 'declaration')}, ${count(plan.replaces.resolutions, 'resolution')}, ${count(plan.replaces.actions, 'action')} and the minute text of ${count(plan.replaces.minuteTexts, 'item')}.`}
              />
            ) : (
              ''
            )}
            <div class="govuk-button-group">
              <Button text="Import these minutes" attributes={{ id: 'confirm-import' }} />
              <a class="govuk-link" href={`/manage/meetings/${meeting.id}/minutes/import`}>
                Choose another file
              </a>
            </div>
          </form>
        ) : (
          <p class="govuk-body">
            <a class="govuk-link" href={`/manage/meetings/${meeting.id}/minutes/import`}>
              Choose another file
            </a>
          </p>
        )}

        <h2 class="govuk-heading-l">Attendance</h2>
        {plan.attendance.length === 0 ? (
          <p class="govuk-body">None found.</p>
        ) : (
          <Table
            caption="Attendance as read"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'As written' }, { text: 'Status' }, { text: 'In the directory' }]}
            rows={plan.attendance.map((a) => [
              {
                text: `${a.written}${a.virtual ? ' (virtual)' : ''}${a.substituteFor ? ` (substitute for ${a.substituteFor.written})` : ''}`,
              },
              { text: ATTENDANCE_STATUS_LABELS[a.status] },
              { html: <Who name={a} /> },
            ])}
          />
        )}

        <h2 class="govuk-heading-l">Declarations of interest</h2>
        {plan.declarations.length === 0 ? (
          <p class="govuk-body">None found.</p>
        ) : (
          <ul class="govuk-list govuk-list--bullet">
            {plan.declarations.map((d) => (
              <li>
                <span
                  safe
                >{`${d.name}${d.itemNumber === null ? '' : ` (item ${d.itemNumber})`}: ${d.nature || 'no nature given'}. `}</span>
                <span>
                  {d.recorded
                    ? `${DECLARATION_KIND_LABELS[d.kind]}${d.kindStated ? '' : ' (kind not stated: check)'}.`
                    : 'Not a member: kept in the minute text only.'}
                </span>
              </li>
            ))}
          </ul>
        )}

        <h2 class="govuk-heading-l">Items</h2>
        {plan.items.map((item) => (
          <section class="app-editor-item" aria-labelledby={`import-item-${item.number}`}>
            <h3 class="govuk-heading-m" id={`import-item-${item.number}`} safe>
              {`${item.number}. ${item.title}`}
            </h3>
            <p class="govuk-body-s">
              {item.target ? (
                <span safe>{`Goes to agenda item “${item.target.title}”.`}</span>
              ) : (
                'A new agenda item is added for it.'
              )}
            </p>
            {item.unplaced.length > 0 ? (
              <Tag
                text={`${item.unplaced.length} passage${item.unplaced.length === 1 ? '' : 's'} not placed`}
                colour="orange"
              />
            ) : (
              ''
            )}
            {p.warnings.some((w) => w.item === item.number) ? (
              <div class="govuk-inset-text">
                <h4 class="govuk-heading-s">Check</h4>
                <Warnings warnings={p.warnings.filter((w) => w.item === item.number)} />
              </div>
            ) : (
              ''
            )}
            <MarkedText text={item.minuteText} unplaced={item.unplaced} />
            {item.resolutions.length > 0 ? (
              <>
                <h4 class="govuk-heading-s">Resolutions</h4>
                <ol class="govuk-list govuk-list--number">
                  {item.resolutions.map((r) => (
                    <li>
                      <span safe>{r.text}</span> <Tag text={r.outcome} colour="blue" />
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              ''
            )}
            {item.actions.length > 0 ? (
              <>
                <h4 class="govuk-heading-s">Actions</h4>
                <ul class="govuk-list">
                  {item.actions.map((a) => (
                    <li>
                      <strong>ACTION:</strong>{' '}
                      <span safe>{`${a.owners.length > 0 ? a.owners.join('/') : 'No owner'}: ${a.description}`}</span>
                      {a.descriptionFrom === 'text before it' ? (
                        <span class="govuk-body-s"> (taken from the sentence before the ACTION line)</span>
                      ) : (
                        ''
                      )}
                      <br />
                      <span class="govuk-body-s">Owners: </span>
                      {a.ownerNames.map((o, i) => (
                        <>
                          {i > 0 ? '; ' : ''}
                          <span class="govuk-body-s" safe>{`${o.written}: `}</span>
                          <Who name={o} owner />
                        </>
                      ))}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              ''
            )}
          </section>
        ))}

        {p.setAside.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Left out as page furniture</h2>
            <ul class="govuk-list">
              {p.setAside.map((line) => (
                <li safe>{line}</li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}
