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
  /** the JSON key and CSV name of the figure: the same names as plan and simulate outputs */
  key: string;
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

/** The comparison table: day figures of 2–4 scenarios with their differences from the first. */
export function compareScenarios(scenarios: ComparedScenario[]): ComparisonRow[] {
  return ROWS.map(([key, label, unit, higherIsBetter, pick]) => {
    const values = scenarios.map(pick);
    const base = values[0];
    return {
      key,
      label,
      unit,
      higherIsBetter,
      values,
      deltas: values.map((v, i) => (i === 0 || v === null || base === null ? null : v - base)),
    };
  });
}

/** A figure of the comparison as a person reads it. */
export function formatComparisonValue(unit: Unit, v: number | null): string {
  if (v === null) return '—';
  if (unit === 'share') return `${(100 * v).toFixed(1)} %`;
  if (unit === 'seconds') return `${v.toFixed(1)} s`;
  return `${Math.round(v).toLocaleString('en-US')}${unit === 'hours' ? ' h' : ''}`;
}

/** A difference from the baseline: percentage points for shares, signed. */
export function formatComparisonDelta(unit: Unit, d: number | null): string {
  if (d === null) return '';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const size = Math.abs(d);
  const text =
    unit === 'share'
      ? `${(size * 100).toFixed(1)} pts`
      : unit === 'seconds'
        ? `${size.toFixed(1)} s`
        : `${Math.round(size).toLocaleString('en-US')}${unit === 'hours' ? ' h' : ''}`;
  // A difference that rounds to nothing is shown as none, never as −0.
  return `${Number(text.replace(/[^\d.]/g, '')) === 0 ? '±' : sign}${text}`;
}

/** The comparison as flat rows for CSV and XLSX: each scenario's value, then its difference from the baseline. */
export function comparisonSheet(compared: readonly ComparedScenario[], rows: readonly ComparisonRow[]) {
  const header = [
    'figure',
    'unit',
    ...compared.flatMap((s, i) => (i === 0 ? [s.name] : [s.name, `${s.name} − ${compared[0].name}`])),
  ];
  return {
    header,
    rows: rows.map((r) => [r.key, r.unit, ...r.values.flatMap((v, i) => (i === 0 ? [v] : [v, r.deltas[i]]))]),
  };
}

/** `wfm compare --json`. */
export function comparisonJson(compared: readonly ComparedScenario[], rows: readonly ComparisonRow[]) {
  return {
    baseline: compared[0].name,
    scenarios: compared.map((s) => ({
      name: s.name,
      source: s.simulation ? `simulated, ${s.simulation.replications} replications` : 'analytic plan',
    })),
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
export function comparisonText(compared: readonly ComparedScenario[], rows: readonly ComparisonRow[]): string {
  const header = ['Figure (for the day)', ...compared.map((s) => s.name)];
  const body = rows.map((r) => [
    r.label,
    ...r.values.map(
      (v, i) => `${formatComparisonValue(r.unit, v)}${i === 0 ? '' : ` (${formatComparisonDelta(r.unit, r.deltas[i])})`}`,
    ),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const sources = compared.map(
    (s) => `${s.name}: ${s.simulation ? `simulated, ${s.simulation.replications} replications` : 'analytic plan'}`,
  );
  return [line(header), ...body.map(line), '', `Differences (in brackets) are from ${compared[0].name}.`, ...sources].join('\n');
}
