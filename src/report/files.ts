import { toCsv } from './csv';
import { flatRows, labelWithUnit, type ReportTable } from './table';
import { type Sheet, xlsx } from './xlsx';

/** Intervals and the day in one table, as files carry them. */
const joined = (intervals: ReportTable, day: ReportTable): ReportTable => ({
  columns: intervals.columns,
  rows: [...intervals.rows, ...day.rows],
});

/** A report as CSV: column keys as the header (the same names as JSON), shares 0–1, times in seconds. */
export function reportCsv(intervals: ReportTable, day: ReportTable): string {
  const [header, ...rows] = flatRows(joined(intervals, day), (c) => c.key, '_ci95');
  return toCsv(header as string[], rows);
}

/** A report as a workbook sheet: labels with their units as the header. */
export function reportSheet(name: string, intervals: ReportTable, day: ReportTable): Sheet {
  return { name, rows: flatRows(joined(intervals, day), labelWithUnit, ' ±95%') };
}

export function workbook(sheets: Sheet[]): Uint8Array {
  return xlsx(sheets);
}
