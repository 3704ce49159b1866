import { and, desc, eq, gt, isNotNull, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  actions,
  actionUpdates,
  agendaItems,
  agendaVersions,
  committees,
  meetings,
  minutesVersions,
  publicQuestions,
  recommendationResponses,
  recommendations,
} from '../../db/schema';
import { actionSlug } from '../../lib/action-rules';
import { formatDate } from '../../lib/dates';
import {
  ACTION_STATUS_LABELS,
  IMPLEMENTATION_STATUS_LABELS,
  MEETING_STATUS_LABELS,
  RESPONSE_DECISION_LABELS,
} from '../../lib/labels';
import { recommendationSlug } from '../../lib/recommendation-rules';
import { publicQuestionsOnly } from '../questions/queries';
import { publicRecommendationsOnly } from '../recommendations/queries';

/** One thing published or changed, as a feed tells it: a stable id (an entry changed keeps it), a page to read. */
export interface FeedEntry {
  /** Unique within the installation and never reused: what happened, and to which record. */
  key: string;
  title: string;
  summary: string;
  /** The site path of the page that shows it. */
  path: string;
  updated: Date;
  committee: { slug: string; name: string };
  /** The search index's unit it belongs to ('meeting:12', 'recommendation:5'): a followed search matches within it. */
  unit: string;
}

const meetingName = (committeeName: string, startsAt: Date) => `${committeeName}, ${formatDate(startsAt)}`;

/**
 * What the public may follow, newest first: meetings scheduled or changed,
 * agendas and supplements published, minutes published and approved,
 * answers to public questions published, and the status of actions and
 * recommendations changing. Only what public pages already show: published
 * records, open items, public questions, sent recommendations, never a
 * private note. `limit` entries at most; one committee's or all.
 */
export function feedEntries(db: Db, committeeId: number | null, limit = 50, since: Date | null = null): FeedEntry[] {
  const ofCommittee = committeeId === null ? undefined : eq(committees.id, committeeId);
  // Only what happened after `since` (an email subscription's last message), when given.
  const after = (column: Parameters<typeof gt>[0]) => (since === null ? undefined : gt(column, since));
  const committee = { slug: committees.slug, name: committees.name };
  // What an entry about a meeting's record says of its meeting.
  const atMeeting = { meetingId: meetings.id, startsAt: meetings.startsAt, committee };
  const entries: FeedEntry[] = [];

  for (const m of db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      status: meetings.status,
      updatedAt: meetings.updatedAt,
      committee,
    })
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(and(ofCommittee, after(meetings.updatedAt)))
    .orderBy(desc(meetings.updatedAt))
    .limit(limit)
    .all()) {
    const changed = m.status === 'cancelled' || m.status === 'postponed';
    entries.push({
      key: `meeting/${m.id}`,
      title: `${changed ? `Meeting ${MEETING_STATUS_LABELS[m.status].toLowerCase()}` : 'Meeting'}: ${meetingName(m.committee.name, m.startsAt)}`,
      summary: `${m.committee.name} meets on ${formatDate(m.startsAt)}${changed ? ` (${MEETING_STATUS_LABELS[m.status].toLowerCase()})` : ''}.`,
      path: `/meetings/${m.id}`,
      updated: m.updatedAt,
      committee: m.committee,
      unit: `meeting:${m.id}`,
    });
  }

  for (const v of db
    .select({
      id: agendaVersions.id,
      version: agendaVersions.version,
      publishedAt: agendaVersions.publishedAt,
      changeSummary: agendaVersions.changeSummary,
      ...atMeeting,
    })
    .from(agendaVersions)
    .innerJoin(meetings, eq(meetings.id, agendaVersions.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(and(ofCommittee, after(agendaVersions.publishedAt)))
    .orderBy(desc(agendaVersions.publishedAt))
    .limit(limit)
    .all()) {
    const what = v.version === 1 ? 'Agenda published' : `Agenda supplement ${v.version - 1} published`;
    entries.push({
      key: `agenda/${v.id}`,
      title: `${what}: ${meetingName(v.committee.name, v.startsAt)}`,
      summary: v.changeSummary ?? `The agenda for the meeting on ${formatDate(v.startsAt)} is published.`,
      path: `/meetings/${v.meetingId}#agenda`,
      updated: v.publishedAt,
      committee: v.committee,
      unit: `meeting:${v.meetingId}`,
    });
  }

  for (const v of db
    .select({
      id: minutesVersions.id,
      version: minutesVersions.version,
      publishedAt: minutesVersions.publishedAt,
      approvedAt: minutesVersions.approvedAt,
      ...atMeeting,
    })
    .from(minutesVersions)
    .innerJoin(meetings, eq(meetings.id, minutesVersions.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(
      and(
        ofCommittee,
        since === null ? undefined : or(after(minutesVersions.publishedAt), after(minutesVersions.approvedAt)),
      ),
    )
    .orderBy(desc(minutesVersions.publishedAt))
    .limit(limit)
    .all()) {
    const name = meetingName(v.committee.name, v.startsAt);
    entries.push({
      key: `minutes/${v.id}`,
      title: `${v.version === 1 ? 'Draft minutes published' : `Minutes revised (version ${v.version})`}: ${name}`,
      summary: `The minutes of the meeting on ${formatDate(v.startsAt)} are published, to be approved at a later meeting.`,
      path: `/meetings/${v.meetingId}#minutes`,
      updated: v.publishedAt,
      committee: v.committee,
      unit: `meeting:${v.meetingId}`,
    });
    if (v.approvedAt)
      entries.push({
        key: `minutes-approved/${v.id}`,
        title: `Minutes approved: ${name}`,
        summary: `The committee approved the minutes of its meeting on ${formatDate(v.startsAt)} as a correct record.`,
        path: `/meetings/${v.meetingId}#minutes`,
        updated: v.approvedAt,
        committee: v.committee,
        unit: `meeting:${v.meetingId}`,
      });
  }

  for (const q of db
    .select({
      id: publicQuestions.id,
      askerName: publicQuestions.askerName,
      answerPublishedAt: publicQuestions.answerPublishedAt,
      ...atMeeting,
    })
    .from(publicQuestions)
    .innerJoin(meetings, eq(meetings.id, publicQuestions.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(
      and(
        ofCommittee,
        publicQuestionsOnly(),
        isNotNull(publicQuestions.answerPublishedAt),
        after(publicQuestions.answerPublishedAt),
      ),
    )
    .orderBy(desc(publicQuestions.answerPublishedAt))
    .limit(limit)
    .all()) {
    if (!q.answerPublishedAt) continue;
    entries.push({
      key: `answer/${q.id}`,
      title: `Answer published to a question from ${q.askerName}: ${meetingName(q.committee.name, q.startsAt)}`,
      summary: `The answer to ${q.askerName}'s question for the meeting on ${formatDate(q.startsAt)} is published.`,
      path: `/meetings/${q.meetingId}#questions`,
      updated: q.answerPublishedAt,
      committee: q.committee,
      unit: `meeting:${q.meetingId}`,
    });
  }

  // A status change of a public action (published, so never an exempt item's): its note only when public.
  for (const u of db
    .select({
      id: actionUpdates.id,
      status: actionUpdates.status,
      note: actionUpdates.note,
      notePublic: actionUpdates.notePublic,
      createdAt: actionUpdates.createdAt,
      reference: actions.reference,
      description: actions.description,
      meetingId: agendaItems.meetingId,
      committee,
    })
    .from(actionUpdates)
    .innerJoin(actions, eq(actions.id, actionUpdates.actionId))
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .innerJoin(committees, eq(committees.id, actions.committeeId))
    .where(
      and(
        ofCommittee,
        after(actionUpdates.createdAt),
        isNotNull(actions.publishedAt),
        isNotNull(actions.reference),
        or(ne(actionUpdates.fromStatus, actionUpdates.status), eq(actionUpdates.notePublic, true)),
      ),
    )
    .orderBy(desc(actionUpdates.createdAt))
    .limit(limit)
    .all()) {
    if (!u.reference) continue;
    entries.push({
      key: `action-update/${u.id}`,
      title: `Action ${u.reference} is ${ACTION_STATUS_LABELS[u.status].toLowerCase()}`,
      summary: `${u.description}${u.notePublic && u.note ? ` Update: ${u.note}` : ''}`,
      path: `/actions/${actionSlug(u.reference)}`,
      updated: u.createdAt,
      committee: u.committee,
      unit: `meeting:${u.meetingId}`,
    });
  }

  // Recommendations sent (public from then), and each response received.
  const publicRecommendation = and(ofCommittee, publicRecommendationsOnly(), isNotNull(recommendations.reference));
  for (const r of db
    .select({
      id: recommendations.id,
      reference: recommendations.reference,
      text: recommendations.text,
      addressedTo: recommendations.addressedTo,
      implementationStatus: recommendations.implementationStatus,
      updatedAt: recommendations.updatedAt,
      committee,
    })
    .from(recommendations)
    .innerJoin(committees, eq(committees.id, recommendations.committeeId))
    .leftJoin(agendaItems, eq(agendaItems.id, recommendations.agendaItemId))
    .where(and(publicRecommendation, after(recommendations.updatedAt)))
    .orderBy(desc(recommendations.updatedAt))
    .limit(limit)
    .all()) {
    if (!r.reference) continue;
    entries.push({
      key: `recommendation/${r.id}`,
      title: `Recommendation ${r.reference} to ${r.addressedTo}: ${IMPLEMENTATION_STATUS_LABELS[r.implementationStatus].toLowerCase()}`,
      summary: r.text,
      path: `/recommendations/${recommendationSlug(r.reference)}`,
      updated: r.updatedAt,
      committee: r.committee,
      unit: `recommendation:${r.id}`,
    });
  }
  for (const r of db
    .select({
      id: recommendationResponses.id,
      decision: recommendationResponses.decision,
      respondent: recommendationResponses.respondent,
      createdAt: recommendationResponses.createdAt,
      recommendationId: recommendations.id,
      reference: recommendations.reference,
      addressedTo: recommendations.addressedTo,
      committee,
    })
    .from(recommendationResponses)
    .innerJoin(recommendations, eq(recommendations.id, recommendationResponses.recommendationId))
    .innerJoin(committees, eq(committees.id, recommendations.committeeId))
    .leftJoin(agendaItems, eq(agendaItems.id, recommendations.agendaItemId))
    .where(and(publicRecommendation, after(recommendationResponses.createdAt)))
    .orderBy(desc(recommendationResponses.createdAt))
    .limit(limit)
    .all()) {
    if (!r.reference) continue;
    entries.push({
      key: `response/${r.id}`,
      title: `Response to recommendation ${r.reference}: ${RESPONSE_DECISION_LABELS[r.decision].toLowerCase()}`,
      summary: `${r.respondent ?? r.addressedTo} responded: ${RESPONSE_DECISION_LABELS[r.decision].toLowerCase()}.`,
      path: `/recommendations/${recommendationSlug(r.reference)}`,
      updated: r.createdAt,
      committee: r.committee,
      unit: `recommendation:${r.recommendationId}`,
    });
  }

  return entries
    .filter((e) => since === null || e.updated > since)
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.key.localeCompare(b.key))
    .slice(0, limit);
}
