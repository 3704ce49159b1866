import type { AttendanceStatus, DeclarationKind, ResolutionOutcome } from './schema';

/**
 * What a published version of the minutes froze. Holds exempt item text and
 * sensitive interests for members; public reads go through `publicMinutes()`.
 */
export interface MinutesSnapshot {
  /** ISO 8601 instants, as minuted. */
  startedAt: string | null;
  endedAt: string | null;
  venue: string | null;
  attendance: MinutesSnapshotAttendee[];
  declarations: MinutesSnapshotDeclaration[];
  items: MinutesSnapshotItem[];
}

export interface MinutesSnapshotAttendee {
  personId: number;
  name: string;
  status: AttendanceStatus;
  virtual: boolean;
  substituteFor: string | null;
  /** For members: whether they sit on the committee (others are "in attendance"). */
  isMember: boolean;
  note: string | null;
}

export interface MinutesSnapshotDeclaration {
  personId: number;
  name: string;
  itemNumber: number | null;
  itemTitle: string | null;
  kind: DeclarationKind;
  nature: string;
  sensitive: boolean;
  withdrew: boolean;
  dispensation: string | null;
}

export interface MinutesSnapshotItem {
  id: number;
  number: number;
  title: string;
  exemptParagraph: number | null;
  minuteText: string;
  resolutions: { text: string; outcome: ResolutionOutcome }[];
  actions: { reference: string | null; description: string; owners: string[]; dueDate: string | null }[];
}
