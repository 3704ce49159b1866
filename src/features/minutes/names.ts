/**
 * Matching names as minutes write them ("Mr A Turner", "Zoe McIntosh",
 * "Mr Leveson", "The Chairman") to people in the directory. Pure.
 */

export interface NamedPerson {
  id: number;
  name: string;
  fullName: string | null;
}

export interface NameMatch {
  personId: number;
  /** How sure: the same name, the same initial and surname, only the surname, or a role on the committee. */
  how: 'name' | 'initials' | 'surname' | 'role';
}

const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'cllr',
  'councillor',
  'prof',
  'professor',
  'sir',
  'dame',
  'rev',
  'revd',
  'lord',
  'lady',
]);

/** "Mr A. Turner" → "a turner"; "Cllr Zoe McIntosh" → "zoe mcintosh". */
export function normaliseName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/[’']/g, "'")
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 1 && HONORIFICS.has(words[0] ?? '')) words.shift();
  return words.join(' ');
}

/** "zoe mcintosh" → "z mcintosh"; "a turner" stays. */
function initialForm(normalised: string): string {
  const words = normalised.split(' ');
  const surname = words.at(-1) ?? '';
  return [...words.slice(0, -1).map((w) => w.charAt(0)), surname].join(' ');
}

function surnameOf(normalised: string): string {
  return normalised.split(' ').at(-1) ?? '';
}

/** Role words a minute uses for the chairman and vice-chairman. */
function roleOf(name: string): 'chairman' | 'vice_chairman' | null {
  const n = normaliseName(name).replace(/^the /, '');
  if (['chairman', 'chair', 'chairwoman', 'chairperson'].includes(n)) return 'chairman';
  if (['vice-chairman', 'vice chairman', 'vice-chair', 'vice chair'].includes(n)) return 'vice_chairman';
  return null;
}

/**
 * The person a written name means. `preferred` are looked at first (those at
 * the meeting, the committee's members): a surname alone is accepted only
 * when exactly one of them, or else exactly one in the directory, bears it.
 */
export function matchName(
  written: string,
  directory: NamedPerson[],
  preferred: Set<number>,
  roles: { chairman: number | null; vice_chairman: number | null },
): NameMatch | null {
  const role = roleOf(written);
  if (role) {
    const id = roles[role];
    return id === null ? null : { personId: id, how: 'role' };
  }
  const target = normaliseName(written);
  if (target === '') return null;
  const keys = directory.map((p) => ({
    id: p.id,
    names: [p.name, p.fullName].filter((n): n is string => !!n).map(normaliseName),
  }));
  const unique = (ids: number[]): number | null => {
    const set = [...new Set(ids)];
    if (set.length === 1) return set[0] ?? null;
    const inPreferred = set.filter((id) => preferred.has(id));
    return inPreferred.length === 1 ? (inPreferred[0] ?? null) : null;
  };

  const exact = unique(keys.filter((k) => k.names.includes(target)).map((k) => k.id));
  if (exact !== null) return { personId: exact, how: 'name' };

  const initials = initialForm(target);
  const byInitials = unique(keys.filter((k) => k.names.some((n) => initialForm(n) === initials)).map((k) => k.id));
  if (byInitials !== null) return { personId: byInitials, how: 'initials' };

  const surname = surnameOf(target);
  const bySurname = keys.filter((k) => k.names.some((n) => surnameOf(n) === surname));
  const preferredSurname = [...new Set(bySurname.filter((k) => preferred.has(k.id)).map((k) => k.id))];
  if (preferredSurname.length === 1 && preferredSurname[0] !== undefined)
    return { personId: preferredSurname[0], how: 'surname' };
  const anySurname = [...new Set(bySurname.map((k) => k.id))];
  if (preferredSurname.length === 0 && anySurname.length === 1 && anySurname[0] !== undefined)
    return { personId: anySurname[0], how: 'surname' };
  return null;
}

/** "Mr A Turner/Ms F Cayley" → ["Mr A Turner", "Ms F Cayley"]. */
export function splitOwners(text: string): string[] {
  return text
    .split(/\s*[/;]\s*|\s*,\s*/)
    .map((o) => o.trim())
    .filter((o) => o !== '');
}
