import { diffWords } from 'diff';
import { formatTime } from '../../lib/dates';
import { safeMarkdownToPlain } from '../../lib/safe-markdown';
import type { PublicMinutes } from './queries';
import { actionLine, attendeeNames, declarationSentence, withheldNotice } from '../../lib/wording';

/** A part of the minutes as a reader sees it: attendance, declarations, each item. */
interface MinutesSection {
  key: string;
  heading: string;
  text: string;
}

/** The public minutes as plain-text sections, in the order they are read. */
function minutesSections(minutes: PublicMinutes): MinutesSection[] {
  const attendance = [
    `Members present: ${attendeeNames(minutes.present) || 'none recorded'}`,
    minutes.inAttendance.length > 0 ? `Others in attendance: ${attendeeNames(minutes.inAttendance)}` : '',
    `Apologies: ${attendeeNames(minutes.apologies) || 'none'}`,
    minutes.absent.length > 0 ? `Absent: ${attendeeNames(minutes.absent)}` : '',
    minutes.startedAt && minutes.endedAt
      ? `The meeting began at ${formatTime(minutes.startedAt)} and ended at ${formatTime(minutes.endedAt)}.`
      : '',
  ].filter(Boolean);
  const declarations = minutes.declarations.map(declarationSentence);
  return [
    { key: 'attendance', heading: 'Attendance', text: attendance.join('\n') },
    { key: 'declarations', heading: 'Declarations of interest', text: declarations.join('\n') || 'None.' },
    ...minutes.items.map((item) => ({
      key: `item-${item.number}`,
      heading: `${item.number}. ${item.title}`,
      text: item.withheld
        ? withheldNotice(item)
        : [
            safeMarkdownToPlain(item.minuteText),
            ...item.resolutions.map((r) => `RESOLVED: ${r.text}`),
            ...item.actions.map((a) => `ACTION: ${actionLine(a)}`),
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
    const parts = diffWords(old ? `${old.heading}\n${old.text}` : '', now ? `${now.heading}\n${now.text}` : '').map(
      (p) => ({
        value: p.value,
        change: p.added ? ('added' as const) : p.removed ? ('removed' as const) : ('same' as const),
      }),
    );
    changes.push({ heading, parts });
  }
  return changes;
}
