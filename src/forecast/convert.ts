import { csvCell } from '../report/csv';
import { clockOf, parseCsv } from '../scenario';

/**
 * Converters from the public call-center data sets in shared/data to the
 * history import format: a header, then "YYYY-MM-DD HH:MM,calls" per row.
 */

/** The Rfssa 6-minute series of the Israeli bank (columns calls, u, Date, …; slot u covers minutes 6(u−1)…6u). */
export function rfssaToHistory(text: string): string {
  const rows = parseCsv(text);
  const header = rows[0].map((h) => h.replace(/"/g, ''));
  const [calls, slot, date] = ['calls', 'u', 'Date'].map((c) => header.indexOf(c));
  const out = ['time,calls'];
  // Cells pass through csvCell, so a hostile value in the source cannot become a formula in the history file.
  for (const r of rows.slice(1))
    out.push(`${csvCell(`${r[date].replace(/"/g, '')} ${clockOf((Number(r[slot]) - 1) * 6)}`)},${csvCell(r[calls])}`);
  return `${out.join('\n')}\n`;
}
