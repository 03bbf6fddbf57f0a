import { isPartTime } from '../scenario/partTime';
import type { ShiftTemplate } from '../scenario/schema';
import type { ShiftCap } from './model';
import type { ShiftPattern } from './patterns';

/**
 * The part-time / full-time mix as caps on the cover: part-time shifts at most
 * `max` of all shifts (Σ ([part-time] − max) x ≤ 0) and at least `min`
 * (Σ (min − [part-time]) x ≤ 0), counted in shifts, whatever their length.
 */
export function partTimeMix(templates: ShiftTemplate[], share: { min: number; max: number } | undefined): ShiftCap[] {
  if (!share) return [];
  const partTime = templates.map(isPartTime);
  const all = () => true;
  const caps: ShiftCap[] = [];
  if (share.max < 1) caps.push({ of: all, upper: 0, weight: (p: ShiftPattern) => (partTime[p.template] ? 1 : 0) - share.max });
  if (share.min > 0) caps.push({ of: all, upper: 0, weight: (p: ShiftPattern) => share.min - (partTime[p.template] ? 1 : 0) });
  return caps;
}
