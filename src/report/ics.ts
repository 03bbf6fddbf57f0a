import { portableText } from './text';

/**
 * iCalendar (RFC 5545) writing: escaped TEXT values, lines folded at 75
 * octets, CRLF line ends, local times in the center's zone with its
 * VTIMEZONE, stable UIDs.
 */

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
 * every line end (CRLF, LF or a bare CR) written as \n, so no text can end
 * the line and start a property of its own; characters the format forbids
 * replaced (portableText).
 */
export const icsText = (text: string): string =>
  portableText(text)
    .replace(/[\\;,]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Octets of a code point in UTF-8. */
const utf8Octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * A content line folded as RFC 5545 §3.1 asks: at most 75 octets of UTF-8 per
 * line, the continuation lines starting with a space (counted in their 75),
 * never splitting a character.
 */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most 3 octets of UTF-8 (a 4-octet character takes two units).
  if (line.length * 3 <= 75) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** An iCalendar file from its unfolded content lines. */
export const icsFile = (lines: string[]): string => `${lines.map(foldLine).join('\r\n')}\r\n`;

/**
 * A wall-clock reader for an IANA time zone ("Europe/Berlin", "UTC"); a name
 * the time zone database does not know is refused with the name.
 */
export function timeZoneClock(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`time zone: must be an IANA time zone such as Europe/Berlin or UTC, got ${JSON.stringify(timeZone)}`);
  }
}

/**
 * The time zone of the machine that exports (the browser's; TZ for Node), or
 * UTC where that names no zone the time zone database knows (an unknown TZ
 * gives undefined or Etc/Unknown), as the machine's own clock then keeps UTC.
 */
export function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return 'UTC';
  try {
    timeZoneClock(zone);
    return zone;
  } catch {
    return 'UTC';
  }
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
export function offsetMs(clock: Intl.DateTimeFormat, instant: number): number {
  const part = Object.fromEntries(clock.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const wall =
    new Date(0).setUTCFullYear(part.year, part.month - 1, part.day) + ((part.hour * 60 + part.minute) * 60 + part.second) * 1000;
  return wall - Math.floor(instant / 1000) * 1000;
}

const HALF_DAY_MS = 43_200_000;

/** The DATE-TIME digits (20261224T070000, no zone) that a UTC clock reads at `ms`. */
const dateTimeText = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}Z/g, '');

/**
 * A UTC DATE-TIME (e.g. 20261224T070000Z) for a wall-clock time on a date in
 * the clock's zone: `minutes` after the date's midnight, so 24:00 and later
 * fall on the next day. Around a daylight-saving change it does what
 * Temporal's "compatible" rule does: a time the change repeats is its earlier
 * occurrence, a time the change skips moves forward by the change.
 */
export function utcDateTime(clock: Intl.DateTimeFormat, date: string, minutes: number): string {
  return `${dateTimeText(localInstant(clock, date, minutes))}Z`;
}

/**
 * UTC DATE-TIMEs of an event from minute `from` to minute `to` after a date's
 * midnight in the clock's zone. Where both ends are times the clock reads
 * once, the event lasts what the clock says between them: a night over the
 * clocks going back is an hour longer. An end the clocks skip or repeat is
 * placed so the event keeps the length its clock times say: a 30-minute
 * break from 01:45 to 02:15 on the night the clocks go back at 02:00 starts
 * at the second 01:45, and one from 01:30 to 02:00 on the night they go
 * forward at 01:00 is the half hour before the change.
 */
export function utcSpan(clock: Intl.DateTimeFormat, date: string, from: number, to: number): [string, string] {
  return spanInstants(clock, date, from, to).map((ms) => `${dateTimeText(ms)}Z`) as [string, string];
}

/** The instants (ms since 1970) of an event as utcSpan reads them. */
export function spanInstants(clock: Intl.DateTimeFormat, date: string, from: number, to: number): [number, number] {
  const start = localInstant(clock, date, from);
  const end = localInstant(clock, date, to);
  const length = (to - from) * 60_000;
  if (end - start === length) return [start, end];
  const [y, m, d] = date.split('-').map(Number);
  const wall = (minutes: number) => new Date(0).setUTCFullYear(y, m - 1, d) + minutes * 60_000;
  const reads = (instant: number, minutes: number) => instant + offsetMs(clock, instant) === wall(minutes);
  // An end the clocks skip is placed from the other end; a repeated one at the occurrence that keeps the length.
  if (!reads(start, from) || reads(end - length, from)) return [end - length, end];
  if (!reads(end, to) || reads(start + length, to)) return [start, start + length];
  return [start, end];
}

/** The instant (ms since 1970) of a wall-clock time on a date in the clock's zone, as utcDateTime reads it. */
export function localInstant(clock: Intl.DateTimeFormat, date: string, minutes: number): number {
  const [y, m, d] = date.split('-').map(Number);
  const wall = new Date(0).setUTCFullYear(y, m - 1, d) + minutes * 60_000;
  // The instants that read `wall` with the offset in force half a day before and half a day after.
  const before = wall - offsetMs(clock, wall - HALF_DAY_MS);
  const after = wall - offsetMs(clock, wall + HALF_DAY_MS);
  const reads = (instant: number) => instant + offsetMs(clock, instant) === wall;
  return reads(before) || !reads(after) ? before : after;
}

/**
 * A UID that is the same on every export of the same event and differs
 * between events: the 64-bit FNV-1a hash of the parts that name it.
 */
export function stableUid(parts: string[]): string {
  let hash = 0xcbf29ce484222325n;
  const text = JSON.stringify(parts);
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${hash.toString(16).padStart(16, '0')}@wfm`;
}

/** One event of a person's calendar: its UID, and its times as UTC DATE-TIMEs (utcDateTime). */
export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  /** an event of an earlier export that is no more: STATUS:CANCELLED under its UID */
  cancelled?: boolean;
}

/** The instant of a UTC DATE-TIME (20261224T070000Z), in milliseconds. */
const instantOf = (utc: string): number =>
  Date.UTC(+utc.slice(0, 4), +utc.slice(4, 6) - 1, +utc.slice(6, 8), +utc.slice(9, 11), +utc.slice(11, 13), +utc.slice(13, 15));

/** A local DATE-TIME (no Z) of an instant on the zone's clock: 20261224T080000. */
const localDateTime = (clock: Intl.DateTimeFormat, instant: number): string => dateTimeText(instant + offsetMs(clock, instant));

/** A UTC offset as iCalendar writes it: +0100, -0430. */
function offsetText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

const HOUR_MS = 3_600_000;

/** SEQUENCE counts seconds from here (2026-01-01T00:00Z): an export's SEQUENCE passes any earlier export's until 2094. */
const SEQUENCE_EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * The zone's VTIMEZONE (RFC 5545 §3.6.5) for the instants from `from` to
 * `to`: the offset in force a day before, and each change of it on the way,
 * found hour by hour and then to the minute, so a calendar shows the
 * center's local times with the offsets they had.
 */
export function vtimezone(timeZone: string, clock: Intl.DateTimeFormat, from: number, to: number): string[] {
  const start = from - 24 * HOUR_MS;
  const changes: { at: number; before: number; after: number }[] = [];
  for (let t = start; t < to + 24 * HOUR_MS; t += HOUR_MS) {
    const before = offsetMs(clock, t);
    const after = offsetMs(clock, t + HOUR_MS);
    if (before === after) continue;
    let [lo, hi] = [t, t + HOUR_MS];
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMs(clock, mid) === before) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, before, after });
  }
  const first = offsetMs(clock, start);
  const observance = (kind: string, localStart: string, before: number, after: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${localStart}`,
    `TZOFFSETFROM:${offsetText(before)}`,
    `TZOFFSETTO:${offsetText(after)}`,
    `END:${kind}`,
  ];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance(changes.some((c) => c.after < first) ? 'DAYLIGHT' : 'STANDARD', localDateTime(clock, start), first, first),
    // A change starts at the local time its old offset reads.
    ...changes.flatMap((c) =>
      observance(c.after > c.before ? 'DAYLIGHT' : 'STANDARD', dateTimeText(c.at + c.before), c.before, c.after),
    ),
    'END:VTIMEZONE',
  ];
}

/**
 * One person's calendar: the events, named `name`, in the center's time zone:
 * its VTIMEZONE and every time as the local time there (TZID), UTC itself as
 * UTC; the zone also named for readers that show X-WR-TIMEZONE. Every
 * event carries the export's moment, `exportedAt` (ms since 1970), as its
 * DTSTAMP and its SEQUENCE (seconds since 2026, never below 0): an event a
 * later export moved, under the same UID, is then newer to every calendar
 * that holds it, which takes the new times rather than keeping the old.
 */
export function personCalendar(name: string, timeZone: string, events: CalendarEvent[], exportedAt: number): string {
  const clock = timeZoneClock(timeZone);
  const sequence = Math.max(0, Math.floor((exportedAt - SEQUENCE_EPOCH_MS) / 1000));
  const instants = events.flatMap((e) => [instantOf(e.start), instantOf(e.end)]);
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC' || instants.length === 0;
  // A local time the zone's clock reads twice (the hour repeated when the clocks go back) stays in UTC: RFC 5545
  // means its first occurrence, but not every reader takes it so.
  const repeated = (instant: number) =>
    [-HOUR_MS, -HOUR_MS / 2, HOUR_MS / 2, HOUR_MS].some(
      (d) => instant + d + offsetMs(clock, instant + d) === instant + offsetMs(clock, instant),
    );
  const time = (property: string, at: string) =>
    utc || repeated(instantOf(at)) ? `${property}:${at}` : `${property};TZID=${timeZone}:${localDateTime(clock, instantOf(at))}`;
  return icsFile([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//wfm peak-day planner//EN',
    `X-WR-CALNAME:${icsText(name)}`,
    `X-WR-TIMEZONE:${icsText(timeZone)}`,
    ...(utc ? [] : vtimezone(timeZone, clock, Math.min(...instants), Math.max(...instants))),
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${dateTimeText(exportedAt)}Z`,
      `SEQUENCE:${sequence}`,
      time('DTSTART', e.start),
      time('DTEND', e.end),
      `SUMMARY:${icsText(e.summary)}`,
      ...(e.cancelled ? ['STATUS:CANCELLED'] : []),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ]);
}
