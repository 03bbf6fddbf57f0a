import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfssaToHistory } from '../../src/forecast';
import { planDay } from '../../src/plan';
import { csvCell, toCsv } from '../../src/report/csv';
import { reportCsv } from '../../src/report/files';
import { planReport } from '../../src/report/plan';
import { simulationReport } from '../../src/report/simulation';
import { portableText } from '../../src/report/text';
import { formatScenarioError, parseCsv, parseScenario } from '../../src/scenario';
import { simulateDay } from '../../src/sim';
import { hostileText } from './hostile';

/**
 * What a spreadsheet may run as a formula: a cell starting with = + - @, after
 * any white space (tab, CR and line feed included, since some readers trim them).
 */
const FORMULA = /^\s*[=+\-@]/;

/** The file as an independent reader sees it with a given list separator, honouring quotes or splitting on every separator. */
const read = (csv: string, delimiter: string, honoursQuotes: boolean): string[][] =>
  parse(csv, {
    delimiter,
    quote: honoursQuotes ? '"' : false,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    record_delimiter: honoursQuotes ? ['\r\n'] : ['\r\n', '\n', '\r'],
  });

/** As `read`, where a quote-aware reader with another separator may find a quote that never closes: it refuses the file, so no cell. */
function readAny(csv: string, delimiter: string, honoursQuotes: boolean): string[][] {
  try {
    return read(csv, delimiter, honoursQuotes);
  } catch (e) {
    if (delimiter !== ',' && (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return [];
    throw e;
  }
}

const SEPARATORS = [',', ';', '\t'];

const value = fc.oneof(hostileText, fc.double({ noNaN: false }), fc.integer({ min: -1e6, max: 1e6 }), fc.constant(null));

describe('CSV export', () => {
  it('writes numbers as plain numbers and neutralises every formula start in a text', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(-0)).toBe('0');
    expect(csvCell(1e-7)).toBe('1e-7');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('say "=1"')).toBe(`"say ""'=1"""`);
    for (const risky of ['+1', '-2', '@SUM(A1)', '  =1']) expect(csvCell(risky)).toBe(`'${risky}`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a;=1+1;b')).toBe(`"a;'=1+1;b"`);
    expect(csvCell('a\t@x,-y\n+z')).toBe(`"a\t'@x,'-y\n'+z"`);
    expect(csvCell('Christmas Eve, retail')).toBe('"Christmas Eve, retail"');
    expect(csvCell('Noël 圣诞 – 10:00–10:15 (paid)')).toBe('Noël 圣诞 – 10:00–10:15 (paid)');
    expect(csvCell('bad \ufffe \u0007 \ud800 end')).toBe('bad \ufffd \ufffd \ufffd end');
  });

  it('starts the file with a UTF-8 byte-order mark and ends every row with CRLF', () => {
    const csv = toCsv(['a', 'b'], [[1, 'x']]);
    expect(csv).toBe('\ufeffa,b\r\n1,x\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('round-trips every value through an independent parser, and no reader, whatever its separator, sees a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const header = rows[0].map((_, i) => `c${i}`);
        const csv = toCsv(header, rows);
        const [, ...parsed] = read(csv, ',', true);
        expect(parsed).toHaveLength(rows.length);
        for (const [r, row] of rows.entries())
          for (const [c, v] of row.entries()) {
            const cell = parsed[r][c];
            if (typeof v === 'number') expect(cell).toBe(Number.isFinite(v) ? String(v) : '');
            else if (v === null) expect(cell).toBe('');
            else {
              expect(cell).not.toMatch(FORMULA);
              // The only change to a text: the ' that neutralises a formula start.
              expect(cell.replaceAll("'", '')).toBe(portableText(v).replaceAll("'", ''));
            }
          }
        // A negative number is a number for a comma reader, and "-5,…" (never a formula) when it opens a row for another.
        for (const separator of SEPARATORS)
          for (const honoursQuotes of [true, false])
            for (const cell of readAny(csv, separator, honoursQuotes).flat())
              if (!/^-\d/.test(cell))
                expect(
                  cell,
                  `${JSON.stringify(separator)} ${honoursQuotes ? 'quote-aware' : 'naive'}: ${JSON.stringify(csv)}`,
                ).not.toMatch(FORMULA);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('writes the plan and the simulation, one row per interval (and the day)', () => {
    const parsed = parseScenario({
      schema: 1,
      name: 'a;=1+1;b',
      day: { date: '2026-12-24', open: '08:00', close: '09:00' },
      demand: { calls: [100, 200] },
      ahtSeconds: 180,
      staffing: { agents: 20 },
      simulation: { replications: 3 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
    const planned = planDay(parsed.scenario);
    const p = planReport(planned);
    const plan = read(reportCsv(p.intervals, p.day), ',', true);
    expect(plan).toHaveLength(4);
    expect(plan[0].slice(0, 5)).toEqual(['start', 'firstAttempts', 'redials', 'calls', 'blocked']);
    expect(plan[1].slice(0, 4)).toEqual(['08:00', '100', '0', '100']);
    expect(plan[3][0]).toBe('day');
    const r = simulationReport(simulateDay(parsed.scenario), planned);
    const sim = read(reportCsv(r.intervals, r.day), ',', true);
    expect(sim).toHaveLength(4);
    expect(sim[0]).toContain('answerRate_ci95');
    expect(sim[3][0]).toBe('day');
    for (const row of sim.slice(1))
      for (const cell of row.slice(1)) expect(cell === '' || Number.isFinite(Number(cell))).toBe(true);
  });

  it('reads back as written by the app’s own CSV reader: the guard before a formula start is taken off again', () => {
    fc.assert(
      fc.property(hostileText, fc.string(), (text, other) => {
        // A text with its own ' before a formula start is the one thing a guarded file cannot tell apart.
        fc.pre(!/'(?= *[=+\-@\t\r])/.test(text) && text.trim() !== '');
        const rows = parseCsv(toCsv(['name', 'other'], [[text, other]]).replace(/^\uFEFF/, ''));
        expect(rows[1][0]).toBe(portableText(text));
      }),
      { numRuns: 2_000 },
    );
    expect(parseCsv("name\r\n'=Ann\r\n'-\r\n\"a;'=1+1\"\r\n")).toEqual([['name'], ['=Ann'], ['-'], ['a;=1+1']]);
  });

  it('converts a public data set to a history file in which no cell can run either', () => {
    const history = rfssaToHistory('calls,u,Date\n12,1,1999-01-01\n"=1000+337",2,1999-01-01\n"=HYPERLINK(""x"")",3,1999-01-01\n');
    expect(parse(history)).toEqual([
      ['time', 'calls'],
      ['1999-01-01 00:00', '12'],
      ['1999-01-01 00:06', "'=1000+337"],
      ['1999-01-01 00:12', '\'=HYPERLINK("x")'],
    ]);
  });
});
