import type { AgendaItemKind } from './schema';
import type { DocumentKind } from '../documents/schema';

/**
 * What a published agenda version froze. It holds exempt content too, for
 * members and clerks; public reads go through `toPublicAgenda()`, which removes it.
 * Never holds a questioner's email address.
 */
export interface AgendaSnapshot {
  items: AgendaSnapshotItem[];
  questions: AgendaSnapshotQuestion[];
}

export interface AgendaSnapshotItem {
  id: number;
  number: number;
  kind: AgendaItemKind;
  title: string;
  purpose: string;
  plannedStart: string | null;
  exemptParagraph: number | null;
  exemptReason: string | null;
  lateReason: string | null;
  confirmsMinutesOfMeetingId: number | null;
  presenters: AgendaSnapshotPresenter[];
  papers: AgendaSnapshotPaper[];
}

export interface AgendaSnapshotPresenter {
  personId: number | null;
  name: string;
  capacity: string | null;
}

export interface AgendaSnapshotPaper {
  documentId: number;
  title: string;
  kind: DocumentKind;
  exemptParagraph: number | null;
  pageCount: number | null;
  packStartPage: number | null;
  packEndPage: number | null;
  byteSize: number | null;
}

export interface AgendaSnapshotQuestion {
  id: number;
  number: number;
  itemId: number | null;
  askerName: string;
  askerOrganisation: string | null;
  text: string;
  answerKind: 'written' | 'oral' | null;
  answerText: string | null;
}
