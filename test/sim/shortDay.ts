import { parseScenario, type Scenario } from '../../src/scenario';

/** A two-hour day of 1,100 calls: quick to simulate, busy enough to queue and abandon. */
export const SHORT_DAY = {
  schema: 1,
  name: 'Short day',
  day: { date: '2026-12-24', open: '08:00', close: '10:00' },
  demand: { calls: [200, 400, 300, 200] },
  ahtSeconds: 200,
  staffing: { agents: 40 },
  simulation: { replications: 8, seed: 5 },
};

/** The short day, parsed, with some fields replaced. */
export function shortDay(fields: Record<string, unknown> = {}): Scenario {
  const parsed = parseScenario({ ...SHORT_DAY, ...fields });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}
