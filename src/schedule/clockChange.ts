import { localInstant, offsetMs, spanInstants, timeZoneClock } from '../report/ics';
import { addDays } from '../scenario/day';
import type { ShiftPattern } from './patterns';

/**
 * The patterns as they really fall in `timeZone`: a shift over a change of
 * the clocks is an hour longer (clocks back) or shorter (clocks forward) than
 * its template's length, and is paid so; a shift after a change carries its
 * true minutes (`elapsed`), so the rest before it is counted in true time.
 * Elsewhere the days are local clock time: the coverage counts a repeated
 * hour once. `dates` are the horizon's days; the patterns' minutes count from
 * the first's midnight.
 */
export function trueTimes(patterns: ShiftPattern[], dates: string[], timeZone: string): ShiftPattern[] {
  const clock = timeZoneClock(timeZone);
  const dateOf = (day: number) => addDays(dates[0], day);
  // The offset at each local midnight, to the second after the horizon: a shift between two equal ones crosses no change.
  const offsets = Array.from({ length: dates.length + 2 }, (_, d) => offsetMs(clock, localInstant(clock, dateOf(d), 0)));
  const origin = localInstant(clock, dates[0], 0);
  return patterns.map((p) => {
    const last = Math.floor((p.end - 1) / 1_440);
    if (offsets[p.day] === offsets[Math.min(last + 1, offsets.length - 1)]) {
      if (offsets[p.day] === offsets[0]) return p;
      const shift = (offsets[0] - offsets[p.day]) / 60_000;
      return { ...p, elapsed: [p.start + shift, p.end + shift] };
    }
    // As its calendar reads it (spanInstants): a shift that starts or ends in a repeated hour keeps its length where it can.
    const [start, end] = spanInstants(clock, dateOf(0), p.start, p.end).map((ms) => (ms - origin) / 60_000);
    return { ...p, paidHours: p.paidHours + (end - start - (p.end - p.start)) / 60, elapsed: [start, end] };
  });
}
