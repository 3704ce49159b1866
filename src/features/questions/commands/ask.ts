import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../../db/client';
import { publicQuestions } from '../../../db/schema';
import { formatDate, formatDateTime, fromLondon } from '../../../lib/dates';
import { QUESTION_CHANNELS, QUESTION_KINDS, type QuestionChannel, type QuestionKind } from '../../../lib/enums';
import type { ASK_FIELDS, RECEIVED_QUESTION_FIELDS } from '../../../lib/fields';
import { dateFromParts, parseTime, type DateParts } from '../../../lib/forms';
import { countWords, decisionBy, questionReference } from '../../../lib/question-scheme';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import { recordAudit, type Actor } from '../../audit/commands';
import { queueMail } from '../../mail/commands';
import { acknowledgement, clerkNotice } from '../messages';
import {
  clerkAddresses,
  itemsToAskAbout,
  questionCount,
  questionMeeting,
  questionsAskedBy,
  type QuestionMeeting,
} from '../queries';
import { statusToken } from './tokens';
import { auditable, messageMeeting, messageQuestion, type QuestionLinks } from './guards';

/** The most a question's text may hold, whatever its word limit: longer is refused, and kept in the form. */
const MAX_CHARACTERS = 20_000;

export type AskForm = Record<(typeof ASK_FIELDS)[number], string>;

export interface Asked {
  id: number;
  reference: string;
  /** The asker's link to follow it. */
  token: string;
  late: boolean;
}

/** Why a meeting takes no question now, in words; null when it does (or takes it late). */
export function closedBecause(meeting: QuestionMeeting): string | null {
  const { window } = meeting;
  switch (window.state) {
    case 'not_going_ahead':
      return `This meeting has been ${meeting.status}, so it is not taking questions. Your question has not been sent: you can copy it for another meeting.`;
    case 'over':
      return `This meeting took place on ${formatDate(meeting.startsAt)}, so it is no longer taking questions. Your question has not been sent: you can copy it for another meeting.`;
    case 'not_yet_open':
      return `Questions for this meeting open on ${formatDateTime(window.opensAt ?? meeting.startsAt)}. Your question has not been sent yet: keep a copy and send it then.`;
    default:
      return null;
  }
}

interface Checked {
  kind: QuestionKind;
  name: string;
  organisation: string | null;
  email: string | null;
  text: string;
  aboutItemId: number | null;
}

/** The checks of the question form, whoever fills it in (a resident online, the clerk for one sent by post). */
function checkQuestion(
  db: Db,
  meeting: QuestionMeeting,
  form: Omit<AskForm, 'consent'>,
  emailRequired: boolean,
): { errors: FieldErrors; value: Checked } {
  const { rules } = meeting.committee;
  const errors: FieldErrors = {};
  // Where the scheme takes questions only, the form offers nothing else: a question it is.
  const kindRaw = rules.speakingRequests ? form.kind.trim() || 'question' : 'question';
  const kind = (QUESTION_KINDS as readonly string[]).includes(kindRaw) ? (kindRaw as QuestionKind) : null;
  if (!kind) errors.kind = 'Select whether you want to ask a question or to speak';
  const name = form.name.trim();
  if (!name) errors.name = 'Enter your name';
  else if (name.length > 200) errors.name = 'Name must be 200 characters or fewer';
  const organisation = form.organisation.trim();
  if (organisation.length > 200) errors.organisation = 'Organisation must be 200 characters or fewer';
  const email = form.email.trim();
  if (!email) {
    if (emailRequired) errors.email = 'Enter your email address, so we can tell you what happens to your question';
  } else if (email.length > 254 || !z.email().safeParse(email).success) {
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  }
  const text = form.text.trim();
  const words = countWords(text);
  const noun = kind === 'question' || kind === null ? 'question' : 'what you want to say';
  if (!text) errors.text = kind === 'question' || kind === null ? 'Enter your question' : 'Enter what you want to say';
  else if (text.length > MAX_CHARACTERS) {
    errors.text = `Your ${noun} is too long: it must be ${rules.questionWordLimit} words or fewer`;
  } else if (words > rules.questionWordLimit) {
    const over = words - rules.questionWordLimit;
    errors.text = `Your ${noun} must be ${rules.questionWordLimit} words or fewer: it has ${words}, ${over} too many`;
  }
  let aboutItemId: number | null = null;
  if (form.aboutItemId.trim()) {
    const choice = itemsToAskAbout(db, meeting.id).find((i) => String(i.id) === form.aboutItemId.trim());
    if (!choice) errors.aboutItemId = 'Select an item from the list, or “Not about a particular item”';
    else aboutItemId = choice.id;
  }
  return {
    errors,
    value: {
      kind: kind ?? 'question',
      name,
      organisation: organisation || null,
      email: email || null,
      text,
      aboutItemId,
    },
  };
}

function insertQuestion(
  tx: Db,
  meeting: QuestionMeeting,
  value: Checked,
  extra: { submittedAt: Date; late: boolean; channel: QuestionChannel; suspectedSpam: boolean },
) {
  const reference = questionReference(meeting.startsAt, questionCount(tx, meeting.id) + 1);
  const row = tx
    .insert(publicQuestions)
    .values({
      meetingId: meeting.id,
      reference,
      kind: value.kind,
      aboutItemId: value.aboutItemId,
      askerName: value.name,
      askerOrganisation: value.organisation,
      askerEmail: value.email,
      text: value.text,
      ...extra,
    })
    .returning()
    .get();
  const { token, hash } = statusToken(tx, row.id);
  const stored = tx
    .update(publicQuestions)
    .set({ statusTokenHash: hash })
    .where(eq(publicQuestions.id, row.id))
    .returning()
    .get();
  return { row: stored, reference, token };
}

function tellOfArrival(
  tx: Db,
  meeting: QuestionMeeting,
  row: typeof publicQuestions.$inferSelect,
  token: string,
  links: QuestionLinks,
  now: Date,
) {
  const q = messageQuestion(row);
  const m = messageMeeting(meeting);
  if (row.askerEmail) {
    const by = decisionBy(meeting.startsAt, meeting.window.closesAt);
    queueMail(
      tx,
      acknowledgement(row.askerEmail, q, m, { status: links.status(token) }, by, meeting.window.closesAt),
      now,
    );
  }
  for (const to of clerkAddresses(tx, meeting.committee.id)) {
    queueMail(tx, clerkNotice(to, q, m, { manage: links.manage(meeting.id, row.id) }), now);
  }
}

/**
 * A resident's question, under the committee's scheme. After the cut-off and
 * before the meeting it is kept and marked late (the chairman decides); a
 * meeting that is over, cancelled or not yet open refuses it, and the form
 * comes back as typed. A filled-in trap field keeps the question for the clerk
 * to look at, marked as suspected spam, and emails nobody.
 */
export function askQuestion(
  db: Db,
  actor: Actor,
  input: { meetingId: number; form: AskForm; trap: string; now: Date; links: QuestionLinks },
): Validated<Asked> {
  const { form, now } = input;
  return inTransaction(db, (tx): Validated<Asked> => {
    const meeting = questionMeeting(tx, input.meetingId, now);
    if (!meeting) throw new Error(`No meeting ${input.meetingId}`);
    const closed = closedBecause(meeting);
    if (closed) return invalid({ _form: closed });
    const { errors, value } = checkQuestion(tx, meeting, form, true);
    if (form.consent !== 'yes') {
      errors.consent = 'Confirm that you agree to your name and question being published';
    }
    const suspectedSpam = input.trap.trim() !== '';
    const limit = meeting.committee.rules.questionsPerPerson;
    if (Object.keys(errors).length === 0 && !suspectedSpam && value.email) {
      const asked = questionsAskedBy(tx, meeting.id, value.email, value.organisation);
      if (asked >= limit) {
        errors._form =
          limit === 1
            ? 'You have already sent a question for this meeting: the committee’s scheme allows one for each person or organisation. Contact the clerk if you need to change it.'
            : `You have already sent ${asked} questions for this meeting: the committee’s scheme allows ${limit} for each person or organisation.`;
      }
    }
    if (Object.keys(errors).length > 0) return invalid(errors);
    const late = meeting.window.state === 'closed';
    const { row, reference, token } = insertQuestion(tx, meeting, value, {
      submittedAt: now,
      late,
      channel: 'online',
      suspectedSpam,
    });
    if (!suspectedSpam) tellOfArrival(tx, meeting, row, token, input.links, now);
    recordAudit(tx, actor, {
      action: suspectedSpam ? 'question.submit_suspected_spam' : 'question.submit',
      recordType: 'public_question',
      recordId: row.id,
      after: auditable(row),
      at: now,
    });
    return valid({ id: row.id, reference, token, late });
  });
}

export type ReceivedForm = Record<(typeof RECEIVED_QUESTION_FIELDS)[number], string>;

/**
 * A question that reached the clerk by post, email or in person, entered with
 * the time it really arrived: late if that was after the cut-off. The asker is
 * emailed an acknowledgement (and their link) when an email address is given.
 */
export function addReceivedQuestion(
  db: Db,
  actor: Actor,
  input: { meetingId: number; form: ReceivedForm; received: DateParts; now: Date; links: QuestionLinks },
): Validated<Asked> {
  const { form, now } = input;
  return inTransaction(db, (tx): Validated<Asked> => {
    const meeting = questionMeeting(tx, input.meetingId, now);
    if (!meeting) throw new Error(`No meeting ${input.meetingId}`);
    const { errors, value } = checkQuestion(tx, meeting, form, false);
    const channel = (QUESTION_CHANNELS as readonly string[]).includes(form.channel) ? form.channel : null;
    if (!channel || channel === 'online') errors.channel = 'Select how the question arrived';
    const day = dateFromParts(input.received, 'The date it arrived');
    const time = parseTime(form.receivedTime);
    if (!day.ok) errors.received = day.error;
    if (!form.receivedTime.trim()) errors.receivedTime = 'Enter the time it arrived, like 9:30am';
    else if (!time) errors.receivedTime = 'The time it arrived must be a real time, like 9:30am or 14:00';
    const submittedAt = day.ok && time ? fromLondon(day.value, time) : null;
    if (submittedAt && submittedAt > now) errors.received = 'The date it arrived must be today or in the past';
    if (Object.keys(errors).length > 0 || !submittedAt) return invalid(errors);
    const late = submittedAt >= meeting.window.closesAt;
    const { row, reference, token } = insertQuestion(tx, meeting, value, {
      submittedAt,
      late,
      channel: channel as QuestionChannel,
      suspectedSpam: false,
    });
    if (row.askerEmail) {
      const by = decisionBy(meeting.startsAt, meeting.window.closesAt);
      queueMail(
        tx,
        acknowledgement(
          row.askerEmail,
          messageQuestion(row),
          messageMeeting(meeting),
          { status: input.links.status(token) },
          by,
          meeting.window.closesAt,
        ),
        now,
      );
    }
    recordAudit(tx, actor, {
      action: 'question.add_received',
      recordType: 'public_question',
      recordId: row.id,
      after: auditable(row),
      at: now,
    });
    return valid({ id: row.id, reference, token, late });
  });
}
