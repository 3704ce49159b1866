/** What the minutes importer reads: the shapes its parts share. */
import type { DeclarationKind, ResolutionOutcome } from '../../../lib/enums';
import type { ImportWarning } from './checks';

export type MinutesEncoding = 'utf-8' | 'windows-1252' | 'docx' | 'pdf';

export interface ParsedAttendee {
  /** As written ("Mrs E Wheaton", "Zoe McIntosh"). */
  name: string;
  /** What the list says of them besides the name ("Chairman", "Parish Clerk", "MBE"), as written. */
  role: string | null;
  virtual: boolean;
  substituteFor: string | null;
}

export interface ParsedResolution {
  text: string;
  outcome: ResolutionOutcome;
}

export interface ParsedAction {
  owners: string[];
  description: string;
  /**
   * Where the description came from: the ACTION line itself, the sentence before an "ACTION: owner"
   * line, or (in minutes with no ACTION lines) a sentence that gives someone a task ("Clerk to write…").
   */
  descriptionFrom: 'action line' | 'text before it' | 'sentence';
  /** 'YYYY-MM-DD' when the line says "by 31 January 2021". */
  dueDate: string | null;
}

export interface ParsedDeclaration {
  name: string;
  /** The item the interest relates to, when the minutes name one. */
  itemNumber: number | null;
  /** The item under which it was minuted. */
  minutedUnder: number;
  kind: DeclarationKind;
  /** False when the minutes do not say which kind: the kind is then a guess to check. */
  kindStated: boolean;
  nature: string;
  withdrew: boolean;
}

export interface ParsedItem {
  number: number;
  title: string;
  /** The narrative as safe Markdown: paragraphs and lists, RESOLVED and ACTION lines taken out. */
  minuteText: string;
  resolutions: ParsedResolution[];
  actions: ParsedAction[];
  /** Passages kept in the minute text that the importer could not turn into records. */
  unplaced: string[];
}

export interface ParsedMinutes {
  committee: string | null;
  /** 'YYYY-MM-DD'. */
  date: string | null;
  /** 'HH:MM', London. */
  startedAt: string | null;
  endedAt: string | null;
  venue: string | null;
  attendance: {
    present: ParsedAttendee[];
    inAttendance: ParsedAttendee[];
    apologies: ParsedAttendee[];
    absent: ParsedAttendee[];
  };
  declarations: ParsedDeclaration[];
  items: ParsedItem[];
  /** Lines left out as page furniture, shown so nothing vanishes unseen. */
  setAside: string[];
  /** What could not be read, in words for the clerk. */
  problems: string[];
  /** What was read but looks unlikely, per item, with the text concerned: for the clerk to check. */
  warnings: ImportWarning[];
  encoding: MinutesEncoding | null;
}
