import { clockOf, intervalCount, minutesOf } from '../scenario/day';
import { templatePaidHours } from '../scenario/paidHours';
import type { Scenario, ShiftTemplate } from '../scenario/schema';

/** One way to work a template: a start and a placement of each break, with what it covers and costs. */
export interface ShiftPattern {
  template: number;
  /** the day it starts on (0 for a single day's schedule) */
  day: number;
  /** minutes after the first day's midnight; a shift may end past a later midnight */
  start: number;
  end: number;
  /** [start, end) of each break, in the same minutes */
  breaks: [number, number][];
  paidHours: number;
  /**
   * [start, end] in true minutes after the first day's midnight, where a
   * change of the clocks lies between that midnight and the shift's end
   * (rest is counted in true time); else start and end
   */
  elapsed?: [number, number];
  /** the intervals the shift touches: [firstInterval, endInterval) of the timeline */
  firstInterval: number;
  endInterval: number;
  /** share on the phones (0–1) of each touched interval: coverage[i − firstInterval] */
  coverage: Float64Array;
}

/**
 * The intervals shifts can cover: their starts in minutes after the first
 * day's midnight (ascending, `grid` minutes each; gaps where the center is
 * closed), and each day's midnight, which the templates' start times count from.
 */
export interface Timeline {
  starts: number[];
  grid: number;
  midnights: number[];
}

/** A single day's timeline: its open intervals, one midnight. */
export function dayTimeline(s: Pick<Scenario, 'day' | 'intervalMinutes'>): Timeline {
  const open = minutesOf(s.day.open);
  return {
    starts: Array.from({ length: intervalCount(s) }, (_, i) => open + i * s.intervalMinutes),
    grid: s.intervalMinutes,
    midnights: [0],
  };
}

/**
 * Standard shifts when a scenario names none: full-time 8.5 h (a 30-minute unpaid
 * meal 3–5 h in, a 15-minute paid break in the last third) and part-time 4 h
 * (a 15-minute paid break), starting on every interval that ends the shift by closing.
 */
export function defaultTemplates(s: Pick<Scenario, 'day'>): ShiftTemplate[] {
  const open = minutesOf(s.day.open);
  const close = minutesOf(s.day.close);
  const template = (name: string, lengthMinutes: number, breaks: ShiftTemplate['breaks']): ShiftTemplate[] =>
    close - open >= lengthMinutes
      ? [{ name, lengthMinutes, earliestStart: clockOf(open), latestStart: clockOf(close - lengthMinutes), breaks, minAgents: 0 }]
      : [];
  return [
    ...template('Full-time 8.5 h', 510, [
      { minutes: 30, paid: false, earliestAfterMinutes: 180, latestAfterMinutes: 300 },
      { minutes: 15, paid: true, earliestAfterMinutes: 360, latestAfterMinutes: 450 },
    ]),
    ...template('Part-time 4 h', 240, [{ minutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 150 }]),
  ];
}

/** Every placement of the breaks on the interval grid, in order and not overlapping. */
function breakPlacements(t: ShiftTemplate, grid: number): number[][] {
  let placements: number[][] = [[]];
  for (const b of t.breaks) {
    const next: number[][] = [];
    for (const placed of placements) {
      const previous = placed.length > 0 ? placed[placed.length - 1] + t.breaks[placed.length - 1].minutes : 0;
      const first = Math.ceil(Math.max(b.earliestAfterMinutes, previous) / grid) * grid;
      for (let offset = first; offset <= b.latestAfterMinutes; offset += grid) next.push([...placed, offset]);
    }
    placements = next;
  }
  return placements;
}

/** The first interval of `timeline` that ends after minute `t` (binary search). */
function firstEndingAfter(timeline: Timeline, t: number): number {
  let lo = 0;
  let hi = timeline.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline.starts[mid] + timeline.grid <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The candidate shifts of every template on every day of `timeline`: each start on the grid × each break placement. */
export function shiftPatterns(timeline: Timeline, templates: ShiftTemplate[]): ShiftPattern[] {
  const { grid, starts } = timeline;
  const patterns: ShiftPattern[] = [];
  templates.forEach((t, index) => {
    const placements = breakPlacements(t, grid);
    const paidHours = templatePaidHours(t);
    timeline.midnights.forEach((midnight, day) => {
      for (let start = midnight + minutesOf(t.earliestStart); start <= midnight + minutesOf(t.latestStart); start += grid) {
        const end = start + t.lengthMinutes;
        const firstInterval = firstEndingAfter(timeline, start);
        let endInterval = firstInterval;
        while (endInterval < starts.length && starts[endInterval] < end) endInterval++;
        for (const offsets of placements) {
          const breaks = offsets.map((o, b): [number, number] => [start + o, start + o + t.breaks[b].minutes]);
          const coverage = new Float64Array(endInterval - firstInterval);
          for (let i = firstInterval; i < endInterval; i++) {
            const from = Math.max(starts[i], start);
            const to = Math.min(starts[i] + grid, end);
            const onBreak = breaks.reduce((sum, [b0, b1]) => sum + Math.max(0, Math.min(to, b1) - Math.max(from, b0)), 0);
            coverage[i - firstInterval] = (to - from - onBreak) / grid;
          }
          patterns.push({
            template: index,
            day,
            start,
            end,
            breaks,
            paidHours,
            firstInterval,
            endInterval,
            coverage,
          });
        }
      }
    });
  });
  return patterns;
}

/** Share of interval `i` of the timeline that pattern `p` spends on the phones. */
export const onPhones = (p: ShiftPattern, i: number): number =>
  i >= p.firstInterval && i < p.endInterval ? p.coverage[i - p.firstInterval] : 0;
