import { clockOf, minutesOf, type Scenario, type ShiftTemplate, shiftTemplateSchema } from '../../scenario';

const LENGTH = shiftTemplateSchema.shape.lengthMinutes;

/**
 * A first template for a day no standard shift fits: as long as the day
 * (within the schema's shift lengths), no breaks. Null when the day is
 * shorter than the shortest shift.
 */
export function starterTemplate(s: Pick<Scenario, 'day'>): ShiftTemplate | null {
  const [open, close] = [minutesOf(s.day.open), minutesOf(s.day.close)];
  const length = Math.min(close - open, LENGTH.maxValue ?? 0);
  if (length < (LENGTH.minValue ?? 0)) return null;
  return {
    name: 'Day shift',
    lengthMinutes: length,
    earliestStart: s.day.open,
    latestStart: clockOf(close - length),
    breaks: [],
    minAgents: 0,
  };
}
