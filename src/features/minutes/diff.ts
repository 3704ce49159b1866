import { diffWords } from 'diff';
import { formatTime } from '../../lib/dates';
import { DECLARATION_KIND_LABELS, listInWords } from '../../lib/labels';
import { safeMarkdownToPlain } from '../../lib/safe-markdown';
import { exemptNotice } from '../../lib/schedule12a';
import type { PublicMinutes } from './queries';

/** A part of the minutes as a reader sees it: attendance, declarations, each item. */
export interface MinutesSection {
  key: string;
  heading: string;
  text: string;
}

const names = (people: { name: string; substituteFor?: string | null; virtual?: boolean }[]) =>
  listInWords(people.map((p) => p.name + (p.substituteFor ? ` (substituting for ${p.substituteFor})` : '') + (p.virtual ? ' (attended virtually)' : '')));

/** The public minutes as plain-text sections, in the order they are read. */
export function minutesSections(minutes: PublicMinutes): MinutesSection[] {
  const attendance = [
    `Members present: ${names(minutes.present) || 'none recorded'}`,
    minutes.inAttendance.length > 0 ? `Others in attendance: ${names(minutes.inAttendance)}` : '',
    `Apologies: ${names(minutes.apologies) || 'none'}`,
    minutes.absent.length > 0 ? `Absent: ${names(minutes.absent)}` : '',
    minutes.startedAt && minutes.endedAt ? `The meeting began at ${formatTime(minutes.startedAt)} and ended at ${formatTime(minutes.endedAt)}.` : '',
  ].filter(Boolean);
  const declarations = minutes.declarations.map(
    (d) =>
      `${d.name}${d.itemNumber === null ? '' : ` (item ${d.itemNumber})`}: ${DECLARATION_KIND_LABELS[d.kind]}. ${d.nature ?? 'Sensitive interest.'} ${d.withdrew ? 'Left the meeting for the item.' : 'Remained in the meeting.'}${d.dispensation ? ` Dispensation: ${d.dispensation}` : ''}`,
  );
  return [
    { key: 'attendance', heading: 'Attendance', text: attendance.join('\n') },
    { key: 'declarations', heading: 'Declarations of interest', text: declarations.join('\n') || 'None.' },
    ...minutes.items.map((item) => ({
      key: `item-${item.number}`,
      heading: `${item.number}. ${item.title}`,
      text:
        item.exemptParagraph !== null
          ? exemptNotice(item.exemptParagraph)
          : [
              safeMarkdownToPlain(item.minuteText),
              ...item.resolutions.map((r) => `RESOLVED: ${r.text}`),
              ...item.actions.map((a) => `ACTION: ${a.owners.join('/')}: ${a.description}${a.dueDate ? ` (by ${a.dueDate})` : ''}`),
            ]
              .filter((p) => p !== '')
              .join('\n\n'),
    })),
  ];
}

export interface SectionChange {
  heading: string;
  /** The words of the section, each kept, added or removed. */
  parts: { value: string; change: 'same' | 'added' | 'removed' }[];
}

/** What changed between two versions, section by section, word by word. */
export function diffMinutes(before: PublicMinutes, after: PublicMinutes): SectionChange[] {
  const a = minutesSections(before);
  const b = minutesSections(after);
  const keys = [...new Set([...b.map((s) => s.key), ...a.map((s) => s.key)])];
  const changes: SectionChange[] = [];
  for (const key of keys) {
    const old = a.find((s) => s.key === key);
    const now = b.find((s) => s.key === key);
    if (old?.text === now?.text && old?.heading === now?.heading) continue;
    const heading = now?.heading ?? old?.heading ?? key;
    const parts = diffWords(old ? `${old.heading}\n${old.text}` : '', now ? `${now.heading}\n${now.text}` : '').map((p) => ({
      value: p.value,
      change: p.added ? ('added' as const) : p.removed ? ('removed' as const) : ('same' as const),
    }));
    changes.push({ heading, parts });
  }
  return changes;
}
