import type { MailStatus } from '../../src/lib/enums';
import { MAIL_STATUS_LABELS } from '../../src/lib/labels';
import { Tag, type TagColour } from '../components/Tag';

const COLOURS: Record<MailStatus, TagColour> = { queued: 'blue', sent: 'green', logged: 'grey', failed: 'red' };

/** A message's status; a queued message that has failed before says it is being retried. */
export function MailStatusTag({ status, lastError }: { status: MailStatus; lastError: string | null }): JSX.Element {
  if (status === 'queued' && lastError) return <Tag text="Retrying" colour="orange" />;
  return <Tag text={MAIL_STATUS_LABELS[status]} colour={COLOURS[status]} />;
}
