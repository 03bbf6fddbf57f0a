import { parseCsv } from '../scenario';
import { addDays, isRealDate } from './history';

/**
 * The special-day calendar. Each date has a kind, because a closed festival
 * day and a working observance move calls in opposite directions:
 * - closed: the center (or the bank behind it) is shut, calls are few;
 * - reduced: short opening, an eve, an intermediate festival day;
 * - observance: a working day that is marked (a memorial day, a fast);
 * - after: the first open day after a closed one (also inferred, see dayKind);
 * - any other word: the user's own named event ("payday", "campaign").
 */
export const SPECIAL_KINDS = ['closed', 'reduced', 'observance', 'after'] as const;

/** A special day in the calendar: "Erev Pesach" reduced, "Memorial Day" closed, … */
export interface SpecialDay {
  date: string;
  name: string;
  /** one of SPECIAL_KINDS or a user event's own word */
  kind: string;
}

/** 'normal' or a special day's kind. */
export type DayKind = string;

export interface Calendar {
  days: Map<string, SpecialDay>;
  /** day-of-month flags (pay-cycle days): each group of days of the month is one calendar regressor */
  monthDays: number[][];
}

/** Calendar lookup by date, with optional day-of-month groups. */
export function calendarOf(days: SpecialDay[], monthDays: number[][] = []): Calendar {
  return { days: new Map(days.map((d) => [d.date, d])), monthDays };
}

/** The kind a calendar without a kind column means: an eve is reduced, any other named day closed. */
function impliedKind(name: string): string {
  return /^erev\b|\beve\b/i.test(name) ? 'reduced' : 'closed';
}

/**
 * Reads a calendar CSV "date,name[,kind]" (a header line first; hebcal's
 * "date,event" too). Rows with an impossible date or kind are reported by line.
 */
export function readCalendar(text: string): { days: SpecialDay[]; errors: string[] } {
  const days: SpecialDay[] = [];
  const errors: string[] = [];
  parseCsv(text).forEach((cells, k) => {
    const date = (cells[0] ?? '').trim().replace(/^"|"$/g, '');
    if (k === 0 && !/^\d/.test(date)) return; // the header
    if (cells.every((c) => c.trim() === '')) return;
    const name = (cells[1] ?? '').trim().replace(/^"|"$/g, '');
    const kind = (cells[2] ?? '').trim().toLowerCase() || impliedKind(name);
    if (!isRealDate(date)) errors.push(`line ${k + 1}: expected a real date YYYY-MM-DD, got ${JSON.stringify(date)}`);
    else if (!/^[a-z][a-z0-9 _-]{0,39}$/.test(kind))
      errors.push(
        `line ${k + 1}: kind must be ${SPECIAL_KINDS.join(', ')} or an event's own word (letters first), got ${JSON.stringify(kind)}`,
      );
    else days.push({ date, name: name || kind, kind });
  });
  return { days, errors };
}

/**
 * Reads day-of-month groups "1-5,10" (each comma-separated group one flag,
 * days 1 to 31); throws a message naming the bad part.
 */
export function readMonthDays(text: string): number[][] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const m = /^\s*(\d{1,2})\s*(?:-\s*(\d{1,2})\s*)?$/.exec(part);
    const [from, to] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [0, 0];
    if (!m || from < 1 || to > 31 || to < from)
      throw new RangeError(`day-of-month flags: each group must be a day 1–31 or a range like 1-5, got ${JSON.stringify(part)}`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/**
 * What a date is: its kind in the calendar, 'after' when the day before is
 * closed (and the date itself is not listed), otherwise normal.
 */
export function dayKind(date: string, calendar: Calendar): DayKind {
  const listed = calendar.days.get(date);
  if (listed) return listed.kind;
  return calendar.days.get(addDays(date, -1))?.kind === 'closed' ? 'after' : 'normal';
}

/** The flags of a date's day-of-month groups (1 where the day falls in the group). */
export function monthDayFlags(date: string, calendar: Calendar): number[] {
  const dom = Number(date.slice(8, 10));
  return calendar.monthDays.map((group) => (group.includes(dom) ? 1 : 0));
}
