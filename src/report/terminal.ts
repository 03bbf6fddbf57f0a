import { briefTable, type Cell, isEstimate, type ReportTable, type Unit } from './table';

/** Thousands grouped as en-US; one formatter, as toLocaleString builds a new one on every call (a long table took 100 ms). */
const GROUPED = new Intl.NumberFormat('en-US');
const HOURS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A value as a person reads it, with its unit where the header does not carry it. */
export function formatCell(cell: Cell, unit: Unit): string {
  if (isEstimate(cell)) {
    if (cell.mean === null) return '—';
    // One replication gives no interval: "±0.0" would read as a perfectly sure figure.
    if (cell.halfWidth === null) return `${formatCell(cell.mean, unit)} (no CI)`;
    const half = cell.halfWidth;
    const hw =
      unit === 'share' ? (100 * half).toFixed(1) : unit === 'seconds' ? half.toFixed(0) : GROUPED.format(Math.round(half));
    return `${formatCell(cell.mean, unit)} ±${hw}`;
  }
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  switch (unit) {
    case 'share':
      return `${(100 * cell).toFixed(1)} %`;
    case 'seconds':
      return `${cell.toFixed(0)} s`;
    case 'erlangs':
      return cell.toFixed(1);
    case 'agents':
      return Number.isInteger(cell) ? GROUPED.format(cell) : cell.toFixed(1);
    case 'hours':
      return HOURS.format(cell);
    case 'money':
      return MONEY.format(cell);
    default:
      return GROUPED.format(Math.round(cell) + 0);
  }
}

/** The brief columns of `table` as a person reads them (screen and terminal): labels, and each cell with its unit. */
export function briefCells(table: ReportTable): { header: string[]; rows: string[][] } {
  const brief = briefTable(table);
  return {
    header: brief.columns.map((c) => c.label),
    rows: brief.rows.map((r) => r.map((cell, i) => formatCell(cell, brief.columns[i].unit))),
  };
}

/**
 * A fixed-width terminal table: the header, one line per row, then a rule and the `footer`
 * rows (the day). Only the brief columns, as on screen.
 */
export function textTable(table: ReportTable, footer: ReportTable | null = null): string {
  const { header, rows } = briefCells(table);
  const foot = footer ? briefCells(footer).rows : [];
  const widths = header.map((h, c) => Math.max(h.length, ...[...rows, ...foot].map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    line(header),
    ...rows.map(line),
    ...(foot.length ? [widths.map((w) => '─'.repeat(w)).join('  '), ...foot.map(line)] : []),
  ].join('\n');
}
