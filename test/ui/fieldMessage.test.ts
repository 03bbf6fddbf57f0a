import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../../src/ui/plan/form/fieldMessage';
import { FIELDS } from '../../src/ui/plan/form/fields';

const field = (path: string) => FIELDS.find((f) => f.path === path);

describe('a validation message in the planner’s words', () => {
  it('names the field the message is about, even when another was edited (Opens at 24:00 makes Closes wrong)', () => {
    expect(fieldMessage('day.close: must be after day.open (24:00), got "24:00"', field('day.open'))).toBe(
      'Closes: must be after Opens (24:00), got "24:00"',
    );
  });

  it('gives a share field its range and value in per cent, under its label', () => {
    expect(fieldMessage('ivr.containment: must be a number from 0 to 1 (share 0–1), got 1.5', field('ivr.containment'))).toBe(
      'Self-service (containment): must be a number from 0 to 100 %, got 150',
    );
  });
});
