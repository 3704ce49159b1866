import type { MailMessage } from '../mail/commands';
import { formatCalendarDay, formatDate, formatDateTime } from '../../lib/dates';
import { QUESTION_KIND_LABELS, REJECTION_GROUND_LABELS } from '../../lib/labels';
import type { QuestionKind, RejectionGround } from '../../lib/enums';

/**
 * The emails of the public question scheme, in plain words. Each names the
 * question by its reference, and links to where to follow it; none carries
 * anyone's email address but the recipient's own.
 */

export interface MessageQuestion {
  reference: string | null;
  kind: QuestionKind;
  askerName: string;
  askerOrganisation: string | null;
  text: string;
  late: boolean;
}

export interface MessageMeeting {
  committeeName: string;
  startsAt: Date;
  contactEmail: string | null;
}

const what = (kind: QuestionKind) => (kind === 'question' ? 'question' : `request to speak`);
const ref = (q: MessageQuestion) => q.reference ?? 'your question';
const quoted = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
const contact = (m: MessageMeeting) =>
  m.contactEmail ? `If you have a question about this, reply to the clerk at ${m.contactEmail}.` : '';
const meetingName = (m: MessageMeeting) => `the ${m.committeeName} on ${formatDateTime(m.startsAt)}`;

export function acknowledgement(
  to: string,
  q: MessageQuestion,
  m: MessageMeeting,
  links: { status: string },
  decisionBy: string,
  closesAt: Date,
): MailMessage {
  const next = q.late
    ? `It arrived after questions closed (${formatDateTime(closesAt)}), so it is marked late. The chairman decides whether it can still be taken; the clerk will tell you before the meeting.`
    : `The clerk checks it against the committee's public question scheme and will email you by ${formatCalendarDay(decisionBy)} to say whether it is accepted. Accepted questions are published on the meeting's page with your name${q.askerOrganisation ? ' and organisation' : ''}, and answered at the meeting or in writing before it.`;
  return {
    kind: 'question_acknowledged',
    to,
    subject: `We have received your ${what(q.kind)} (${ref(q)})`,
    text: [
      `Dear ${q.askerName},`,
      `Thank you. We have received your ${QUESTION_KIND_LABELS[q.kind].toLowerCase()} for ${meetingName(m)}. Its reference is ${ref(q)}.`,
      quoted(q.text),
      next,
      `You can see where it stands at any time, and withdraw it if you need to, at:\n${links.status}`,
      `Keep this email: the link is the only way to follow your question without contacting the clerk.`,
      contact(m),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function clerkNotice(to: string, q: MessageQuestion, m: MessageMeeting, links: { manage: string }): MailMessage {
  const late = q.late ? 'A late ' : 'A new ';
  return {
    kind: q.late ? 'question_arrived_late' : 'question_arrived',
    to,
    subject: `${late}${what(q.kind)} for ${formatDate(m.startsAt)}: ${ref(q)}`,
    text: [
      `${late}${QUESTION_KIND_LABELS[q.kind].toLowerCase()} has arrived for ${meetingName(m)}, from ${q.askerName}${q.askerOrganisation ? ` (${q.askerOrganisation})` : ''}.`,
      quoted(q.text),
      `Accept or reject it at:\n${links.manage}`,
    ].join('\n\n'),
  };
}

export function accepted(to: string, q: MessageQuestion, m: MessageMeeting, links: { status: string }): MailMessage {
  return {
    kind: 'question_accepted',
    to,
    subject: `Your ${what(q.kind)} has been accepted (${ref(q)})`,
    text: [
      `Dear ${q.askerName},`,
      `Your ${QUESTION_KIND_LABELS[q.kind].toLowerCase()} ${ref(q)} for ${meetingName(m)} has been accepted.`,
      quoted(q.text),
      `It is now published on the meeting's page with your name${q.askerOrganisation ? ' and organisation' : ''} (never your email address). It will be answered at the meeting, or in writing before it; we will email you when a written answer is published.`,
      `Follow it at:\n${links.status}`,
      contact(m),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function rejected(
  to: string,
  q: MessageQuestion,
  m: MessageMeeting,
  ground: RejectionGround,
  note: string | null,
  links: { status: string },
): MailMessage {
  return {
    kind: 'question_rejected',
    to,
    subject: `Your ${what(q.kind)} cannot be taken (${ref(q)})`,
    text: [
      `Dear ${q.askerName},`,
      `We are sorry: your ${QUESTION_KIND_LABELS[q.kind].toLowerCase()} ${ref(q)} for ${meetingName(m)} cannot be taken under the committee's public question scheme.`,
      quoted(q.text),
      `The reason: ${REJECTION_GROUND_LABELS[ground]}.`,
      note ? `The clerk adds:\n${note}` : '',
      `See it at:\n${links.status}`,
      contact(m),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function merged(
  to: string,
  q: MessageQuestion,
  m: MessageMeeting,
  intoReference: string | null,
  links: { status: string },
): MailMessage {
  return {
    kind: 'question_merged',
    to,
    subject: `Your question has been combined with a similar one (${ref(q)})`,
    text: [
      `Dear ${q.askerName},`,
      `Your question ${ref(q)} for ${meetingName(m)} asks much the same as another question for the same meeting${intoReference ? ` (${intoReference})` : ''}, so the two have been combined: the answer to that question answers yours too.`,
      `See it at:\n${links.status}`,
      contact(m),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function withdrawn(to: string, q: MessageQuestion, m: MessageMeeting, links: { status: string }): MailMessage {
  return {
    kind: 'question_withdrawn',
    to,
    subject: `Your ${what(q.kind)} has been withdrawn (${ref(q)})`,
    text: [
      `Dear ${q.askerName},`,
      `Your ${QUESTION_KIND_LABELS[q.kind].toLowerCase()} ${ref(q)} for ${meetingName(m)} has been withdrawn, and will not be taken at the meeting.`,
      `See it at:\n${links.status}`,
      contact(m),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function answerRequested(
  to: string,
  q: MessageQuestion,
  m: MessageMeeting,
  dueOn: string,
  links: { answer: string },
): MailMessage {
  return {
    kind: 'answer_requested',
    to,
    subject: `A public question for you to answer by ${formatCalendarDay(dueOn)} (${ref(q)})`,
    text: [
      `A member of the public has put this question to ${meetingName(m)}, and the clerk asks you to answer it in writing.`,
      `${ref(q)}, from ${q.askerName}${q.askerOrganisation ? ` (${q.askerOrganisation})` : ''}:`,
      quoted(q.text),
      `Please send the answer by ${formatCalendarDay(dueOn)}, at:\n${links.answer}`,
      `The answer is published with the question once the clerk has read it. The link works once, and only for this question: do not forward it.`,
      contact(m),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function answerArrived(
  to: string,
  q: MessageQuestion,
  m: MessageMeeting,
  links: { manage: string },
): MailMessage {
  return {
    kind: 'answer_arrived',
    to,
    subject: `A written answer has arrived: ${ref(q)}`,
    text: [
      `A written answer to ${ref(q)} (from ${q.askerName}) for ${meetingName(m)} has been sent back.`,
      `Read it and publish it at:\n${links.manage}`,
    ].join('\n\n'),
  };
}

export function answerPublished(
  to: string,
  q: MessageQuestion,
  m: MessageMeeting,
  links: { meeting: string; status: string },
): MailMessage {
  return {
    kind: 'answer_published',
    to,
    subject: `The answer to your question is published (${ref(q)})`,
    text: [
      `Dear ${q.askerName},`,
      `The answer to your question ${ref(q)} for ${meetingName(m)} is now published on the meeting's page:\n${links.meeting}`,
      `Follow your question at:\n${links.status}`,
      contact(m),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}
