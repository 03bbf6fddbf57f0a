import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, type ShiftTemplate, setTemplates } from '../../src/scenario';
import { TEMPLATE_FIELDS, templateMessage } from '../../src/ui/shifts/templateFields';

const template: ShiftTemplate = {
  name: 'Part-time 4 h',
  lengthMinutes: 240,
  earliestStart: '08:00',
  latestStart: '09:00',
  breaks: [{ minutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 150 }],
  minAgents: 0,
};
const field = (key: string) => {
  const f = TEMPLATE_FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};
const problem = (key: string, text: string) => {
  const w = field(key).write(template, text);
  return w.ok ? null : w.problem;
};

describe('the template table’s cells', () => {
  it('state the scenario schema’s ranges in the unit typed', () => {
    expect(problem('length', '17')).toBe('must be a number from 1 to 16 (h)');
    expect(problem('length', '')).toBe('must be a number from 1 to 16 (h)');
    expect(problem('break', '4')).toBe('must be a whole number from 5 to 120 (min)');
    expect(problem('breakFrom', '-')).toBe('must be a whole number from 0 to 960 (min in)');
    expect(problem('max', '1e9')).toBe('must be a whole number from 0 to 50000 (agents)');
    expect(problem('earliest', '7:77')).toBe('must be a time of day HH:MM, 00:00 to 24:00');
    expect(problem('name', '')).toBe('must not be empty');
  });

  it('write what they read, and a blank break or max removes it', () => {
    for (const f of TEMPLATE_FIELDS) {
      const w = f.write(template, f.read(template));
      expect(w.ok && w.template).toEqual(template);
    }
    const noBreak = field('break').write(template, ' ');
    expect(noBreak.ok && noBreak.template.breaks).toEqual([]);
    const capped = field('max').write(template, '12');
    expect(capped.ok && capped.template.maxAgents).toBe(12);
    const uncapped = capped.ok ? field('max').write(capped.template, '') : capped;
    expect(uncapped.ok && Object.keys(uncapped.template)).toEqual(Object.keys(template));
  });

  it('say a template is part-time, full-time or by its length, and write the flag so', () => {
    const partTime = field('partTime');
    expect(partTime.choices?.map((c) => c.value)).toEqual(['', 'yes', 'no']);
    expect(partTime.read(template)).toBe('');
    const full = partTime.write(template, 'no');
    expect(full.ok && full.template.partTime).toBe(false);
    expect(full.ok && partTime.read(full.template)).toBe('no');
    const byLength = full.ok ? partTime.write(full.template, '') : full;
    expect(byLength.ok && 'partTime' in byLength.template).toBe(false);
    expect(problem('partTime', 'maybe')).toBe('must be yes, no or by length');
    expect(templateMessage('shifts.templates[0].partTime: must be true or false, got "x"')).toBe(
      'Part-time of template 1: must be true or false, got "x"',
    );
  });

  it('take hours with a comma or a point, kept in whole minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 960 }), fc.boolean(), (minutes, comma) => {
        const text = String(minutes / 60).replace('.', comma ? ',' : '.');
        const w = field('length').write(template, text);
        expect(w.ok && w.template.lengthMinutes).toBe(minutes);
      }),
    );
  });

  it('name a refused edit by the labels the planner reads, never a JSON path', () => {
    const raw = {
      schema: 1,
      name: 'x',
      day: { date: '2026-12-24', open: '08:00', close: '13:00' },
      demand: { calls: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
      ahtSeconds: 180,
      staffing: { agents: 3 },
    };
    expect(parseScenario(raw).ok).toBe(true);
    const edits: [Partial<ShiftTemplate>, string][] = [
      [{ latestStart: '07:30' }, 'Latest start of template 2: must not be before Earliest start (08:00), got "07:30"'],
      [{ earliestStart: '07:00' }, 'Earliest start of template 2: must be at or after the opening, 08:00, got "07:00"'],
      [{ lengthMinutes: 120 }, 'Break to of template 2: the break must end within the 120-minute shift, got 150'],
      [{ minAgents: 5, maxAgents: 2 }, 'Max agents of template 2: must be at least Min agents (5), got 2'],
    ];
    for (const [change, message] of edits) {
      const result = setTemplates(raw, [template, { ...template, ...change }]);
      expect(result.ok).toBe(false);
      const messages = result.ok ? [] : result.errors.map(templateMessage);
      expect(messages).toContain(message);
      for (const m of messages) expect(m).not.toMatch(/shifts\.templates|\w+\[\d+\]\./);
    }
  });
});
