import { strToU8, zipSync } from 'fflate';
import { portableText } from './text';

/**
 * A minimal XLSX (Office Open XML) workbook: sheets of numbers and text.
 * Text is stored as inline strings and no cell carries a formula, so nothing
 * in an export can run in Excel, whatever it starts with.
 */
export interface Sheet {
  name: string;
  rows: (string | number | null)[][];
}

/**
 * Text as XML character data: markup escaped, characters XML forbids replaced
 * (portableText), and carriage returns written as &#13; since an XML reader
 * turns a literal one into a line feed.
 */
const escapeXml = (text: string) =>
  portableText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');

/** The longest text a cell holds in Excel (it repairs, i.e. cuts, a workbook with a longer one). */
const MAX_CELL_TEXT = 32_767;

/** The first `max` UTF-16 units of a text, never half of a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetXml(rows: Sheet['rows']): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          // An empty text is an empty cell, as in CSV.
          if (v === null || v === '' || (typeof v === 'number' && !Number.isFinite(v))) return '';
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(truncate(v, MAX_CELL_TEXT))}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${rows.length > 1 ? FROZEN_HEADER : ''}${columnWidths(rows)}<sheetData>${body}</sheetData></worksheet>`;
}

/** The header row stays in view while the rows scroll. */
const FROZEN_HEADER =
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';

/** Rows whose texts size the columns: enough to see the widths, few enough for a large export. */
const WIDTH_ROWS = 1_000;

/** Each column as wide as its longest text among the first rows (in characters, 8 to 60), so nothing opens cut off. */
function columnWidths(rows: Sheet['rows']): string {
  const widths: number[] = [];
  for (const row of rows.slice(0, WIDTH_ROWS))
    row.forEach((v, c) => {
      const length = v === null ? 0 : typeof v === 'number' ? String(v).length : Math.min(v.length, 60);
      widths[c] = Math.max(widths[c] ?? 8, Math.min(60, length + 2));
    });
  if (widths.length === 0) return '';
  return `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
}

/**
 * Sheet names as Excel requires them, or it refuses the workbook: 1 to 31
 * characters, none of []:*?/\ or a control character (made spaces), no apostrophe at either
 * end, not "History" (reserved), and no two alike regardless of case.
 */
export function sheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  // Spaces and apostrophes are taken off both ends, also after a cut.
  const ends = (text: string) => text.replace(/^[' ]+|[' ]+$/g, '');
  return names.map((name) => {
    const clean = ends(portableText(name).replace(/[[\]:*?/\\\s\ufffd]/g, ' '));
    const base = clean === '' || clean.toLowerCase() === 'history' ? 'Sheet' : clean;
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const candidate = ends(truncate(base, 31 - suffix.length)) + suffix;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  });
}

export function xlsx(sheets: Sheet[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('')}</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetNames(
      sheets.map((s) => s.name),
    )
      .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows));
  });
  return zipSync(files);
}
