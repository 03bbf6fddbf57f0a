/**
 * The most days a week a contract's rules allow, so that a minimum no week
 * can meet is refused rather than rostered with everyone below it.
 */
import { minutesOf } from './day';
import type { ShiftTemplate } from './schema';
import type { Contract } from './week';

/**
 * The most days a contract's rules let a person work in 7 days: at most
 * maxDaysPerWeek, no run longer than maxConsecutiveDays, and a run of
 * consecutiveDaysOff days off (each of the 128 weeks of work and rest tried).
 */
export function mostDaysInAWeek(c: Pick<Contract, 'maxDaysPerWeek' | 'maxConsecutiveDays' | 'consecutiveDaysOff'>): number {
  let most = 0;
  for (let mask = 0; mask < 128; mask++) {
    let days = 0;
    let run = 0;
    let longestRun = 0;
    let off = 0;
    let longestOff = 0;
    for (let d = 0; d < 7; d++) {
      const works = (mask >> d) & 1;
      days += works;
      run = works ? run + 1 : 0;
      off = works ? 0 : off + 1;
      longestRun = Math.max(longestRun, run);
      longestOff = Math.max(longestOff, off);
    }
    if (days <= c.maxDaysPerWeek && longestRun <= c.maxConsecutiveDays && longestOff >= c.consecutiveDaysOff)
      most = Math.max(most, days);
  }
  return most;
}

/**
 * The most shifts of `templates` (starts on the `grid` from each one's
 * earliest to latest start, one a day) that fit in 7 days with `restHours`
 * between the end of one and the start of the next: the longest such chain.
 */
export function mostShiftsApart(templates: ShiftTemplate[], restHours: number, grid: number): number {
  const shifts: { day: number; start: number; end: number }[] = [];
  for (let day = 0; day < 7; day++)
    for (const t of templates)
      for (let s = minutesOf(t.earliestStart); s <= minutesOf(t.latestStart); s += grid)
        shifts.push({ day, start: day * 1_440 + s, end: day * 1_440 + s + t.lengthMinutes });
  shifts.sort((a, b) => a.start - b.start);
  const chain = shifts.map(() => 1);
  shifts.forEach((n, i) => {
    for (let m = 0; m < i; m++)
      if (shifts[m].day < n.day && shifts[m].end + restHours * 60 <= n.start) chain[i] = Math.max(chain[i], chain[m] + 1);
  });
  return Math.max(0, ...chain);
}
