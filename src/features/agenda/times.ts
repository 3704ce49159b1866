/**
 * Planned start times: an item's own time when set; otherwise the previous
 * item's start plus its duration, when both are known. Times are London
 * wall-clock 'HH:MM' on the meeting day.
 */
export interface Timed {
  plannedStart: string | null;
  durationMinutes: number | null;
}

export interface EffectiveStart {
  time: string | null;
  /** True when worked out from the item before, not set on the item. */
  derived: boolean;
}

function addMinutes(time: string, minutes: number): string | null {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  if (total >= 24 * 60) return null;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function effectiveStarts(items: Timed[]): EffectiveStart[] {
  const out: EffectiveStart[] = [];
  let previous: { start: string | null; duration: number | null } = { start: null, duration: null };
  for (const item of items) {
    if (item.plannedStart) {
      out.push({ time: item.plannedStart, derived: false });
      previous = { start: item.plannedStart, duration: item.durationMinutes };
    } else {
      const derived = previous.start && previous.duration ? addMinutes(previous.start, previous.duration) : null;
      out.push({ time: derived, derived: derived !== null });
      previous = { start: derived, duration: item.durationMinutes };
    }
  }
  return out;
}
