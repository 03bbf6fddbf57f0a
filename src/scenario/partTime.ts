import type { Shifts, ShiftTemplate } from './schema';
import type { ScenarioError } from './validate';

/** Without a `partTime` flag, a template is part-time when its shift is shorter than this (minutes, breaks included). */
export const PART_TIME_BELOW_MINUTES = 360;

/** Whether a template's shifts count as part-time in the part-time / full-time mix (shifts.partTimeShare). */
export function isPartTime(t: Pick<ShiftTemplate, 'partTime' | 'lengthMinutes'>): boolean {
  return t.partTime ?? t.lengthMinutes < PART_TIME_BELOW_MINUTES;
}

/** A mix the templates cannot give: min above max, or a share of a kind no template is. */
export function partTimeShareErrors(shifts: Shifts | undefined): ScenarioError[] {
  const mix = shifts?.partTimeShare;
  if (!shifts || !mix) return [];
  const partTime = shifts.templates.filter(isPartTime).length;
  if (mix.max < mix.min)
    return [{ path: 'shifts.partTimeShare.max', message: `must be at least min (${mix.min}), got ${mix.max}` }];
  if (mix.min > 0 && partTime === 0)
    return [
      {
        path: 'shifts.partTimeShare.min',
        message: `no template is part-time (partTime: true, or shorter than 6 h), got ${mix.min}`,
      },
    ];
  if (mix.max < 1 && partTime === shifts.templates.length)
    return [
      {
        path: 'shifts.partTimeShare.max',
        message: `every template is part-time, so no shift could be full-time, got ${mix.max}`,
      },
    ];
  return [];
}
