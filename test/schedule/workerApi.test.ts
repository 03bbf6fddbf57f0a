import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario, type Scenario } from '../../src/scenario';
import { rosterWorkerApi } from '../../src/schedule/rosterWorkerApi';
import { ScheduleInputError, scheduleWorkerApi } from '../../src/schedule/workerApi';

function scenario(): Scenario {
  const parsed = parseScenario({
    schema: 1,
    name: 'worker',
    day: { date: '2026-12-24', open: '08:00', close: '10:00' },
    demand: { calls: [200, 400, 300, 200] },
    ahtSeconds: 200,
    staffing: { agents: 40 },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

describe('the scheduling worker API checks what it is given before loading the solver', () => {
  let loads = 0;
  const api = scheduleWorkerApi(() => {
    loads++;
    return Promise.reject(new Error('no solver in this test'));
  });

  it('refuses a bad scenario, requirement, replications or step count with the argument and the allowed range', async () => {
    const s = scenario();
    const cases: [() => Promise<unknown>, RegExp][] = [
      [
        () => api.solve({ ...s, intervalMinutes: 7 }, [1, 2, 3, 4]),
        /the scenario is not valid: intervalMinutes: must be 15, 30 or 60/,
      ],
      [() => api.solve(s, [1, 2, 3]), /requirement: must be 4 numbers of agents, one per interval/],
      [() => api.solve(s, 'many'), /requirement: must be 4 numbers of agents/],
      [() => api.solve(s, [1, Number.NaN, 3, 4]), /requirement\[1\]: must be a number of agents from 0 to 1000000, got NaN/],
      [() => api.solve(s, [1, 2, -3, 4]), /requirement\[2\]: .* got -3/],
      [() => api.check(s, [1, 2, 3, 4], 0, 5, () => {}), /replications: must be a whole number from 1 to 10000, got 0/],
      [() => api.check(s, [1, 2, 3, 4], 10, 2.5, () => {}), /maxSteps: must be a whole number from 1 to 100, got 2.5/],
      [() => api.check(s, [1, 2, 3, 4], 10, 5, 'log' as never), /onStep: must be a function/],
    ];
    for (const [call, message] of cases) {
      await expect(call()).rejects.toBeInstanceOf(ScheduleInputError);
      await expect(call()).rejects.toThrow(message);
    }
    expect(loads).toBe(0);
    await expect(api.solve(s, [1, 2, 3, 4])).rejects.toThrow('no solver in this test'); // valid input goes on to the solver
  });
});

describe('the roster worker API checks what it is given before loading the solver', () => {
  let loads = 0;
  const api = rosterWorkerApi(() => {
    loads++;
    return Promise.reject(new Error('no solver in this test'));
  });
  const file = (path: string) => readFileSync(new URL(`../../scenarios/${path}`, import.meta.url), 'utf8');
  const week = JSON.parse(file('weeks/christmas-week.json'));
  const base = JSON.parse(file('christmas-eve.json'));
  const header = ['name', 'contract', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

  const ada = [header, ['Ada', 'Full-time', 'any', '', '', '', '', '', '']];

  it('refuses people that are not rows of texts, a wrong week, a previous roster that is not text, or a bad check length', async () => {
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => api.roster(week, base, 'Ada,Full-time', null), /agents: must be rows of texts, the header first/],
      [() => api.roster(week, base, [header, ['Ada', 'Nobody', 'any', '', '', '', '', '', '']], null), /agents row 2, contract/],
      [() => api.roster({ ...week, days: [] }, base, [header], null), /the week is not valid: days: give at least one day/],
      [() => api.roster(week, base, [header, ['Ada', 'Full-time', 'any', '', '', '', '', '', '']], 42), /previous: must be/],
      [() => api.check(week, base, ada, null, 0, 6, () => {}), /replications: must be a whole number from 1 to 10000, got 0/],
      [() => api.check(week, base, ada, null, 10, 101, () => {}), /maxSteps: must be a whole number from 1 to 100, got 101/],
      [() => api.check(week, base, ada, null, 10, 6, null as never), /onStep: must be a function/],
      [() => api.check({ ...week, days: [] }, base, [header], null, 10, 6, () => {}), /the week is not valid/],
    ];
    for (const [call, message] of cases) await expect(call()).rejects.toThrow(message);
    expect(loads).toBe(0);
  });

  it('rosters afresh where the last roster is of other days (the week’s dates moved), but refuses one that is no roster', async () => {
    const march =
      'agent,contract,date,template,start,end,breaks,paidHours\r\nAda,Full-time,2027-03-22,Day 8.5 h,2027-03-22 09:00,2027-03-22 17:30,,8\r\n';
    await expect(api.roster(week, base, ada, march)).rejects.toThrow('no solver in this test');
    await expect(api.roster(week, base, ada, 'who,when\nx,y\n')).rejects.toThrow(
      /^scheduling worker: previous: the previous roster has no agent column/,
    );
  });
});
