import type { Highs } from 'highs';
import type { CoveringModel } from './model';
import { WORK_LIMITS } from './search';

/**
 * Of the covers that cost no more than `solution`, one that keeps as much of
 * an earlier roster as the search finds: the covering model with its cost
 * capped at the solution's, minimising the weighted units of each key
 * (`keyOf`: a shift's day, template and start; a days-off pattern) that the
 * earlier roster had (`wanted`) and the cover no longer does. The searches
 * are limited in work (nodes), so the same input gives the same cover on any
 * machine; `solution` itself comes back when neither finds a cover.
 */
export function stayClose(
  highs: Highs,
  model: CoveringModel,
  solution: Float64Array,
  keyOf: (column: number) => string | undefined,
  wanted: ReadonlyMap<string, number>,
  weight: (key: string) => number,
): Float64Array {
  const keys = [...wanted].filter(([, n]) => n > 0).map(([key]) => key);
  const columnKeys = Array.from({ length: model.numCols }, (_, j) => keyOf(j));
  const row = new Map(keys.map((key, k) => [key, model.numRows + k]));
  const costRow = model.numRows + keys.length;
  const { starts, indices, values } = model.matrix;
  const n = model.numCols + keys.length;
  const colStarts = new Int32Array(n + 1);
  const colIndices: number[] = [];
  const colValues: number[] = [];
  for (let j = 0; j < model.numCols; j++) {
    for (let e = starts[j]; e < starts[j + 1]; e++) {
      colIndices.push(indices[e]);
      colValues.push(values[e]);
    }
    const key = columnKeys[j];
    const r = key === undefined ? undefined : row.get(key);
    if (r !== undefined) {
      colIndices.push(r);
      colValues.push(1);
    }
    if (model.colCost[j] !== 0) {
      colIndices.push(costRow);
      colValues.push(model.colCost[j]);
    }
    colStarts[j + 1] = colIndices.length;
  }
  keys.forEach((_, k) => {
    colIndices.push(model.numRows + k);
    colValues.push(1);
    colStarts[model.numCols + k + 1] = colIndices.length;
  });
  let cost = 0;
  for (let j = 0; j < model.numCols; j++) cost += model.colCost[j] * solution[j];
  const numRows = costRow + 1;
  const concat = (a: Float64Array, b: number[]) => Float64Array.from([...a, ...b]);
  const close: CoveringModel = {
    ...model,
    numCols: n,
    numRows,
    colCost: concat(new Float64Array(model.numCols), keys.map(weight)),
    colLower: concat(
      model.colLower,
      keys.map(() => 0),
    ),
    // Only columns the solution uses or the earlier roster had may take part: the search stays small.
    colUpper: concat(
      model.colUpper.map((u, j) => {
        const key = columnKeys[j];
        return solution[j] > 0 || key === undefined || row.has(key) ? u : 0;
      }),
      keys.map((key) => wanted.get(key) as number),
    ),
    rowLower: concat(model.rowLower, [...keys.map((key) => wanted.get(key) as number), Number.NEGATIVE_INFINITY]),
    rowUpper: concat(model.rowUpper, [...keys.map(() => Number.POSITIVE_INFINITY), cost + 1e-6 * (1 + cost)]),
    matrix: {
      format: 'csc',
      numRows,
      numCols: n,
      starts: colStarts,
      indices: Int32Array.from(colIndices),
      values: Float64Array.from(colValues),
    },
    integrality: Int32Array.from([...model.integrality, ...keys.map(() => 0)]),
  };
  // The LP relaxation is almost whole here, as for the cover itself: a search near it is small.
  const { integrality: _, ...relaxation } = close;
  const lp = highs.withModel(relaxation, (m) => {
    m.options.set({ output_flag: false, random_seed: 0, simplex_iteration_limit: WORK_LIMITS.lpIterations });
    m.run();
    return m.getModelStatus() === highs.constants.modelStatus.optimal ? m.getSolution().colValue : null;
  });
  if (!lp) return solution;
  // First the roundings of the LP's fractional columns, each between its floor and its ceiling; should none
  // fit, the columns the LP or the solution use, searched from the solution.
  const roundings = { lower: Float64Array.from(close.colLower), upper: Float64Array.from(close.colUpper) };
  const used = { lower: close.colLower, upper: Float64Array.from(close.colUpper) };
  for (let j = 0; j < model.numCols; j++) {
    if (!close.integrality[j]) continue;
    roundings.lower[j] = Math.floor(lp[j] + 1e-6);
    roundings.upper[j] = Math.ceil(lp[j] - 1e-6);
    if (lp[j] < 1e-6 && solution[j] === 0) used.upper[j] = 0;
  }
  const have = new Map<string, number>();
  for (let j = 0; j < model.numCols; j++) {
    const key = solution[j] > 0 ? columnKeys[j] : undefined;
    if (key !== undefined) have.set(key, (have.get(key) ?? 0) + solution[j]);
  }
  const start = [...solution, ...keys.map((key) => Math.max(0, (wanted.get(key) as number) - (have.get(key) ?? 0)))];
  for (const [bounds, from] of [
    [roundings, null],
    [used, start],
  ] as const) {
    const found = highs.withModel({ ...close, colLower: bounds.lower, colUpper: bounds.upper }, (m) => {
      m.options.set({ output_flag: false, random_seed: 0, mip_max_nodes: WORK_LIMITS.stayCloseNodes, mip_rel_gap: 0 });
      if (from) m.setSolution({ colValue: from });
      m.run();
      const feasible = m.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
      return feasible ? m.getSolution().colValue : null;
    });
    if (found) return Float64Array.from({ length: model.numCols }, (_, j) => Math.round(found[j]));
  }
  return solution;
}
