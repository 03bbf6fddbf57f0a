/**
 * What a planner reads, as plain data: columns (a stable key, a label, a unit, a definition)
 * and rows of values. The screen, the terminal, CSV, XLSX and JSON all render these same rows,
 * so they cannot drift apart; JSON keys are the column keys, one vocabulary everywhere.
 */

/** A simulated figure: the mean over replications and the half-width of its 95% confidence interval. */
export interface EstimateCell {
  mean: number | null;
  halfWidth: number | null;
}

export type Cell = number | string | null | EstimateCell;

export type Unit = 'time' | 'text' | 'calls' | 'agents' | 'share' | 'seconds' | 'hours' | 'erlangs' | 'count' | 'money';

export interface Column<Row> {
  /** the JSON key and CSV header: one meaning across every command and file */
  key: string;
  /** the screen and workbook header */
  label: string;
  unit: Unit;
  /** how the figure is computed, in words */
  definition?: string;
  /** shown in the compact screen and terminal table (every column goes to files and JSON) */
  brief?: boolean;
  value: (row: Row) => Cell;
}

export interface ReportTable {
  columns: Omit<Column<never>, 'value'>[];
  rows: Cell[][];
}

/** A column that shows a row's own field of the same key. */
export function fieldColumn<Row extends Record<K, Cell>, K extends keyof Row & string>(
  key: K,
  label: string,
  unit: Unit,
  definition: string,
  brief = true,
): Column<Row> {
  return { key, label, unit, definition, brief, value: (row) => row[key] };
}

/** Rows of `columns` over `items`. */
export function tableOf<Row>(columns: readonly Column<Row>[], items: readonly Row[]): ReportTable {
  return {
    columns: columns.map(({ value, ...info }) => info),
    rows: items.map((item) => columns.map((c) => clean(c.value(item)))),
  };
}

/** One item as a record keyed by column key (JSON output). */
export function recordOf<Row>(columns: readonly Column<Row>[], item: Row): Record<string, Cell> {
  return Object.fromEntries(columns.map((c) => [c.key, clean(c.value(item))]));
}

/** Non-finite numbers become null (a figure that does not exist), and −0 becomes 0. */
function clean(cell: Cell): Cell {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell + 0 : null;
  if (cell !== null && typeof cell === 'object')
    return { mean: clean(cell.mean) as number | null, halfWidth: clean(cell.halfWidth) as number | null };
  return cell;
}

/** The compact table of the screen and the terminal: the brief columns only (files and JSON carry every column). */
export function briefTable(table: ReportTable): ReportTable {
  const keep = table.columns.map((c, i) => (c.brief ? i : -1)).filter((i) => i >= 0);
  return { columns: keep.map((i) => table.columns[i]), rows: table.rows.map((r) => keep.map((i) => r[i])) };
}

export const isEstimate = (cell: Cell): cell is EstimateCell => cell !== null && typeof cell === 'object';

/** A unit as a header suffix: "Calls", "ASA (s)", "Answer rate (%)". */
export function labelWithUnit(c: Pick<Column<never>, 'label' | 'unit'>): string {
  const suffix = { share: ' (%)', seconds: ' (s)', hours: ' (h)', erlangs: ' (Erlangs)' }[c.unit as string];
  return `${c.label}${suffix ?? ''}`;
}

/** Flat rows for a file (CSV, XLSX): an estimate becomes two cells, the mean and its ±95% half-width. */
export function flatRows(
  table: ReportTable,
  header: (c: ReportTable['columns'][number]) => string,
  halfWidthSuffix: string,
): (string | number | null)[][] {
  const estimates = table.columns.map((_, i) => table.rows.some((r) => isEstimate(r[i])));
  const head = table.columns.flatMap((c, i) => (estimates[i] ? [header(c), `${header(c)}${halfWidthSuffix}`] : [header(c)]));
  const body = table.rows.map((r) =>
    r.flatMap((cell, i) => {
      if (estimates[i]) return isEstimate(cell) ? [cell.mean, cell.halfWidth] : [null, null];
      return [isEstimate(cell) ? cell.mean : cell];
    }),
  );
  return [head, ...body];
}
