import type { DayPlan } from '../plan';
import { dayCost } from '../plan/cost';
import { staffAnalytically, staffingFigures } from '../plan/staffToTarget';
import { simulationFigures, verdict } from '../plan/verdict';
import { agentsPerInterval } from '../scenario/day';
import type { Scenario } from '../scenario/schema';
import type { SimulationResult } from '../sim';

/** One scenario in a comparison: the scenario, its plan, and its simulation when one was run on this version. */
export interface ComparedScenario {
  name: string;
  scenario: Scenario;
  plan: DayPlan;
  simulation: SimulationResult | null;
}

export type Unit = 'hours' | 'share' | 'seconds' | 'calls' | 'money' | 'flag';

export interface ComparisonRow {
  /** the JSON key and CSV name of the figure: the same names as plan and simulate outputs */
  key: string;
  label: string;
  unit: Unit;
  /** per scenario; null where undefined */
  values: (number | null)[];
  /** each scenario minus the baseline; null for the baseline */
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

const ROWS: [string, string, Unit, boolean | null, Pick][] = [
  ['paidHours', 'Paid hours (staffing ÷ (1 − shrinkage))', 'hours', false, (s) => s.plan.totals.paidHours],
  [
    'answerRate',
    'Answer rate: answered ÷ (answered + abandoned)',
    'share',
    true,
    either('answerRate', (p) => p.totals.answerRate),
  ],
  [
    'handledRate',
    'Handled rate: (answered + callbacks completed) ÷ (offered + blocked)',
    'share',
    true,
    either('handledRate', (p) => p.totals.handledRate),
  ],
  [
    'serviceLevel',
    'Service level (each scenario’s definition)',
    'share',
    true,
    either('serviceLevel', (p) => p.totals.serviceLevel),
  ],
  [
    'abandonRate',
    'Abandonment: abandoned ÷ (answered + abandoned)',
    'share',
    false,
    (s) => {
      const rate = either('answerRate', (p) => p.totals.answerRate)(s);
      return rate === null ? null : 1 - rate;
    },
  ],
  ['asaSeconds', 'ASA: mean wait of answered calls', 'seconds', false, either('asa', (p) => p.totals.asa)],
  ['callbacksCompleted', 'Callbacks completed', 'calls', true, either('callbacksCompleted', (p) => p.totals.callbacksCompleted)],
  ['blocked', 'Busy signals', 'calls', false, either('blocked', (p) => p.totals.blocked)],
  ['occupancy', 'Occupancy: busy ÷ available agent time', 'share', null, either('occupancy', (p) => p.totals.occupancy)],
];

/** Every target met: by the simulation (95% confidence) where the scenario was simulated, else by the plan. */
export const meetsTargets = (s: ComparedScenario): boolean => decisionOf(s).meets;

const cost = (s: ComparedScenario) => decisionOf(s).cost;

/**
 * A scenario's verdict, cost and what it would take to meet the targets, computed once per compared
 * scenario: several rows and the cheapest-compliant choice read them, and the staffing is costly.
 */
const decisions = new WeakMap<
  ComparedScenario,
  { meets: boolean; cost: ReturnType<typeof staffingFigures>['cost']; toTargets: ReturnType<typeof toTargets> }
>();
function decisionOf(s: ComparedScenario) {
  let d = decisions.get(s);
  if (!d) {
    d = {
      meets: verdict(s.scenario, s.plan, s.simulation ? simulationFigures(s.simulation) : null).meets,
      cost: staffingFigures(s.scenario, s.plan).cost,
      toTargets: toTargets(s),
    };
    decisions.set(s, d);
  }
  return d;
}

/** What it would take to meet the targets: agents added where the Erlang A staffing asks for more, never removed. */
function toTargets(s: ComparedScenario) {
  const now = agentsPerInterval(s.scenario);
  const needed = agentsPerInterval(staffAnalytically(s.scenario, 'erlangA').scenario);
  const more = now.map((n, i) => Math.max(n, needed[i]));
  const hours = s.scenario.intervalMinutes / 60;
  const paidHours = more.reduce((sum, n, i) => sum + (n - now[i]) * hours, 0) / (1 - s.scenario.shrinkage);
  const before = dayCost(s.scenario, now, 0, 1);
  const after = dayCost(s.scenario, more, 0, 1);
  return { paidHours, cost: before && after ? after.total - before.total : null };
}

const DECISION_ROWS: [string, string, Unit, boolean | null, Pick][] = [
  ['meetsTargets', 'Meets every target (simulated: with 95% confidence)', 'flag', true, (s) => (meetsTargets(s) ? 1 : 0)],
  [
    'cost',
    'Cost of the staffing (paid hours × rate, premiums, overtime, lines, callbacks)',
    'money',
    false,
    (s) => cost(s)?.total ?? null,
  ],
  ['costPerAnsweredCall', 'Cost per answered call', 'money', false, (s) => cost(s)?.perAnsweredCall ?? null],
  [
    'paidHoursToTargets',
    'Paid hours more to meet the targets (Erlang A, per interval)',
    'hours',
    false,
    (s) => toTargets(s).paidHours,
  ],
  ['costToTargets', 'Cost more to meet the targets', 'money', false, (s) => decisionOf(s).toTargets.cost],
];

/** The cheapest scenario that meets every target (by cost, else paid hours), or null when none does. */
export function cheapestMeetingTargets(scenarios: readonly ComparedScenario[]): number | null {
  let best: number | null = null;
  let bestValue = Number.POSITIVE_INFINITY;
  scenarios.forEach((s, i) => {
    if (!meetsTargets(s)) return;
    const value = cost(s)?.total ?? s.plan.totals.paidHours;
    if (value < bestValue) {
      best = i;
      bestValue = value;
    }
  });
  return best;
}

/** The comparison table: day figures of 2–4 scenarios with their differences from the baseline (the first by default). */
export function compareScenarios(scenarios: ComparedScenario[], baseline = 0): ComparisonRow[] {
  return [...DECISION_ROWS, ...ROWS].map(([key, label, unit, higherIsBetter, pick]) => {
    const values = scenarios.map(pick);
    const base = values[baseline];
    return {
      key,
      label,
      unit,
      higherIsBetter,
      values,
      deltas: values.map((v, i) => (i === baseline || v === null || base === null ? null : v - base)),
    };
  });
}

/** A figure of the comparison as a person reads it. */
export function formatComparisonValue(unit: Unit, v: number | null, currency = ''): string {
  if (v === null) return '—';
  if (unit === 'flag') return v ? 'yes' : 'no';
  if (unit === 'money')
    return `${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ''}`;
  if (unit === 'share') return `${(100 * v).toFixed(1)} %`;
  if (unit === 'seconds') return `${v.toFixed(1)} s`;
  return `${Math.round(v).toLocaleString('en-US')}${unit === 'hours' ? ' h' : ''}`;
}

/** A difference from the baseline: percentage points for shares, signed. */
export function formatComparisonDelta(unit: Unit, d: number | null): string {
  if (d === null || unit === 'flag') return '';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const size = Math.abs(d);
  const text =
    unit === 'share'
      ? `${(size * 100).toFixed(1)} pts`
      : unit === 'seconds'
        ? `${size.toFixed(1)} s`
        : unit === 'money'
          ? size.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
          : `${Math.round(size).toLocaleString('en-US')}${unit === 'hours' ? ' h' : ''}`;
  // A difference that rounds to nothing is shown as none, never as −0.
  return `${Number(text.replace(/[^\d.]/g, '')) === 0 ? '±' : sign}${text}`;
}

/** The comparison as flat rows for CSV and XLSX: each scenario's value, then its difference from the baseline. */
export function comparisonSheet(compared: readonly ComparedScenario[], rows: readonly ComparisonRow[], baseline = 0) {
  const base = compared[baseline].name;
  const header = ['figure', 'unit', ...compared.flatMap((s, i) => (i === baseline ? [s.name] : [s.name, `${s.name} − ${base}`]))];
  return {
    header,
    rows: rows.map((r) => [r.key, r.unit, ...r.values.flatMap((v, i) => (i === baseline ? [v] : [v, r.deltas[i]]))]),
  };
}

const source = (s: ComparedScenario) => (s.simulation ? `simulated, ${s.simulation.replications} replications` : 'analytic plan');

/** `wfm compare --json`. */
export function comparisonJson(compared: readonly ComparedScenario[], rows: readonly ComparisonRow[], baseline = 0) {
  const cheapest = cheapestMeetingTargets(compared);
  return {
    baseline: compared[baseline].name,
    cheapestMeetingTargets: cheapest === null ? null : compared[cheapest].name,
    scenarios: compared.map((s) => ({ name: s.name, source: source(s), currency: s.scenario.cost?.currency ?? null })),
    figures: rows.map((r) => ({
      key: r.key,
      label: r.label,
      unit: r.unit,
      higherIsBetter: r.higherIsBetter,
      values: r.values,
      deltas: r.deltas,
    })),
  };
}

/** The comparison as a terminal table. */
export function comparisonText(compared: readonly ComparedScenario[], rows: readonly ComparisonRow[], baseline = 0): string {
  const cheapest = cheapestMeetingTargets(compared);
  const header = ['Figure (for the day)', ...compared.map((s, i) => `${s.name}${i === cheapest ? ' ★' : ''}`)];
  const body = rows.map((r) => [
    r.label,
    ...r.values.map((v, i) => {
      const delta = formatComparisonDelta(r.unit, r.deltas[i]);
      return `${formatComparisonValue(r.unit, v, compared[i].scenario.cost?.currency)}${i === baseline || !delta ? '' : ` (${delta})`}`;
    }),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    line(header),
    ...body.map(line),
    '',
    cheapest === null
      ? 'No scenario meets every target.'
      : `★ ${compared[cheapest].name}: the cheapest scenario that meets every target.`,
    `Differences (in brackets) are from ${compared[baseline].name}.`,
    ...compared.map((s) => `${s.name}: ${source(s)}`),
  ].join('\n');
}
