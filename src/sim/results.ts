import { serviceLevel, slFormula } from '../erlang';
import { intervalStarts } from '../scenario/day';
import type { Scenario } from '../scenario/schema';
import { COUNTERS, type Counts } from './counters';

/**
 * The figures a simulation reports, per interval and for the day, each
 * computed within a replication from its counts (rates from counts, never
 * averages of rates) and then averaged across replications.
 */
export const METRICS = [
  ...COUNTERS,
  'answerRate',
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

/** A mean over replications with the half-width of its 95% confidence interval (null where undefined). */
export interface Estimate {
  mean: number | null;
  halfWidth: number | null;
  /** replications in which the figure was defined (e.g. SL needs answered + abandoned > 0) */
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
  'Calls are counted in the interval they arrived in; busy time, callbacks completed or failed in the interval where they happen.',
  'serviceLevel uses the scenario’s definition; slAbandonsCount, slAnsweredOnly and slShortAbandonsExcluded give all three.',
  'answer rate = answered ÷ (answered + abandoned); handled rate = (answered + callbacks completed) ÷ (offered + blocked); ASA = mean wait of answered calls; mean wait (all) over answered and abandoned calls.',
  'Customers are counted in the interval of their first attempt; a customer who redials is one customer and several calls.',
  '95% confidence intervals from the spread across replications (Student t).',
];

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Derived figures of one interval (or the day, with counters summed) of one replication. */
function derive(get: (k: (typeof COUNTERS)[number]) => number, s: Scenario, seconds: number): Record<Metric, number | null> {
  const answered = get('answered');
  const abandoned = get('abandoned');
  const out = Object.fromEntries(COUNTERS.map((k) => [k, get(k)])) as Record<Metric, number | null>;
  out.answerRate = ratio(answered, answered + abandoned);
  out.handledRate = ratio(answered + get('callbacksCompleted'), get('offered') + get('blocked'));
  const sl = { answered, answeredWithin: get('answeredWithin'), abandoned, abandonedWithin: get('abandonedWithin') };
  out.serviceLevel = serviceLevel(s.targets.slDefinition, sl);
  out.slAbandonsCount = serviceLevel('abandonsCount', sl);
  out.slAnsweredOnly = serviceLevel('answeredOnly', sl);
  out.slShortAbandonsExcluded = serviceLevel('shortAbandonsExcluded', sl);
  out.asa = ratio(get('waitAnswered'), answered);
  out.meanWaitAll = ratio(get('waitAll'), answered + abandoned);
  out.occupancy = ratio(get('busySeconds'), get('availableSeconds'));
  out.meanQueue = get('queueArea') / seconds;
  out.customerAnsweredShare = ratio(get('customersAnswered'), get('customers'));
  return out;
}

/** Student t quantile t(0.975, ν): a table to 30, then the Cornish–Fisher expansion. */
export function t975(df: number): number {
  const table = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101,
    2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  if (df <= table.length) return table[df - 1];
  const z = 1.959963984540054;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/**
 * Streams replications into running means and variances (Welford), so memory
 * does not grow with the number of replications. Replications must be added
 * in index order for results to be identical on any number of workers.
 */
export function resultAggregator(s: Scenario) {
  const starts = intervalStarts(s);
  const cells = starts.length + 1; // the intervals, then the day
  const m = METRICS.length;
  const count = new Float64Array(cells * m);
  const mean = new Float64Array(cells * m);
  const m2 = new Float64Array(cells * m);
  let replications = 0;
  const L = s.intervalMinutes * 60;

  const addCell = (cell: number, values: Record<Metric, number | null>) => {
    METRICS.forEach((metric, k) => {
      const v = values[metric];
      if (v === null) return;
      const at = cell * m + k;
      const n = ++count[at];
      const delta = v - mean[at];
      mean[at] += delta / n;
      m2[at] += delta * (v - mean[at]);
    });
  };

  const estimate = (cell: number, k: number): Estimate => {
    const at = cell * m + k;
    const n = count[at];
    if (n === 0) return { mean: null, halfWidth: null, n: 0 };
    return { mean: mean[at], halfWidth: n > 1 ? t975(n - 1) * Math.sqrt(m2[at] / (n - 1) / n) : null, n };
  };
  const estimates = (cell: number) =>
    Object.fromEntries(METRICS.map((metric, k) => [metric, estimate(cell, k)])) as Record<Metric, Estimate>;

  return {
    add(c: Counts): void {
      replications++;
      for (let i = 0; i < starts.length; i++)
        addCell(
          i,
          derive((k) => c[k][i], s, L),
        );
      addCell(
        starts.length,
        derive(
          (k) => (k === 'queueAtStart' || k === 'backlogAtStart' ? c[k][0] : c[k].reduce((a, b) => a + b, 0)),
          s,
          L * starts.length,
        ),
      );
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
