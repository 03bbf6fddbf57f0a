import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { toCsv } from '../../src/report/csv';
import { reportSheet } from '../../src/report/files';
import { planReport } from '../../src/report/plan';
import { simulationReport } from '../../src/report/simulation';
import { portableText } from '../../src/report/text';
import { xlsx } from '../../src/report/xlsx';
import { formatScenarioError, parseScenario } from '../../src/scenario';
import { simulateDay } from '../../src/sim';

/** LibreOffice, where it is installed (CI does not install it: these tests then do not run). */
const soffice = (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, 'soffice')));

/**
 * Converts a file with LibreOffice headless to CSV (comma, UTF-8, every sheet
 * to its own file), reading a CSV input with the given import options.
 * Returns each output file's rows.
 */
function convert(file: string, infilter?: string): Record<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'wfm-lo-'));
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const written = [...r.stdout.matchAll(/-> (.+?\.csv)/g)].map((m) => m[1]);
  if (r.status !== 0 || written.length === 0) throw new Error(`soffice failed: ${r.stdout} ${r.stderr}`);
  return Object.fromEntries(
    written.map((path) => [path.slice(dir.length + 1), parse(readFileSync(path, 'utf8'), { relax_column_count: true })]),
  );
}

/** A text as LibreOffice shows it: line ends as line feeds. */
const shown = (text: string) => portableText(text).replace(/\r\n|\r/g, '\n');

const scenario = (name: string) => {
  const parsed = parseScenario({
    schema: 1,
    name,
    day: { date: '2026-12-24', open: '08:00', close: '10:00' },
    demand: { calls: [100, 200, 150, 80] },
    ahtSeconds: 180,
    staffing: { agents: 20 },
    simulation: { replications: 3 },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
};

describe.runIf(soffice)('LibreOffice reads every export as written', { timeout: 120_000 }, () => {
  it('opens the plan and simulation workbook, beside a text holding U+FFFE, and keeps every row and figure', () => {
    const s = scenario('Peak day');
    const plan = planDay(s);
    const p = planReport(plan);
    const r = simulationReport(simulateDay(s), plan);
    const sheets = [
      reportSheet('Plan', p.intervals, p.day),
      reportSheet('Simulation', r.intervals, r.day),
      { name: 'Names', rows: [['scenario'], ['Peak \ufffe day =1000+337 \ud800 \u0001 end']] },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'wfm-book-'));
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, xlsx(sheets));
    const read = convert(file);
    for (const { name, rows: written } of sheets) {
      const rows = read[`book-${name}.csv`];
      expect(rows).toHaveLength(written.length);
      for (const [i, row] of written.entries())
        for (const [c, v] of row.entries()) {
          const cell = rows[i][c] ?? '';
          if (typeof v === 'number' && Number.isFinite(v)) expect(Number(cell)).toBeCloseTo(v, 12);
          else expect(cell).toBe(typeof v === 'string' ? shown(v) : '');
        }
    }
  });

  const payloads = ['=1000+337', '+1000+337', '-1000+2337', '@SUM(1000;337)', ' =1000+337', '\t=1000+337', '\r=1000+337'];
  const names = [...payloads, ...payloads.flatMap((p) => [`a;${p};b`, `a,${p},b`, `a\t${p}\tb`, `a\n${p}`, `a"${p}"`])];

  for (const [separator, code] of [
    [',', 44],
    [';', 59],
    ['tab', 9],
  ] as const)
    it(`evaluates no formula in a CSV read with ${separator} as the separator (formula evaluation on)`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'wfm-csv-'));
      const file = join(dir, 'names.csv');
      writeFileSync(
        file,
        toCsv(
          ['scenario', 'calls', 'short'],
          names.map((name, i) => [name, i, -i]),
        ),
      );
      // Tokens: separator, quote ", UTF-8, from line 1, no column formats, language, quoted as text off,
      // detect special numbers on, -, -, trim spaces on, -, evaluate formulas on.
      const [rows] = Object.values(convert(file, `CSV:${code},34,76,1,,1033,false,true,false,false,true,-1,true`));
      expect(rows.flat().filter((cell) => cell.includes('1337'))).toEqual([]);
      if (separator === ',') expect(rows.slice(1).map((row) => row[0].replaceAll("'", ''))).toEqual(names.map(shown));
    });
});
