import type { DayPlan } from '../plan';
import type { SimulationResult } from '../sim';

/** One scenario in a comparison: its plan, and its simulation when one was run on this version. */
export interface ComparedScenario {
  name: string;
  plan: DayPlan;
  simulation: SimulationResult | null;
}

export type Unit = 'hours' | 'share' | 'seconds' | 'calls';

export interface ComparisonRow {
  label: string;
  unit: Unit;
  /** per scenario; null where undefined */
  values: (number | null)[];
  /** each scenario minus the first (the baseline); null for the baseline */
  deltas: (number | null)[];
  /** true where a larger value is better, so deltas can be read as gains or losses */
  higherIsBetter: boolean | null;
}

type Pick = (s: ComparedScenario) => number | null;

/** Simulated mean where the scenario was simulated, else the analytic plan's figure. */
const either =
  (sim: keyof SimulationResult['day'], plan: (p: DayPlan) => number | null): Pick =>
  (s) =>
    s.simulation ? s.simulation.day[sim].mean : plan(s.plan);

const ROWS: [string, Unit, boolean | null, Pick][] = [
  ['Paid hours (staffing ÷ (1 − shrinkage))', 'hours', false, (s) => s.plan.totals.paidHours],
  ['Answer rate: answered ÷ (answered + abandoned)', 'share', true, either('answerRate', (p) => p.totals.answerRate)],
  [
    'Handled rate: (answered + callbacks completed) ÷ (offered + blocked)',
    'share',
    true,
    either('handledRate', (p) => p.totals.handledRate),
  ],
  ['Service level (each scenario’s definition)', 'share', true, either('serviceLevel', (p) => p.totals.serviceLevel)],
  [
    'Abandonment: abandoned ÷ (answered + abandoned)',
    'share',
    false,
    (s) => {
      const rate = either('answerRate', (p) => p.totals.answerRate)(s);
      return rate === null ? null : 1 - rate;
    },
  ],
  ['ASA: mean wait of answered calls', 'seconds', false, either('asa', (p) => p.totals.asa)],
  ['Callbacks completed', 'calls', true, either('callbacksCompleted', (p) => p.totals.callbacksCompleted)],
  ['Busy signals', 'calls', false, either('blocked', (p) => p.totals.blocked)],
  ['Occupancy: busy ÷ available agent time', 'share', null, either('occupancy', (p) => p.totals.occupancy)],
];

/** The comparison table: day figures of 2–4 scenarios with their differences from the first. */
export function compareScenarios(scenarios: ComparedScenario[]): ComparisonRow[] {
  return ROWS.map(([label, unit, higherIsBetter, pick]) => {
    const values = scenarios.map(pick);
    const base = values[0];
    return {
      label,
      unit,
      higherIsBetter,
      values,
      deltas: values.map((v, i) => (i === 0 || v === null || base === null ? null : v - base)),
    };
  });
}
