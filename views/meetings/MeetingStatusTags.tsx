import type { MeetingSummary } from '../../src/features/meetings/queries';
import { Tag } from '../components/Tag';

/** What a resident wants to know at a glance: cancelled? agenda out? minutes out? */
export function MeetingStatusTags({ meeting }: { meeting: MeetingSummary }): JSX.Element {
  const tags: JSX.Element[] = [];
  if (meeting.status === 'cancelled') tags.push(<Tag text="Cancelled" colour="red" />);
  if (meeting.status === 'postponed') tags.push(<Tag text="Postponed" colour="orange" />);
  if (meeting.agendaStatus === 'published' && meeting.status !== 'cancelled') {
    tags.push(<Tag text="Agenda published" colour="blue" />);
  }
  if (meeting.minutesStatus === 'published') tags.push(<Tag text="Draft minutes" colour="yellow" />);
  if (meeting.minutesStatus === 'approved') tags.push(<Tag text="Minutes approved" colour="green" />);
  return (
    <>
      {tags.map((tag) => (
        <>{tag} </>
      ))}
    </>
  );
}
