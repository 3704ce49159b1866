import type { MembershipRole, CommitteeKind } from '../features/committees/schema';
import type { MeetingStatus } from '../features/meetings/schema';
import type { DocumentKind } from '../features/documents/schema';
import type { DeclarationKind } from '../features/minutes/schema';

/** The words people use for the codes we store. */
export const MEMBERSHIP_ROLE_LABELS: Record<MembershipRole, string> = {
  chairman: 'Chairman',
  vice_chairman: 'Vice-Chairman',
  member: 'Member',
  co_opted: 'Co-opted member',
  substitute: 'Substitute',
  ex_officio: 'Ex officio member',
};

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  select: 'Select committee',
  joint_scrutiny: 'Joint scrutiny committee',
  board: 'Board',
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
  postponed: 'Postponed',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  report: 'Report',
  appendix: 'Appendix',
  response: 'Response',
  background_papers: 'Background papers',
  minutes: 'Minutes',
  presentation: 'Presentation',
  other: 'Paper',
};

export const DECLARATION_KIND_LABELS: Record<DeclarationKind, string> = {
  disclosable_pecuniary: 'Disclosable pecuniary interest',
  other_registrable: 'Other registrable interest',
  non_registrable: 'Non-registrable interest',
};

/** "pages 23 to 26", "page 5". */
export function pageRange(start: number | null, end: number | null): string | null {
  if (start === null) return null;
  if (end === null || end === start) return `page ${start}`;
  return `pages ${start} to ${end}`;
}

/** "1.2 MB", "340 KB". */
export function fileSize(bytes: number | null): string | null {
  if (bytes === null) return null;
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "A, B and C". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
