import type { MailMessage } from '../mail/commands';
import { formatCalendarDay, formatDateTime } from '../../lib/dates';

/**
 * The emails an action's owners get: the link to update it without signing
 * in, a week before it is due, and when it is overdue. Each names the action
 * by its reference and says what to do in one step.
 */

export interface MessageAction {
  id: number;
  reference: string | null;
  description: string;
  dueDate: string | null;
}

const named = (a: MessageAction) => (a.reference ? `${a.reference}: ${a.description}` : a.description);

export function ownerLinkMessage(
  owner: { name: string; email: string },
  action: MessageAction,
  committeeName: string,
  links: { update: string; page: string | null; expiresAt: Date; why: 'new' | 'resent' },
): MailMessage {
  return {
    kind: 'action_link',
    to: owner.email,
    subject: `An action for you from the ${committeeName}${action.reference ? ` (${action.reference})` : ''}`,
    text: [
      `Dear ${owner.name},`,
      `The ${committeeName} recorded this action for you:`,
      `> ${named(action)}`,
      action.dueDate ? `It is due by ${formatCalendarDay(action.dueDate)}.` : 'It has no due date.',
      `Tell the committee how it is going, or that it is done, at this link (no account needed):\n${links.update}`,
      links.why === 'resent' ? 'This is a new link: any link sent to you before for this action no longer works.' : '',
      `The link works until ${formatDateTime(links.expiresAt)}; the clerk can send you a new one.${links.page ? ` Anyone can follow the action at ${links.page}` : ''}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export function dueSoonMessage(
  owner: { name: string; email: string },
  action: MessageAction,
  committeeName: string,
  update: string,
): MailMessage {
  return {
    kind: 'action_due_soon',
    to: owner.email,
    subject: `Due in a week: ${action.reference ?? action.description}`,
    text: [
      `Dear ${owner.name},`,
      `This action from the ${committeeName} is due by ${formatCalendarDay(action.dueDate ?? '')}:`,
      `> ${named(action)}`,
      `Please update it, or mark it done, at:\n${update}`,
    ].join('\n\n'),
  };
}

export function overdueMessage(
  owner: { name: string; email: string },
  action: MessageAction,
  committeeName: string,
  update: string,
): MailMessage {
  return {
    kind: 'action_overdue',
    to: owner.email,
    subject: `Overdue: ${action.reference ?? action.description}`,
    text: [
      `Dear ${owner.name},`,
      `This action from the ${committeeName} was due by ${formatCalendarDay(action.dueDate ?? '')} and is still open:`,
      `> ${named(action)}`,
      `It is shown as overdue on the committee's public list of actions until it is updated. Please say where it stands, or mark it done, at:\n${update}`,
    ].join('\n\n'),
  };
}
