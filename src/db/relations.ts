import { relations } from 'drizzle-orm';
import {
  actionOwners,
  actionUpdates,
  actions,
  agendaItemPresenters,
  agendaItems,
  agendaVersions,
  attendance,
  committees,
  declarations,
  documents,
  inquiries,
  meetings,
  memberships,
  minutesAmendments,
  minutesVersions,
  organisations,
  people,
  publicQuestions,
  recommendationResponses,
  recommendationTargetChanges,
  recommendations,
  resolutions,
  userCommittees,
  users,
  workProgrammeEntries,
} from './schema';

/** How the tables join, for drizzle's relational queries (db.query.…). The tables themselves are in ./schema/. */

export const actionsRelations = relations(actions, ({ one, many }) => ({
  agendaItem: one(agendaItems, { fields: [actions.agendaItemId], references: [agendaItems.id] }),
  owners: many(actionOwners),
  updates: many(actionUpdates),
}));

export const actionOwnersRelations = relations(actionOwners, ({ one }) => ({
  action: one(actions, { fields: [actionOwners.actionId], references: [actions.id] }),
  person: one(people, { fields: [actionOwners.personId], references: [people.id] }),
}));

export const actionUpdatesRelations = relations(actionUpdates, ({ one }) => ({
  action: one(actions, { fields: [actionUpdates.actionId], references: [actions.id] }),
  author: one(people, { fields: [actionUpdates.authorPersonId], references: [people.id] }),
}));

export const agendaItemsRelations = relations(agendaItems, ({ one, many }) => ({
  meeting: one(meetings, {
    fields: [agendaItems.meetingId],
    references: [meetings.id],
    relationName: 'meetingItems',
  }),
  confirmsMinutesOf: one(meetings, {
    fields: [agendaItems.confirmsMinutesOfMeetingId],
    references: [meetings.id],
    relationName: 'confirmsMinutesOf',
  }),
  presenters: many(agendaItemPresenters),
  documents: many(documents),
  resolutions: many(resolutions),
  declarations: many(declarations),
  actions: many(actions),
  publicQuestions: many(publicQuestions),
}));

export const agendaItemPresentersRelations = relations(agendaItemPresenters, ({ one }) => ({
  agendaItem: one(agendaItems, { fields: [agendaItemPresenters.agendaItemId], references: [agendaItems.id] }),
  person: one(people, { fields: [agendaItemPresenters.personId], references: [people.id] }),
}));

export const agendaVersionsRelations = relations(agendaVersions, ({ one }) => ({
  meeting: one(meetings, { fields: [agendaVersions.meetingId], references: [meetings.id] }),
}));

export const committeesRelations = relations(committees, ({ one, many }) => ({
  clerk: one(people, { fields: [committees.clerkPersonId], references: [people.id] }),
  memberships: many(memberships),
  meetings: many(meetings),
  workProgrammeEntries: many(workProgrammeEntries),
  inquiries: many(inquiries),
  recommendations: many(recommendations),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  committee: one(committees, { fields: [memberships.committeeId], references: [committees.id] }),
  person: one(people, { fields: [memberships.personId], references: [people.id] }),
}));

export const documentsRelations = relations(documents, ({ one }) => ({
  meeting: one(meetings, { fields: [documents.meetingId], references: [meetings.id] }),
  agendaItem: one(agendaItems, { fields: [documents.agendaItemId], references: [agendaItems.id] }),
  inquiry: one(inquiries, { fields: [documents.inquiryId], references: [inquiries.id] }),
}));

export const inquiriesRelations = relations(inquiries, ({ one, many }) => ({
  committee: one(committees, { fields: [inquiries.committeeId], references: [committees.id] }),
  documents: many(documents),
  recommendations: many(recommendations),
  workProgrammeEntries: many(workProgrammeEntries),
}));

export const meetingsRelations = relations(meetings, ({ one, many }) => ({
  committee: one(committees, { fields: [meetings.committeeId], references: [committees.id] }),
  agendaItems: many(agendaItems, { relationName: 'meetingItems' }),
  /** Items of later meetings that confirm (approve) this meeting's minutes. */
  minutesConfirmedBy: many(agendaItems, { relationName: 'confirmsMinutesOf' }),
  agendaVersions: many(agendaVersions),
  minutesVersions: many(minutesVersions),
  attendance: many(attendance),
  declarations: many(declarations),
  publicQuestions: many(publicQuestions),
  documents: many(documents),
}));

export const attendanceRelations = relations(attendance, ({ one }) => ({
  meeting: one(meetings, { fields: [attendance.meetingId], references: [meetings.id] }),
  person: one(people, { fields: [attendance.personId], references: [people.id], relationName: 'attendee' }),
  substituteFor: one(people, {
    fields: [attendance.substituteForPersonId],
    references: [people.id],
    relationName: 'substitutedMember',
  }),
}));

export const declarationsRelations = relations(declarations, ({ one }) => ({
  meeting: one(meetings, { fields: [declarations.meetingId], references: [meetings.id] }),
  agendaItem: one(agendaItems, { fields: [declarations.agendaItemId], references: [agendaItems.id] }),
  person: one(people, { fields: [declarations.personId], references: [people.id] }),
}));

export const resolutionsRelations = relations(resolutions, ({ one }) => ({
  agendaItem: one(agendaItems, { fields: [resolutions.agendaItemId], references: [agendaItems.id] }),
}));

export const minutesVersionsRelations = relations(minutesVersions, ({ one }) => ({
  meeting: one(meetings, { fields: [minutesVersions.meetingId], references: [meetings.id] }),
  approvingResolution: one(resolutions, {
    fields: [minutesVersions.approvingResolutionId],
    references: [resolutions.id],
  }),
}));

export const minutesAmendmentsRelations = relations(minutesAmendments, ({ one }) => ({
  meeting: one(meetings, { fields: [minutesAmendments.meetingId], references: [meetings.id] }),
  version: one(minutesVersions, { fields: [minutesAmendments.minutesVersionId], references: [minutesVersions.id] }),
  resolution: one(resolutions, { fields: [minutesAmendments.resolutionId], references: [resolutions.id] }),
}));

export const organisationsRelations = relations(organisations, ({ many }) => ({
  people: many(people),
}));

export const peopleRelations = relations(people, ({ one, many }) => ({
  organisation: one(organisations, { fields: [people.organisationId], references: [organisations.id] }),
  memberships: many(memberships),
}));

export const publicQuestionsRelations = relations(publicQuestions, ({ one }) => ({
  meeting: one(meetings, { fields: [publicQuestions.meetingId], references: [meetings.id] }),
  agendaItem: one(agendaItems, { fields: [publicQuestions.agendaItemId], references: [agendaItems.id] }),
}));

export const recommendationsRelations = relations(recommendations, ({ one, many }) => ({
  committee: one(committees, { fields: [recommendations.committeeId], references: [committees.id] }),
  agendaItem: one(agendaItems, { fields: [recommendations.agendaItemId], references: [agendaItems.id] }),
  inquiry: one(inquiries, { fields: [recommendations.inquiryId], references: [inquiries.id] }),
  addressee: one(organisations, {
    fields: [recommendations.addresseeOrganisationId],
    references: [organisations.id],
  }),
  responses: many(recommendationResponses),
  targetChanges: many(recommendationTargetChanges),
}));

export const recommendationResponsesRelations = relations(recommendationResponses, ({ one }) => ({
  recommendation: one(recommendations, {
    fields: [recommendationResponses.recommendationId],
    references: [recommendations.id],
  }),
}));

export const recommendationTargetChangesRelations = relations(recommendationTargetChanges, ({ one }) => ({
  recommendation: one(recommendations, {
    fields: [recommendationTargetChanges.recommendationId],
    references: [recommendations.id],
  }),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  person: one(people, { fields: [users.personId], references: [people.id] }),
  committees: many(userCommittees),
}));

export const userCommitteesRelations = relations(userCommittees, ({ one }) => ({
  user: one(users, { fields: [userCommittees.userId], references: [users.id] }),
  committee: one(committees, { fields: [userCommittees.committeeId], references: [committees.id] }),
}));

export const workProgrammeEntriesRelations = relations(workProgrammeEntries, ({ one }) => ({
  committee: one(committees, { fields: [workProgrammeEntries.committeeId], references: [committees.id] }),
  plannedMeeting: one(meetings, { fields: [workProgrammeEntries.plannedMeetingId], references: [meetings.id] }),
  agendaItem: one(agendaItems, { fields: [workProgrammeEntries.agendaItemId], references: [agendaItems.id] }),
  inquiry: one(inquiries, { fields: [workProgrammeEntries.inquiryId], references: [inquiries.id] }),
}));
