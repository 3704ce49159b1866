/** Declarations of interest as minutes word them: who declared, of what kind, on which item. */
import { NAME_PARTICLES } from './text';
import type { DeclarationKind } from '../../../lib/enums';
import type { ParsedDeclaration } from './types';

export const KINDS: { pattern: RegExp; kind: DeclarationKind }[] = [
  { pattern: /\bnon[- ]registrable\b/i, kind: 'non_registrable' },
  { pattern: /\b(?:disclosable\s+)?pecuniary\b|\bprejudicial\b|\bDPI\b/i, kind: 'disclosable_pecuniary' },
  { pattern: /\bother\s+registrable\b|\bregistrable\b|\bpersonal\b/i, kind: 'other_registrable' },
];

/** "Mr A Turner declared an interest as he was a trustee of…" → declarations, sentence by sentence. */
export function readDeclarations(
  text: string,
  minutedUnder: number,
  underDeclarationsItem: boolean,
): ParsedDeclaration[] {
  const sentences = text.match(/[^.!?]+(?:[.!?]+["”’]?|$)/g) ?? [];
  return sentences.flatMap((s) => readDeclaration(s.trim(), text, minutedUnder, underDeclarationsItem));
}

/** "Mr A Turner", "The Chairman", "Cllr Zoe McIntosh": capitalised words, a few particles. */
export function isNameLike(s: string): boolean {
  const words = s.split(/\s+/);
  return (
    words.length >= 1 &&
    words.length <= 6 &&
    words.every((w) => /^[A-Z][\p{L}'’.-]*$/u.test(w) || NAME_PARTICLES.has(w))
  );
}

export function readDeclaration(
  text: string,
  paragraph: string,
  minutedUnder: number,
  underDeclarationsItem: boolean,
): ParsedDeclaration[] {
  // (Only a sentence with the word in it is matched against the whole pattern.)
  if (!/declar/i.test(text)) return [];
  const m =
    /^(.{2,120}?)\s+(?:declared|declares|declaring|wish(?:ed|es)? to declare)\s+(an?|their|his|her)?\s*(.{0,60}?)\binterests?\b(.*)$/i.exec(
      text,
    );
  if (!m?.[1]) return [];
  // "At this point, K Patel declared…": the words before the name are not a name.
  const names = m[1]
    .trim()
    .split(/\s*(?:,|\sand\s|\s&\s)\s*/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  while (names.length > 1 && !isNameLike(names[0] ?? '')) names.shift();
  if (names.length === 0 || !names.every(isNameLike)) return [];
  const described = `${m[3] ?? ''} interest`;
  const kind = KINDS.find((k) => k.pattern.test(described));
  let rest = (m[4] ?? '').trim();
  const itemRef =
    /^(?:in|on|under|in relation to|in respect of|regarding)\s+(?:agenda\s+)?item\s+(\d{1,3})\b[,:]?\s*/i.exec(rest);
  if (itemRef) rest = rest.slice(itemRef[0].length);
  // One item named anywhere in what follows; several ("at item 201/20; … at item 203/20") name no one item.
  const named = new Set([...rest.matchAll(/\b(?:agenda\s+)?items?\s+(\d{1,4})\b/gi)].map((r) => r[1]));
  const anywhere = itemRef || named.size > 1 ? null : /\b(?:agenda\s+)?item\s+(\d{1,4})\b/i.exec(rest);
  const several = !itemRef && named.size > 1;
  const nature = rest
    .replace(/^(?:as|because|since|in that|being|in|:|-|–)\s+/i, '')
    .replace(/[.;]$/, '')
    .trim();
  const withdrew = /\b(left the (?:meeting|room|chamber)|withdrew|did not take part)\b/i.test(paragraph);
  return names.map((name) => ({
    name,
    // Declared during an item, it relates to that item; under "Declarations of interest", to what it names.
    itemNumber: itemRef?.[1]
      ? Number(itemRef[1])
      : several
        ? null
        : anywhere?.[1]
          ? Number(anywhere[1])
          : underDeclarationsItem
            ? null
            : minutedUnder,
    minutedUnder,
    kind: kind?.kind ?? 'other_registrable',
    kindStated: kind !== undefined,
    nature,
    withdrew,
  }));
}
