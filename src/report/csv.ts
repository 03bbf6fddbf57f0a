import { portableText } from './text';

/**
 * A cell that starts, after optional spaces, with = + - @ tab or carriage return
 * is read as a formula (OWASP "CSV injection"). Such a start is looked for at
 * the start of the text and after every list separator in use around the world
 * (comma; semicolon in German or French Excel and LibreOffice; tab), line
 * end and quote inside it, since a reader with another separator, or one that
 * ignores quotes, starts a cell there.
 */
const FORMULA_START = /(?<=^|[,;\t\r\n"])(?= *[=+\-@\t\r])/g;

/** A separator, quote or line end inside a text: quoted, so that readers who honour quotes keep it in one cell. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One CSV cell that no spreadsheet runs, whatever list separator it reads
 * with: each formula start in a text gets a ' before it (so "=1+1" is written
 * '=1+1 and "a;=1+1" a;'=1+1), and a text holding a separator, a quote or a
 * line end is quoted. Numbers stay plain numbers (-5, not '-5); characters no
 * export may carry are replaced (see portableText).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = portableText(value).replace(FORMULA_START, "'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A CSV file: comma-separated, CRLF line ends, and a UTF-8 byte-order mark,
 * without which Excel reads accents and Chinese names as mojibake.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
