import { clockOf, intervalCount, minutesOf } from '../scenario/day';
import type { Scenario, ShiftTemplate } from '../scenario/schema';

/** One way to work a template: a start and a placement of each break, with what it covers and costs. */
export interface ShiftPattern {
  template: number;
  /** minutes after midnight */
  start: number;
  end: number;
  /** [start, end) of each break, minutes after midnight */
  breaks: [number, number][];
  paidHours: number;
  /** share of each interval on the phones (0–1), by interval index */
  coverage: Float64Array;
  /** the intervals the shift touches: [firstInterval, endInterval) */
  firstInterval: number;
  endInterval: number;
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

/** The candidate shifts of every template: each start on the grid × each break placement. */
export function shiftPatterns(s: Pick<Scenario, 'day' | 'intervalMinutes'>, templates: ShiftTemplate[]): ShiftPattern[] {
  const n = intervalCount(s);
  const grid = s.intervalMinutes;
  const open = minutesOf(s.day.open);
  const patterns: ShiftPattern[] = [];
  templates.forEach((t, index) => {
    const placements = breakPlacements(t, grid);
    for (let start = minutesOf(t.earliestStart); start <= minutesOf(t.latestStart); start += grid) {
      for (const offsets of placements) {
        const breaks = offsets.map((o, b): [number, number] => [start + o, start + o + t.breaks[b].minutes]);
        const coverage = new Float64Array(n);
        const firstInterval = Math.max(0, Math.floor((start - open) / grid));
        const endInterval = Math.min(n, Math.ceil((start + t.lengthMinutes - open) / grid));
        for (let i = firstInterval; i < endInterval; i++) {
          const from = Math.max(open + i * grid, start);
          const to = Math.min(open + (i + 1) * grid, start + t.lengthMinutes);
          if (to <= from) continue;
          const onBreak = breaks.reduce((sum, [b0, b1]) => sum + Math.max(0, Math.min(to, b1) - Math.max(from, b0)), 0);
          coverage[i] = (to - from - onBreak) / grid;
        }
        const unpaid = t.breaks.reduce((sum, b) => sum + (b.paid ? 0 : b.minutes), 0);
        patterns.push({
          template: index,
          start,
          end: start + t.lengthMinutes,
          breaks,
          paidHours: (t.lengthMinutes - unpaid) / 60,
          coverage,
          firstInterval,
          endInterval,
        });
      }
    }
  });
  return patterns;
}
