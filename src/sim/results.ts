import { sum } from 'd3-array';
import { type SlDefinition, slFormula } from '../erlang';
import { intervalStarts } from '../scenario/day';
import type { Scenario } from '../scenario/schema';
import { COUNTERS, type Counter, type Counts } from './counters';

/**
 * The figures a simulation reports, per interval and for the day: the
 * counters (means per replication) and the shares and means per call, each
 * a ratio of sums over replications (Σ numerator ÷ Σ denominator), never a
 * mean of per-replication ratios, which is biased where an interval has few calls.
 */
export const METRICS = [
  ...COUNTERS,
  'answerRate',
  /** abandoned ÷ (answered + abandoned) */
  'abandonRate',
  /** P(wait > 0): calls that queued ÷ (answered + abandoned) */
  'pWait',
  'handledRate',
  'serviceLevel',
  /** SL under each definition, whichever the scenario uses */
  'slAbandonsCount',
  'slAnsweredOnly',
  'slShortAbandonsExcluded',
  'asa',
  'meanWaitAll',
  'occupancy',
  'meanQueue',
  'customerAnsweredShare',
] as const;

export type Metric = (typeof METRICS)[number];

/**
 * A figure over the replications with the half-width of its 95% confidence
 * interval: Σ numerator ÷ Σ denominator (for a count, its mean per
 * replication), the interval by the delta method (null where undefined).
 */
export interface Estimate {
  mean: number | null;
  halfWidth: number | null;
  /** replications with a positive denominator (e.g. SL needs answered + abandoned > 0) */
  n: number;
}

export interface SimulationResult {
  name: string;
  replications: number;
  seed: number;
  slFormula: string;
  intervals: { start: string; metrics: Record<Metric, Estimate> }[];
  day: Record<Metric, Estimate>;
  notes: string[];
}

export const SIMULATION_NOTES = [
  'Calls are counted in the interval they arrived in; busy time, callback attempts, callbacks completed or failed in the interval where they happen; callbacks pending at the close in the last interval.',
  'serviceLevel uses the scenario’s definition; slAbandonsCount, slAnsweredOnly and slShortAbandonsExcluded give all three.',
  'answer rate = answered ÷ (answered + abandoned); handled rate = (answered + callbacks completed) ÷ (offered + blocked); ASA = mean wait of answered calls; mean wait (all) over answered and abandoned calls.',
  'Customers are counted in the interval of their first attempt; a customer who redials is one customer and several calls.',
  'A callback is completed when an agent reaches the customer; it fails when its attempts run out or its deadline passes; it is pending at the close when its deadline is after the close.',
  'Shares and means per call are ratios of sums over replications (Σ numerator ÷ Σ denominator); counts are means per replication. 95% confidence intervals by the delta method (Student t).',
];

/** A figure as numerator ÷ denominator of one cell's counts. */
type Ratio = readonly [numerator: (get: (k: Counter) => number) => number, denominator: (get: (k: Counter) => number) => number];

const slDenominator: Record<SlDefinition, (get: (k: Counter) => number) => number> = {
  abandonsCount: (get) => get('answered') + get('abandoned'),
  answeredOnly: (get) => get('answered'),
  shortAbandonsExcluded: (get) => get('answered') + get('abandoned') - get('abandonedWithin'),
};

/** Every metric as a ratio; a cell of `seconds` (an interval or the day). */
function ratios(s: Scenario, seconds: number): Ratio[] {
  const one = () => 1;
  const waited = (get: (k: Counter) => number) => get('answered') + get('abandoned');
  const within = (get: (k: Counter) => number) => get('answeredWithin');
  const derived: Record<Exclude<Metric, Counter>, Ratio> = {
    answerRate: [(get) => get('answered'), waited],
    abandonRate: [(get) => get('abandoned'), waited],
    pWait: [(get) => get('waited'), waited],
    handledRate: [(get) => get('answered') + get('callbacksCompleted'), (get) => get('offered') + get('blocked')],
    serviceLevel: [within, slDenominator[s.targets.slDefinition]],
    slAbandonsCount: [within, slDenominator.abandonsCount],
    slAnsweredOnly: [within, slDenominator.answeredOnly],
    slShortAbandonsExcluded: [within, slDenominator.shortAbandonsExcluded],
    asa: [(get) => get('waitAnswered'), (get) => get('answered')],
    meanWaitAll: [(get) => get('waitAll'), waited],
    occupancy: [(get) => get('busySeconds'), (get) => get('availableSeconds')],
    meanQueue: [(get) => get('queueArea'), () => seconds],
    customerAnsweredShare: [(get) => get('customersAnswered'), (get) => get('customers')],
  };
  return METRICS.map((metric) =>
    metric in derived ? derived[metric as keyof typeof derived] : ([(get) => get(metric as Counter), one] as const),
  );
}

/** Student t quantile t(0.975, ν): a table to 30, then the Cornish–Fisher expansion. */
export function t975(df: number): number {
  const table = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101,
    2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  if (df <= table.length) return table[df - 1];
  const z = 1.959963984540054;
  const z3 = z * z * z; // products, not **: Math.pow's last bit is the engine's
  return z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
}

/**
 * Streams replications into running means and co-moments of each figure's
 * numerator and denominator (Welford), so memory does not grow with the
 * number of replications. The ratio estimator R = ȳ ÷ x̄ has the delta-method
 * variance Σ(yᵣ − R·xᵣ)² ÷ ((n − 1)·n·x̄²). Replications must be added in
 * index order for results to be identical on any number of workers.
 */
export function resultAggregator(s: Scenario) {
  const starts = intervalStarts(s);
  const cells = starts.length + 1; // the intervals, then the day
  const L = s.intervalMinutes * 60;
  const cellRatios = [...starts.map(() => ratios(s, L)), ratios(s, L * starts.length)];
  const m = METRICS.length;
  const defined = new Float64Array(cells * m);
  const meanX = new Float64Array(cells * m);
  const meanY = new Float64Array(cells * m);
  const cxx = new Float64Array(cells * m);
  const cxy = new Float64Array(cells * m);
  const cyy = new Float64Array(cells * m);
  let replications = 0;

  const addCell = (cell: number, get: (k: Counter) => number) => {
    const n = replications;
    cellRatios[cell].forEach(([numerator, denominator], k) => {
      const at = cell * m + k;
      const x = denominator(get);
      const y = numerator(get);
      if (x > 0) defined[at]++;
      const dx = x - meanX[at];
      const dy = y - meanY[at];
      meanX[at] += dx / n;
      meanY[at] += dy / n;
      cxx[at] += dx * (x - meanX[at]);
      cxy[at] += dx * (y - meanY[at]);
      cyy[at] += dy * (y - meanY[at]);
    });
  };

  const estimate = (cell: number, k: number): Estimate => {
    const at = cell * m + k;
    const n = replications;
    if (defined[at] === 0) return { mean: null, halfWidth: null, n: 0 };
    const r = meanY[at] / meanX[at];
    if (defined[at] < 2) return { mean: r, halfWidth: null, n: defined[at] };
    const residual = Math.max(0, cyy[at] - 2 * r * cxy[at] + r * r * cxx[at]);
    const halfWidth = (t975(n - 1) * Math.sqrt(residual / (n - 1) / n)) / meanX[at];
    return { mean: r, halfWidth, n: defined[at] };
  };
  const estimates = (cell: number) =>
    Object.fromEntries(METRICS.map((metric, k) => [metric, estimate(cell, k)])) as Record<Metric, Estimate>;

  return {
    add(c: Counts): void {
      replications++;
      for (let i = 0; i < starts.length; i++) addCell(i, (k) => c[k][i]);
      const day = Object.fromEntries(
        COUNTERS.map((k) => [k, k === 'queueAtStart' || k === 'backlogAtStart' ? c[k][0] : sum(c[k])]),
      ) as Record<Counter, number>;
      addCell(starts.length, (k) => day[k]);
    },
    result(): SimulationResult {
      return {
        name: s.name,
        replications,
        seed: s.simulation.seed,
        slFormula: slFormula(s.targets.slDefinition, s.targets.targetSeconds),
        intervals: starts.map((start, i) => ({ start, metrics: estimates(i) })),
        day: estimates(starts.length),
        notes: SIMULATION_NOTES,
      };
    },
  };
}
