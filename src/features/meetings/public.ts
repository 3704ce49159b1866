import type { Db } from '../../db/client';
import type { EventFacts } from '../../lib/structured-data';
import { minutesArePublic, type CommitteeKind } from '../../lib/enums';
import { londonDate } from '../../lib/dates';
import { meetingDeadlines, type MeetingDeadlines } from '../../lib/deadlines';
import { getPublicAgenda, type PublicAgenda } from '../agenda/queries';
import { getPublicMinutes, type PublicMinutes } from '../minutes/queries';
import { actionStatusesOf } from '../actions/queries';
import type { ActionStatus } from '../../lib/enums';
import { getPublicMeetingRow, type MeetingSummary } from './queries';
import { publicQuestionsOf, questionMeeting, type PublicQuestionView } from '../questions/queries';
import type { QuestionWindow } from '../../lib/question-scheme';
import { recommendationsByItem, type ItemTrail } from '../recommendations/queries';
import { inquiriesHeardAt } from '../inquiries/queries';

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
  /** The status now of each published action of the meeting, by reference, for the minutes' ACTION lines. */
  actionStatuses: Record<string, { status: ActionStatus; dueDate: string | null }>;
  /** Where public questions stand, and whether the scheme lets the public ask to speak. */
  questionWindow: QuestionWindow;
  speakingRequests: boolean;
  /** Every accepted question, numbered in the order they will be taken. */
  questions: PublicQuestionView[];
  /** Those the published agenda does not place under an item (all of them while it is a draft). */
  unplacedQuestions: PublicQuestionView[];
  /** By agenda item: the public recommendations made at it, and those it reviews. */
  recommendationTrail: ItemTrail;
  /** The inquiries this meeting heard evidence for. */
  inquiries: { slug: string; title: string }[];
}

/**
 * The live accepted questions placed under the published agenda's items: each
 * under the item it is taken at, or else the (first) public questions item.
 * A question is public from its acceptance, not from the agenda's publication.
 */
function placeQuestions(
  agenda: PublicAgenda | null,
  questions: PublicQuestionView[],
): { agenda: PublicAgenda | null; unplaced: PublicQuestionView[] } {
  if (!agenda) return { agenda, unplaced: questions };
  const open = agenda.items.flatMap((i) => (i.exempt ? [] : [i]));
  const questionsItem = open.find((i) => i.kind === 'public_questions')?.id ?? null;
  const placeOf = (q: PublicQuestionView) =>
    q.agendaItemId !== null && open.some((i) => i.id === q.agendaItemId) ? q.agendaItemId : questionsItem;
  return {
    agenda: {
      ...agenda,
      items: agenda.items.map((item) =>
        item.exempt ? item : { ...item, questions: questions.filter((q) => placeOf(q) === item.id) },
      ),
    },
    unplaced: questions.filter((q) => placeOf(q) === null),
  };
}

function trailOf(db: Db, agenda: PublicAgenda | null): ItemTrail {
  const ids = agenda ? agenda.items.flatMap((i) => (i.exempt ? [] : [i.id])) : [];
  const { made, reviewed } = recommendationsByItem(db, ids);
  return Object.fromEntries(ids.map((id) => [id, { made: made.get(id) ?? [], reviewed: reviewed.get(id) ?? [] }]));
}

export function getPublicMeeting(db: Db, id: number, now: Date): PublicMeeting | null {
  const found = getPublicMeetingRow(db, id);
  if (!found) return null;
  const { rules, ...row } = found;
  const scheme = questionMeeting(db, id, now);
  const questions = publicQuestionsOf(db, id);
  const placed = placeQuestions(row.agendaStatus === 'published' ? getPublicAgenda(db, id) : null, questions);
  return {
    ...row,
    deadlines: meetingDeadlines(londonDate(row.startsAt), rules),
    agenda: placed.agenda,
    minutes: minutesArePublic(row.minutesStatus) ? getPublicMinutes(db, id) : null,
    actionStatuses: Object.fromEntries(actionStatusesOf(db, id)),
    questionWindow: scheme?.window ?? { state: 'over', opensAt: null, closesAt: row.startsAt },
    speakingRequests: scheme?.committee.rules.speakingRequests ?? false,
    questions,
    unplacedQuestions: placed.unplaced,
    recommendationTrail: trailOf(db, placed.agenda),
    inquiries: inquiriesHeardAt(db, [id]).map(({ slug, title }) => ({ slug, title })),
  };
}

/** The facts of a meeting's schema.org Event (src/lib/structured-data.ts), with its page's address. */
export function eventFacts(meeting: PublicMeeting, name: string, base: string): EventFacts {
  return {
    url: `${base}/meetings/${meeting.id}`,
    name,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    status: meeting.status,
    venue: meeting.venue,
    onlineUrl: meeting.onlineUrl,
    organiser: { name: meeting.committee.name, url: `${base}/committees/${meeting.committee.slug}` },
  };
}
