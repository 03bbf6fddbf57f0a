import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoveringModel } from '../../src/schedule/model';
import { paidHoursBound, searchCover } from '../../src/schedule/search';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/**
 * Two intervals each asking for 2 agents, two patterns (A: the first interval for 1 paid hour; B: both
 * for 1.5), a shortfall column per interval at 1,000 an agent, and at most `maxPaid` paid hours.
 */
function twoIntervals(maxPaid: number): CoveringModel {
  // columns A, B, short 0, short 1 (each its (row, value) entries); rows interval 0, interval 1, paid hours
  const entries: [number, number][][] = [
    [
      [0, 1],
      [2, 1],
    ],
    [
      [0, 1],
      [1, 1],
      [2, 1.5],
    ],
    [[0, 1]],
    [[1, 1]],
  ];
  const starts = Int32Array.from([0, ...entries.map((_, j) => entries.slice(0, j + 1).flat().length)]);
  return {
    numCols: 4,
    numRows: 3,
    colCost: Float64Array.from([1, 1.5, 1_000, 1_000]),
    colLower: new Float64Array(4),
    colUpper: Float64Array.from([Infinity, Infinity, 2, 2]),
    rowLower: Float64Array.from([2, 2, -Infinity]),
    rowUpper: Float64Array.from([Infinity, Infinity, maxPaid]),
    matrix: {
      format: 'csc',
      numRows: 3,
      numCols: 4,
      starts,
      indices: Int32Array.from(entries.flat().map(([row]) => row)),
      values: Float64Array.from(entries.flat().map(([, v]) => v)),
    },
    integrality: Int32Array.from([1, 1, 1, 1]),
    patterns: 2,
    firstExtra: 4,
    granularity: 0.5,
  };
}

describe('the paid hours’ own bound where people cannot cover the requirement', () => {
  it('is the fewest paid hours of any cover short by no more in any interval', () => {
    // 1.5 paid hours allow one B: short 1 agent in each interval. A cover short by no more needs an
    // agent on both intervals: 1.5 h.
    expect(Array.from(searchCover(highs, twoIntervals(1.5), 10)?.values ?? [])).toEqual([0, 1, 1, 1]);
    expect(paidHoursBound(highs, twoIntervals(1.5), Float64Array.from([0, 1, 1, 1]))).toBeCloseTo(1.5, 9);
    // With room to pay, the bound follows the shortfall allowed: short 1 in the second interval only
    // takes an A and a B (2.5 h), short in neither two Bs (3 h).
    const roomy = twoIntervals(100);
    expect(paidHoursBound(highs, roomy, Float64Array.from([0, 1, 1, 1]))).toBeCloseTo(1.5, 9);
    expect(paidHoursBound(highs, roomy, Float64Array.from([1, 1, 0, 1]))).toBeCloseTo(2.5, 9);
    expect(paidHoursBound(highs, roomy, Float64Array.from([0, 2, 0, 0]))).toBeCloseTo(3, 9);
  });

  it('is the optimal cover’s paid hours where the requirement can be met', () => {
    const model = twoIntervals(100);
    const found = searchCover(highs, model, 10);
    expect(found?.objective).toBe(3);
    expect(paidHoursBound(highs, model, found?.values ?? new Float64Array(4))).toBeCloseTo(3, 9);
  });
});
