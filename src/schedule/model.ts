import type { ShiftTemplate } from '../scenario/schema';
import type { ShiftPattern } from './patterns';

/** Paid hours one agent-interval of shortfall costs in the objective: far above any shift, so short only when unavoidable. */
export const SHORTFALL_PENALTY = 1_000;

/**
 * Where people cannot cover every interval, the shortfall is spread rather
 * than left where it happens to be cheapest: an interval's first agents short
 * (up to a tenth of its requirement) cost the penalty, the next (to a quarter)
 * twice it, then (to a half) four times, the rest eight times. An interval
 * left with nobody would lose every call; ten short by a tenth each lose a
 * few points of service level.
 */
export const SHORTFALL_TIERS: readonly { upTo: number; weight: number }[] = [
  { upTo: 0.1, weight: 1 },
  { upTo: 0.25, weight: 2 },
  { upTo: 0.5, weight: 4 },
  { upTo: 1, weight: 8 },
];

/**
 * The covering integer program as plain arrays in HiGHS's structured form:
 * columns are the patterns (x_j agents on pattern j), then the shortfalls
 * (whole agents short, so every objective coefficient is a whole number of
 * minutes; one column per interval and tier of SHORTFALL_TIERS, interval by
 * interval), then any extra columns; rows are the intervals' coverage, then the
 * templates' head-count limits, the paid-hours cap and the caps on groups of shifts.
 */
export interface CoveringModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: { format: 'csc'; numRows: number; numCols: number; starts: Int32Array; indices: Int32Array; values: Float64Array };
  integrality: Int32Array;
  /** number of pattern columns; the shortfall columns follow them */
  patterns: number;
  /** the first extra column (after the shortfalls) */
  firstExtra: number;
  /** every objective value is a whole multiple of this (paid hours), so a bound can be rounded up to it */
  granularity: number;
}

/**
 * At most `upper` shifts among the patterns `of` selects (or of their `weight`,
 * paid hours say): what the people who can work them can give.
 */
export interface ShiftCap {
  of: (p: ShiftPattern) => boolean;
  upper: number;
  weight?: (p: ShiftPattern) => number;
}

/** A whole-number column of no cost after the shortfalls (people on a days-off pattern, say), entering cap rows by index. */
export interface ExtraColumn {
  upper: number;
  caps: [cap: number, value: number][];
}

/** The covering model of `patterns` for the whole-agent requirement `required`, with optional caps on groups of shifts and extra columns in them. */
export function coveringModel(
  patterns: ShiftPattern[],
  templates: ShiftTemplate[],
  required: number[],
  maxPaidHours: number | undefined,
  caps: ShiftCap[] = [],
  extra: ExtraColumn[] = [],
): CoveringModel {
  const n = required.length;
  const used = new Set(patterns.map((p) => p.template));
  const limited = templates.flatMap((t, k) => (used.has(k) && (t.minAgents > 0 || t.maxAgents !== undefined) ? [k] : []));
  const limitRow = new Map(limited.map((k, r) => [k, n + r]));
  const paidRow = maxPaidHours === undefined ? -1 : n + limited.length;
  const capRow = n + limited.length + (paidRow >= 0 ? 1 : 0);
  const numRows = capRow + caps.length;
  const tiers = SHORTFALL_TIERS.length;
  const firstExtra = patterns.length + n * tiers;
  const numCols = firstExtra + extra.length;
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const colCost = new Float64Array(numCols);
  patterns.forEach((p, j) => {
    p.coverage.forEach((share, k) => {
      if (share > 0) {
        indices.push(p.firstInterval + k);
        values.push(share);
      }
    });
    const limit = limitRow.get(p.template);
    if (limit !== undefined) {
      indices.push(limit);
      values.push(1);
    }
    if (paidRow >= 0) {
      indices.push(paidRow);
      values.push(p.paidHours);
    }
    caps.forEach((c, r) => {
      if (c.of(p)) {
        indices.push(capRow + r);
        values.push(c.weight ? c.weight(p) : 1);
      }
    });
    colCost[j] = p.paidHours;
    starts[j + 1] = indices.length;
  });
  const colUpper = new Float64Array(numCols).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    let below = 0;
    SHORTFALL_TIERS.forEach(({ upTo, weight }, k) => {
      const j = patterns.length + i * tiers + k;
      indices.push(i);
      values.push(1);
      colCost[j] = SHORTFALL_PENALTY * weight;
      const top = k === tiers - 1 ? Number.POSITIVE_INFINITY : Math.ceil(upTo * required[i] - 1e-9);
      colUpper[j] = top - below;
      below = top;
      starts[j + 1] = indices.length;
    });
  }
  extra.forEach((e, k) => {
    for (const [cap, value] of e.caps) {
      indices.push(capRow + cap);
      values.push(value);
    }
    colUpper[firstExtra + k] = e.upper;
    starts[firstExtra + k + 1] = indices.length;
  });
  const rowLower = new Float64Array(numRows).fill(Number.NEGATIVE_INFINITY);
  const rowUpper = new Float64Array(numRows).fill(Number.POSITIVE_INFINITY);
  required.forEach((r, i) => {
    rowLower[i] = r;
  });
  for (const [k, row] of limitRow) {
    rowLower[row] = templates[k].minAgents;
    rowUpper[row] = templates[k].maxAgents ?? Number.POSITIVE_INFINITY;
  }
  if (paidRow >= 0) rowUpper[paidRow] = maxPaidHours as number;
  caps.forEach((c, r) => {
    rowUpper[capRow + r] = c.upper;
  });
  return {
    numCols,
    numRows,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower,
    rowUpper,
    matrix: {
      format: 'csc',
      numRows,
      numCols,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    integrality: new Int32Array(numCols).fill(1),
    patterns: patterns.length,
    firstExtra,
    granularity: granularity(patterns),
  };
}

/** The largest step (hours) that divides every objective coefficient: paid minutes are whole, and so is the penalty. */
function granularity(patterns: ShiftPattern[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let minutes = SHORTFALL_PENALTY * 60;
  for (const p of patterns) minutes = gcd(minutes, Math.round(p.paidHours * 60));
  return minutes / 60;
}
