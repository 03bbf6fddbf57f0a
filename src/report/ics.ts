import { portableText } from './text';

/**
 * iCalendar (RFC 5545) writing: escaped TEXT values, lines folded at 75
 * octets, CRLF line ends, times in UTC, stable UIDs.
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

/**
 * A UTC DATE-TIME (e.g. 20261224T070000Z) for a wall-clock time on a date in
 * the clock's zone: `minutes` after the date's midnight, so 24:00 and later
 * fall on the next day. Around a daylight-saving change it does what
 * Temporal's "compatible" rule does: a time the change repeats is its earlier
 * occurrence, a time the change skips moves forward by the change.
 */
export function utcDateTime(clock: Intl.DateTimeFormat, date: string, minutes: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const wall = new Date(0).setUTCFullYear(y, m - 1, d) + minutes * 60_000;
  // The instants that read `wall` with the offset in force half a day before and half a day after.
  const before = wall - offsetMs(clock, wall - HALF_DAY_MS);
  const after = wall - offsetMs(clock, wall + HALF_DAY_MS);
  const reads = (instant: number) => instant + offsetMs(clock, instant) === wall;
  const instant = reads(before) || !reads(after) ? before : after;
  return new Date(instant).toISOString().replace(/[-:]|\.\d{3}/g, '');
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
  stamp: string;
  start: string;
  end: string;
  summary: string;
}

/** One person's calendar: the events, named `name`, with the center's time zone named for the reader. */
export function personCalendar(name: string, timeZone: string, events: CalendarEvent[]): string {
  return icsFile([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//wfm peak-day planner//EN',
    `X-WR-CALNAME:${icsText(name)}`,
    `X-WR-TIMEZONE:${icsText(timeZone)}`,
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${e.stamp}`,
      `DTSTART:${e.start}`,
      `DTEND:${e.end}`,
      `SUMMARY:${icsText(e.summary)}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ]);
}
