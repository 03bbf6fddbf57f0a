import type { CoveringModel } from './model';

/**
 * Moves a whole-number solution of the covering model towards an earlier
 * roster, one unit at a time, without making it dearer or shorter anywhere:
 * a unit leaves a column whose key the solution holds more often than the
 * earlier roster did, for a column whose key it holds less often, when every
 * row stays within its bounds (the shortfalls fixed, so no interval loses
 * cover it needs) and the cost does not rise. `keyOf` names what makes two
 * columns the same to people (a shift's day, template and start; a days-off
 * pattern), `wanted` how often the earlier roster had each key, and
 * `distance` which of several leaving columns moves people least (infinite:
 * never in its place).
 * Done after the search rather than as a preference inside it, so the
 * search, and with it the roster of an unchanged week, is what it is afresh.
 */
export function towardsPrevious(
  model: CoveringModel,
  solution: Float64Array,
  keyOf: (column: number) => string | undefined,
  wanted: ReadonlyMap<string, number>,
  distance: (from: number, to: number) => number,
): Float64Array {
  const values = Float64Array.from(solution);
  const { starts, indices, values: entries } = model.matrix;
  const activity = new Float64Array(model.numRows);
  for (let j = 0; j < model.numCols; j++)
    for (let e = starts[j]; e < starts[j + 1]; e++) activity[indices[e]] += entries[e] * values[j];
  const have = new Map<string, number>();
  const keys = Array.from({ length: model.numCols }, (_, j) => keyOf(j));
  keys.forEach((key, j) => {
    if (key !== undefined && values[j] > 0) have.set(key, (have.get(key) ?? 0) + values[j]);
  });
  const surplus = (key: string | undefined) => (key === undefined ? 0 : (have.get(key) ?? 0) - (wanted.get(key) ?? 0));
  const move = (j: number, sign: number) => {
    for (let e = starts[j]; e < starts[j + 1]; e++) activity[indices[e]] += sign * entries[e];
    values[j] += sign;
    const key = keys[j] as string;
    have.set(key, (have.get(key) ?? 0) + sign);
  };
  const fits = (from: number, to: number) => {
    move(from, -1);
    move(to, 1);
    let ok = true;
    for (const j of [from, to])
      for (let e = starts[j]; e < starts[j + 1] && ok; e++) {
        const r = indices[e];
        ok = activity[r] >= model.rowLower[r] - 1e-9 && activity[r] <= model.rowUpper[r] + 1e-9;
      }
    move(to, -1);
    move(from, 1);
    return ok;
  };
  for (let to = 0; to < model.numCols; to++) {
    while (surplus(keys[to]) < 0 && values[to] < model.colUpper[to]) {
      let best = -1;
      let nearest = Number.POSITIVE_INFINITY;
      for (let from = 0; from < model.numCols; from++) {
        if (values[from] <= 0 || surplus(keys[from]) <= 0 || model.colCost[from] < model.colCost[to]) continue;
        const d = distance(from, to);
        if (d < nearest && fits(from, to)) {
          best = from;
          nearest = d;
        }
      }
      if (best < 0) break;
      move(best, -1);
      move(to, 1);
    }
  }
  return values;
}
