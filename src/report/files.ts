import { toCsv } from './csv';
import { flatRows, labelWithUnit, type ReportTable } from './table';
import { type Sheet, xlsx } from './xlsx';

/** Intervals and the day in one table, as files carry them. */
const joined = (intervals: ReportTable, day: ReportTable): ReportTable => ({
  columns: intervals.columns,
  rows: [...intervals.rows, ...day.rows],
});

/** A table as CSV: column keys as the header (the same names as JSON), shares 0–1, times in seconds. */
export function tableCsv(table: ReportTable): string {
  const [header, ...rows] = flatRows(table, (c) => c.key, '_ci95');
  return toCsv(header as string[], rows);
}

/** A table as a workbook sheet: labels with their units as the header. */
export function tableSheet(name: string, table: ReportTable): Sheet {
  return { name, rows: flatRows(table, labelWithUnit, ' ±95%') };
}

/** A report (its intervals, then the day) as CSV. */
export const reportCsv = (intervals: ReportTable, day: ReportTable): string => tableCsv(joined(intervals, day));

/** A report (its intervals, then the day) as a workbook sheet. */
export const reportSheet = (name: string, intervals: ReportTable, day: ReportTable): Sheet =>
  tableSheet(name, joined(intervals, day));

export function workbook(sheets: Sheet[]): Uint8Array {
  return xlsx(sheets);
}
