import { localInstant, offsetMs, spanInstants, timeZoneClock } from '../report/ics';
import { addDays } from '../scenario/day';
import type { ShiftTemplate } from '../scenario/schema';
import type { ShiftPattern } from './patterns';

/**
 * The patterns as they really fall in `timeZone`: a shift over a change of
 * the clocks is an hour longer (clocks back) or shorter (clocks forward) than
 * its template's length, and is paid so, and keeps only the break placements
 * that lie in their windows in true time; a shift after a change carries its
 * true minutes (`elapsed`), so the rest before it is counted in true time.
 * Elsewhere the days are local clock time: the coverage counts a repeated
 * hour once. `dates` are the horizon's days; the patterns' minutes count from
 * the first's midnight.
 */
export function trueTimes(
  patterns: ShiftPattern[],
  templates: ShiftTemplate[],
  dates: string[],
  timeZone: string,
): ShiftPattern[] {
  const clock = timeZoneClock(timeZone);
  // A shift between two local midnights of equal offset crosses no change.
  const offsets = midnightOffsets(clock, dates);
  const origin = localInstant(clock, dates[0], 0);
  // As its calendar reads it (spanInstants): an event that starts or ends in a repeated hour keeps its length where it can.
  const span = (from: number, to: number) => spanInstants(clock, dates[0], from, to).map((ms) => (ms - origin) / 60_000);
  return patterns.flatMap((p) => {
    const last = Math.floor((p.end - 1) / 1_440);
    if (offsets[p.day] === offsets[Math.min(last + 1, offsets.length - 1)]) {
      if (offsets[p.day] === offsets[0]) return [p];
      const shift = (offsets[0] - offsets[p.day]) / 60_000;
      return [{ ...p, elapsed: [p.start + shift, p.end + shift] }];
    }
    const [start, end] = span(p.start, p.end);
    const windows = templates[p.template].breaks;
    const inWindows = p.breaks.every(([b0, b1], k) => {
      const [from, to] = span(b0, b1);
      return from - start >= windows[k].earliestAfterMinutes && from - start <= windows[k].latestAfterMinutes && to <= end;
    });
    if (!inWindows) return [];
    return [{ ...p, paidHours: p.paidHours + (end - start - (p.end - p.start)) / 60, elapsed: [start, end] }];
  });
}

/** The offset at each local midnight of the horizon, to the second after it. */
function midnightOffsets(clock: Intl.DateTimeFormat, dates: string[]): number[] {
  return Array.from({ length: dates.length + 2 }, (_, d) => offsetMs(clock, localInstant(clock, addDays(dates[0], d), 0)));
}

/** Whether the clocks change in the clock's zone within the horizon's days (or as its last night ends). */
export const clocksChange = (clock: Intl.DateTimeFormat, dates: string[]): boolean =>
  new Set(midnightOffsets(clock, dates)).size > 1;

/**
 * An event's times as its calendar reads them in the clock's zone (spanInstants), as
 * "YYYY-MM-DD HH:MM": a time the clocks skip reads as the moment it falls at
 * (01:15 on the night they go forward at 01:00 is 02:15), so the roster's
 * table and files say what the calendars say. `from` and `to` are minutes
 * after `date`'s midnight.
 */
export function clockReadings(clock: Intl.DateTimeFormat, date: string, from: number, to: number): [string, string] {
  return spanInstants(clock, date, from, to).map((instant) =>
    new Date(instant + offsetMs(clock, instant)).toISOString().slice(0, 16).replace('T', ' '),
  ) as [string, string];
}
