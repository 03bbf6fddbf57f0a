import { readTypedNumber } from '../format/typed';
import { clockOf, minutesOf } from './day';
import { type EditResult, type Json, withDay } from './edit';

/**
 * Interval volumes from a CSV file (an export of a WFM suite or a spreadsheet):
 * parsing, the column mapping, and turning the rows into a scenario's demand.
 */

/**
 * The ' a CSV export puts before each formula start in a text (report/csv.ts: at the start and after a
 * separator, quote or line end inside it), so that a file this app wrote reads back as it was.
 */
const FORMULA_GUARD = /(?<=^|[,;\t\r\n"])'(?= *[=+\-@\t\r])/g;

/**
 * Cells of a CSV text (RFC 4180 quoting; comma, semicolon or tab, whichever the first line uses most),
 * each without the guard an export puts before a formula start ('=Ann reads =Ann).
 */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce(
    (best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best),
    ',',
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r.map((c) => c.replace(FORMULA_GUARD, '')));
}

/** Which column holds what; -1 where the file has no such column. */
export interface VolumeMapping {
  /** interval start: HH:MM, or a date-time whose time part is used */
  time: number;
  calls: number;
  ahtSeconds: number;
  agents: number;
}

export interface VolumeRow {
  start: string;
  calls: number;
  ahtSeconds?: number;
  agents?: number;
}

export type VolumeImport =
  | { ok: true; rows: VolumeRow[]; intervalMinutes: 15 | 30 | 60; open: string; close: string }
  | { ok: false; errors: string[] };

/** Guesses the mapping from header names (time/interval/start, calls/volume/offered, aht/handle, agents/staff). */
export function guessMapping(header: string[]): VolumeMapping {
  const find = (pattern: RegExp) => header.findIndex((h) => pattern.test(h.toLowerCase()));
  return {
    time: find(/time|interval|start|period|slot/),
    calls: find(/call|volume|offered|contacts|arrivals/),
    ahtSeconds: find(/aht|handle/),
    agents: find(/agent|staff|fte|heads/),
  };
}

const TIME = /(\d{1,2}):(\d{2})(?::\d{2})?\s*$/;

/**
 * Reads the mapped rows (the first row is the header) into interval volumes on
 * a 15-, 30- or 60-minute grid. Every bad row is reported with its line number
 * and value; nothing is silently dropped.
 */
export function readVolumes(rows: string[][], mapping: VolumeMapping): VolumeImport {
  const errors: string[] = [];
  if (mapping.time < 0) errors.push('time: choose the column with the interval start');
  if (mapping.calls < 0) errors.push('calls: choose the column with the calls per interval');
  if (errors.length > 0) return { ok: false, errors };
  const body = rows.slice(1);
  if (body.length === 0) return { ok: false, errors: ['the file has a header but no rows'] };
  const read: VolumeRow[] = [];
  body.forEach((cells, k) => {
    const line = k + 2;
    const timeText = (cells[mapping.time] ?? '').trim();
    const match = TIME.exec(timeText);
    const number = (column: number, name: string, min: number, max: number, whole = false) => {
      const value = readTypedNumber(cells[column] ?? '');
      if (value === null || value < min || value > max || (whole && !Number.isInteger(value))) {
        errors.push(
          `line ${line}: ${name} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}, got "${cells[column] ?? ''}"`,
        );
        return undefined;
      }
      return value;
    };
    if (!match || Number(match[1]) > 23) {
      errors.push(`line ${line}: time must be an interval start like 09:30, got "${timeText}"`);
      return;
    }
    const row: VolumeRow = {
      start: clockOf(Number(match[1]) * 60 + Number(match[2])),
      calls: number(mapping.calls, 'calls', 0, 1_000_000) ?? 0,
    };
    if (mapping.ahtSeconds >= 0) row.ahtSeconds = number(mapping.ahtSeconds, 'AHT', 1, 86_400);
    if (mapping.agents >= 0) row.agents = number(mapping.agents, 'agents', 0, 100_000, true);
    read.push(row);
  });
  if (errors.length > 0) return { ok: false, errors };
  const minutes = read.map((r) => minutesOf(r.start));
  const step = read.length > 1 ? minutes[1] - minutes[0] : 30;
  if (step !== 15 && step !== 30 && step !== 60) {
    return {
      ok: false,
      errors: [`line 3: intervals must be 15, 30 or 60 minutes apart, got ${step} minutes after ${read[0].start}`],
    };
  }
  for (let i = 1; i < minutes.length; i++) {
    const gap = minutes[i] - minutes[i - 1];
    if (gap === step) continue;
    const line = i + 2;
    if (gap === 0) errors.push(`line ${line}: ${read[i].start} again (a duplicate of line ${line - 1})`);
    else if (gap > 0 && gap % step === 0) {
      errors.push(
        `line ${line}: ${gap / step - 1} interval(s) missing before ${read[i].start} (expected ${clockOf(minutes[i - 1] + step)})`,
      );
    } else errors.push(`line ${line}: ${read[i].start} is off the ${step}-minute grid after ${read[i - 1].start}`);
  }
  if (minutes[minutes.length - 1] + step > 24 * 60) errors.push('the intervals run past midnight: import one day');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rows: read, intervalMinutes: step, open: read[0].start, close: clockOf(minutes[minutes.length - 1] + step) };
}

/** The scenario with the imported day: its grid, calls per interval, and AHT and agents where the file has them (withDay's rule for the rest). */
export function applyVolumes(raw: Json, v: Extract<VolumeImport, { ok: true }>): EditResult {
  const all = <T>(xs: (T | undefined)[]) => (xs.every((x) => x !== undefined) ? (xs as T[]) : undefined);
  return withDay(raw, {
    open: v.open,
    close: v.close,
    intervalMinutes: v.intervalMinutes,
    calls: v.rows.map((r) => r.calls),
    ahtSeconds: all(v.rows.map((r) => r.ahtSeconds)),
    agents: all(v.rows.map((r) => r.agents)),
  });
}
