import type { Db } from '../../db/client';
import type { CommitteeKind } from '../../lib/enums';
import { londonDate } from '../../lib/dates';
import { meetingDeadlines, type MeetingDeadlines } from '../../lib/deadlines';
import { getPublicAgenda, type PublicAgenda } from '../agenda/queries';
import { getPublicMinutes, type PublicMinutes } from '../minutes/queries';
import { getPublicMeetingRow, type MeetingSummary } from './queries';

/**
 * The public meeting page, composed: the meeting, its deadlines, its published
 * agenda and its published minutes, each from its own feature and each with
 * exempt content already removed. Drafts never show.
 */
export interface PublicMeeting extends MeetingSummary {
  onlineUrl: string | null;
  webcastUrl: string | null;
  /** Where the minutes are published, when they are not kept here. */
  minutesUrl: string | null;
  committeeKind: CommitteeKind;
  /** The last day the agenda may lawfully be published, and when public questions close. */
  deadlines: MeetingDeadlines;
  agenda: PublicAgenda | null;
  minutes: PublicMinutes | null;
}

export function getPublicMeeting(db: Db, id: number): PublicMeeting | null {
  const found = getPublicMeetingRow(db, id);
  if (!found) return null;
  const { rules, ...row } = found;
  return {
    ...row,
    deadlines: meetingDeadlines(londonDate(row.startsAt), rules),
    agenda: row.agendaStatus === 'published' ? getPublicAgenda(db, id) : null,
    minutes: row.minutesStatus === 'published' || row.minutesStatus === 'approved' ? getPublicMinutes(db, id) : null,
  };
}
