import { readTypedNumber } from '../format/typed';
import { clockOf, parseCsv } from '../scenario';

/** The most calls one row may give, as in the Plan's volumes import. */
const MAX_CALLS = 1_000_000;

/** A row as a CSV line again, for messages: a field with a comma or a quote is quoted, so it reads as one. */
const csvLine = (cells: string[]) => cells.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');

/**
 * A history of calls per interval, one row of slots per calendar day, in the
 * center's local clock time. A slot with no record is NaN (missing, never 0):
 * a missing day is a closed day or lost data, and the methods skip it.
 */
export interface History {
  intervalMinutes: number;
  /** first slot of the day the history covers, minutes after midnight */
  firstMinute: number;
  slots: number;
  /** YYYY-MM-DD, ascending */
  dates: string[];
  /** calls per slot, per date (NaN = no record) */
  calls: Float64Array[];
  /** call-weighted mean AHT per slot, per date, seconds (NaN where the file has none); null without an AHT column */
  aht: Float64Array[] | null;
  report: HistoryReport;
}

/** Which columns hold what; -1 where the file has none. */
export interface HistoryColumns {
  time: number;
  calls: number;
  aht: number;
  queue: number;
}

/** Guesses the columns from the header: date-time, calls, AHT, queue or channel. */
export function historyColumns(header: string[]): HistoryColumns {
  const find = (pattern: RegExp) => header.findIndex((h) => pattern.test(h.toLowerCase().replace(/"/g, '')));
  const time = find(/time|date|interval|start/);
  const calls = find(/call|volume|offered|arrivals|contacts/);
  return {
    time: time < 0 ? 0 : time,
    calls: calls < 0 ? 1 : calls,
    aht: find(/aht|handle/),
    queue: find(/queue|channel|skill|split/),
  };
}

export interface HistoryReport {
  rows: number;
  /** "line 12: …" for rows that could not be read */
  unparseable: string[];
  /** "line 40: 2003-03-03 07:05 again" */
  duplicates: string[];
  /** slots with no record inside days that have records (e.g. the hour a DST change skips) */
  gaps: string[];
  /** rows of other queues or channels, left out by choice */
  otherQueues: number;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::\d{2})?/;

/**
 * Reads "date-time, calls" rows (a header line first), summing records into
 * intervals of `intervalMinutes`. Unparseable rows and duplicates are reported,
 * not dropped silently; a repeated clock time (the hour DST repeats) is a
 * duplicate, a skipped one a gap.
 */
export function readHistory(
  text: string,
  intervalMinutes: number,
  options: { columns?: Partial<HistoryColumns>; queue?: string } = {},
): History {
  const rows = parseCsv(text);
  const columns = { ...historyColumns(rows[0] ?? []), ...options.columns };
  const report: HistoryReport = { rows: Math.max(0, rows.length - 1), unparseable: [], duplicates: [], gaps: [], otherQueues: 0 };
  const byDate = new Map<string, Map<number, number>>();
  const handled = new Map<string, Map<number, number>>(); // Σ calls × AHT per slot
  const seen = new Set<string>();
  let firstMinute = Number.POSITIVE_INFINITY;
  let lastMinute = Number.NEGATIVE_INFINITY;
  rows.slice(1).forEach((cells, k) => {
    const line = k + 2;
    if (options.queue !== undefined && columns.queue >= 0 && (cells[columns.queue] ?? '').trim() !== options.queue) {
      report.otherQueues++;
      return;
    }
    const time = DATE_TIME.exec((cells[columns.time] ?? '').trim().replace(/^"|"$/g, ''));
    // Read as the Plan's volumes are: "1,200" is twelve hundred, "10,5" ten and a half; at most a million an interval.
    const calls = readTypedNumber(cells[columns.calls] ?? '') ?? Number.NaN;
    if (!time || !(calls >= 0 && calls <= MAX_CALLS)) {
      report.unparseable.push(
        `line ${line}: expected a date-time and a number of calls from 0 to 1,000,000, got ${JSON.stringify(csvLine(cells))}`,
      );
      return;
    }
    const [, date, h, m] = time;
    if (!isRealDate(date) || Number(h) > 23 || Number(m) > 59) {
      report.unparseable.push(
        `line ${line}: no such date or time ${JSON.stringify(`${date} ${h}:${m}`)} (months 01–12, days of that month, hours 00–23, minutes 00–59)`,
      );
      return;
    }
    const aht = columns.aht >= 0 ? Number((cells[columns.aht] ?? '').trim()) : Number.NaN;
    if (columns.aht >= 0 && calls > 0 && !(aht > 0)) {
      report.unparseable.push(
        `line ${line}: AHT must be a number of seconds above 0, got ${JSON.stringify(cells[columns.aht] ?? '')}`,
      );
      return;
    }
    const key = `${date} ${h.padStart(2, '0')}:${m}${options.queue === undefined && columns.queue >= 0 ? ` ${cells[columns.queue]}` : ''}`;
    if (seen.has(key)) {
      report.duplicates.push(`line ${line}: ${key} again`);
      return;
    }
    seen.add(key);
    const minute = Number(h) * 60 + Number(m);
    const slot = Math.floor(minute / intervalMinutes) * intervalMinutes;
    firstMinute = Math.min(firstMinute, slot);
    lastMinute = Math.max(lastMinute, slot);
    const day = byDate.get(date) ?? new Map<number, number>();
    day.set(slot, (day.get(slot) ?? 0) + calls);
    byDate.set(date, day);
    if (columns.aht >= 0) {
      const work = handled.get(date) ?? new Map<number, number>();
      work.set(slot, (work.get(slot) ?? 0) + (calls > 0 ? calls * aht : 0));
      handled.set(date, work);
    }
  });
  const dates = [...byDate.keys()].sort();
  const slots = dates.length === 0 ? 0 : (lastMinute - firstMinute) / intervalMinutes + 1;
  const calls = dates.map((date) => {
    const day = byDate.get(date) as Map<number, number>;
    const values = new Float64Array(slots).fill(Number.NaN);
    for (const [slot, count] of day) values[(slot - firstMinute) / intervalMinutes] = count;
    return values;
  });
  // Gaps: missing slots between a day's first and last record.
  dates.forEach((date, d) => {
    const values = calls[d];
    const present = [...values.keys()].filter((i) => !Number.isNaN(values[i]));
    for (let i = present[0]; i <= present[present.length - 1]; i++) {
      if (Number.isNaN(values[i])) report.gaps.push(`${date} ${clockOf(firstMinute + i * intervalMinutes)}: no record`);
    }
  });
  const aht =
    columns.aht >= 0
      ? dates.map((date, d) => {
          const work = handled.get(date) ?? new Map<number, number>();
          return calls[d].map((c, i) => (c > 0 ? (work.get(firstMinute + i * intervalMinutes) ?? 0) / c : Number.NaN));
        })
      : null;
  return { intervalMinutes, firstMinute: Number.isFinite(firstMinute) ? firstMinute : 0, slots, dates, calls, aht, report };
}

/** Index of the first date at or after `day` (the history strictly before it is what a forecast may use). */
export function cutoff(h: History, day: string): number {
  let lo = 0;
  let hi = h.dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.dates[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True for a YYYY-MM-DD that names a day of the calendar (no 2026-13-45, no 2026-02-30). */
export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

export { addDays, weekday } from '../scenario/day';

/** Sum of a day's calls over the slots that have records; NaN if none do. */
export function dayTotal(values: Float64Array): number {
  let total = 0;
  let any = false;
  for (const v of values) {
    if (!Number.isNaN(v)) {
      total += v;
      any = true;
    }
  }
  return any ? total : Number.NaN;
}
