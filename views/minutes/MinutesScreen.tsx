import type { MinutesEditorData } from '../../src/features/minutes/queries';
import { formatDate } from '../../src/lib/dates';
import { ErrorSummary } from '../components/ErrorSummary';
import { MinutesBody } from '../meetings/MinutesSection';
import { AmendmentsRegion, amendmentErrors } from './regions/AmendmentsRegion';
import { ATTENDANCE_REGION, AttendanceRegion, attendanceErrors } from './regions/AttendanceRegion';
import { DECLARATIONS_REGION, DeclarationsRegion, declarationErrors } from './regions/DeclarationsRegion';
import { ItemSection, itemErrors } from './regions/ItemRegion';
import { PUBLISH_REGION, PublishRegion, publishErrors } from './regions/PublishRegion';
import { MinutesState } from './regions/StateRegion';
import { TimesRegion, timesErrors } from './regions/TimesRegion';
import { minutesBase, type MinutesScreenProps } from './regions/parts';

/**
 * The minutes screen, composed of its regions (views/minutes/regions/): each
 * renders here and alone, as the fragment its routes send back.
 */

function Heading({ data }: { data: MinutesEditorData }): JSX.Element {
  return (
    <>
      <span class="govuk-caption-l">
        <a class="govuk-link govuk-link--no-visited-state" href={`/manage/meetings/${data.meeting.id}`} safe>
          {`${data.meeting.committee.name}, ${formatDate(data.meeting.startsAt)}`}
        </a>
      </span>
      <h1 class="govuk-heading-xl">Minutes</h1>
    </>
  );
}

/**
 * The minutes for those who may not change them: members of the committee,
 * and everyone once they are approved. What is recorded now, in full (exempt
 * content and sensitive interests included: this is the committee's copy),
 * and the amendments, which a clerk records here.
 */
function ReadOnlyMinutes(props: MinutesScreenProps): JSX.Element {
  const { data } = props;
  return (
    <>
      <MinutesState state={data} />
      <MinutesBody minutes={data.record} />
      {data.locked && props.canEdit ? <AmendmentsRegion {...props} /> : ''}
    </>
  );
}

/** The live minute-taking screen: every part a form that saves as the clerk goes. */
function MinutesForms(props: MinutesScreenProps): JSX.Element {
  const { data } = props;
  return (
    <>
      <nav aria-label="On this page" class="app-inline-list">
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href={`#${ATTENDANCE_REGION}`}>
              Attendance
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`#${DECLARATIONS_REGION}`}>
              Declarations
            </a>
          </li>
          <li>
            <a class="govuk-link" href="#minutes-items">
              Items
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`#${PUBLISH_REGION}`}>
              Publishing
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${minutesBase(data)}/import`}>
              Import minutes from a text file
            </a>
          </li>
        </ul>
      </nav>
      <p class="govuk-body-s app-js-only">
        Everything you type is saved as you go, and kept on this device until it is, even if the connection drops.
      </p>
      <MinutesState state={data} />
      <datalist id="minutes-people">
        {data.people.map((p) => (
          <option value={p.name} />
        ))}
      </datalist>
      <TimesRegion {...props} />
      <AttendanceRegion {...props} />
      <DeclarationsRegion {...props} />
      <section id="minutes-items" aria-labelledby="items-heading">
        <h2 class="govuk-heading-l" id="items-heading">
          Items
        </h2>
        {data.items.length === 0 ? (
          <p class="govuk-body">
            This meeting has no agenda items.{' '}
            <a class="govuk-link" href={`/manage/meetings/${data.meeting.id}/agenda`}>
              Add them on the agenda
            </a>{' '}
            or import the minutes from a text file.
          </p>
        ) : (
          ''
        )}
        {data.items.map((item) => (
          <ItemSection {...props} item={item} />
        ))}
      </section>
      <PublishRegion {...props} />
    </>
  );
}

/** The minutes screen: forms for a clerk while the minutes may change, the minutes themselves otherwise. */
export function MinutesScreen(props: MinutesScreenProps): JSX.Element {
  // One summary for the page, whichever form came back: each message leads to its field.
  const pageErrors = [
    ...timesErrors(props.state),
    ...attendanceErrors(props.state),
    ...declarationErrors(props.state),
    ...props.data.items.flatMap((item) => itemErrors({ ...props, item })),
    ...publishErrors(props.state),
    ...amendmentErrors(props.state),
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary errors={pageErrors} />
        <Heading data={props.data} />
        {props.canEdit && !props.data.locked ? <MinutesForms {...props} /> : <ReadOnlyMinutes {...props} />}
      </div>
    </div>
  );
}
