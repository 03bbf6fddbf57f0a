import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { portableText } from '../../src/report/text';
import { columnName, type Sheet, sheetNames, xlsx } from '../../src/report/xlsx';
import { hostileText } from './hostile';

/** A workbook as an independent reader (ExcelJS, whose XML parser refuses any malformed part) sees it: each sheet's name and cell values. */
async function open(book: Uint8Array): Promise<{ name: string; rows: (string | number | null)[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(book) as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: (string | number | null)[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: (string | number | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.formula !== undefined) throw new Error(`formula in ${sheet.name}!${cell.address}`);
        const v = cell.value;
        cells[c - 1] = v === null || typeof v === 'string' || typeof v === 'number' ? v : `unexpected ${JSON.stringify(v)}`;
      });
      rows[r - 1] = Array.from(cells, (v) => v ?? null);
    });
    return { name: sheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

/** What a cell should read back as: numbers exactly, text with the characters XML forbids replaced, nothing for null, '' or a non-finite number. */
const expected = (v: string | number | null) =>
  typeof v === 'string' ? portableText(v) || null : v === null || !Number.isFinite(v) ? null : v;

/** Rows without their trailing empty cells, and without trailing empty rows, as a reader may report them. */
function trimmed(rows: Sheet['rows']): Sheet['rows'] {
  const out = rows.map((row) => {
    const cells = row.map(expected);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe('XLSX export', () => {
  it('writes a workbook Excel can open: parts, sheets, numbers as numbers, text as inline strings, no formulas', () => {
    const book = unzipSync(
      xlsx([
        {
          name: 'Plan: day/1',
          rows: [
            ['start', 'calls'],
            ['08:00', 120],
            ['=HYPERLINK("x")', null],
          ],
        },
        { name: 'Results', rows: [['a & b <c>\r\n', 1.5]] },
      ]),
    );
    expect(Object.keys(book).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    expect(strFromU8(book['xl/workbook.xml'])).toContain('<sheet name="Plan  day 1" sheetId="1" r:id="rId1"/>');
    const sheet1 = strFromU8(book['xl/worksheets/sheet1.xml']);
    expect(sheet1).toContain('<c r="B2"><v>120</v></c>');
    expect(sheet1).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;x&quot;)</t></is></c>');
    expect(sheet1).not.toContain('<f>');
    expect(strFromU8(book['xl/worksheets/sheet2.xml'])).toContain('a &amp; b &lt;c&gt;&#13;\n');
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('names sheets within Excel’s rules: unique regardless of case, 31 characters, none it forbids', () => {
    expect(
      sheetNames([
        'Plan',
        'plan',
        'PLAN',
        '',
        'History',
        "'quoted'",
        'a\tb\u0000c\ufffe',
        '中'.repeat(40),
        `${'x'.repeat(30)}😀`,
      ]),
    ).toEqual(['Plan', 'plan (2)', 'PLAN (3)', 'Sheet', 'Sheet (2)', 'quoted', 'a b c', '中'.repeat(31), 'x'.repeat(30)]);
  });

  it('keeps every cell when a text holds characters XML forbids (U+FFFE, lone surrogates, controls)', async () => {
    const rows = [
      ['scenario', 'calls'],
      ['Peak \ufffe\uffff \ud800 \u0001 day', 120],
      ['next', 130],
    ];
    const [sheet] = await open(xlsx([{ name: 'Plan \ufffe', rows }]));
    expect(sheet.rows).toEqual([
      ['scenario', 'calls'],
      ['Peak \ufffd\ufffd \ufffd \ufffd day', 120],
      ['next', 130],
    ]);
  });

  it('round-trips every value of any workbook through an independent reader', async () => {
    const cell = fc.oneof(hostileText, fc.double(), fc.integer(), fc.constant(null));
    const sheet = fc.record({ name: hostileText, rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const read = await open(xlsx(sheets));
        expect(read.map((s) => s.name)).toEqual(sheetNames(sheets.map((s) => s.name)));
        for (const [i, s] of sheets.entries()) expect(trimmed(read[i].rows)).toEqual(trimmed(s.rows));
      }),
      { seed: 12, numRuns: 100 },
    );
  });

  it('freezes the header row and sizes each column to its longest text (8 to 60 characters)', async () => {
    const book = xlsx([
      {
        name: 'Roster',
        rows: [
          ['agent', 'start', 'breaks'],
          ['Oliver Clarke', '2026-12-21 11:30', 'x'.repeat(200)],
          ['Al', 12345678901234, null],
        ],
      },
      { name: 'Empty', rows: [] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(book) as unknown as ExcelJS.Buffer);
    const [roster, empty] = workbook.worksheets;
    expect(roster.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect([1, 2, 3].map((c) => roster.getColumn(c).width)).toEqual([15, 18, 60]);
    expect(empty.views ?? []).toEqual([]);
    expect(strFromU8(unzipSync(book)['xl/worksheets/sheet2.xml'])).not.toContain('<cols>');
  });

  it('cuts a text longer than a cell holds (32,767 characters) without splitting a character', async () => {
    const long = `${'x'.repeat(32_766)}😀tail`;
    const [sheet] = await open(xlsx([{ name: 'Long', rows: [[long]] }]));
    expect(sheet.rows[0][0]).toBe('x'.repeat(32_766));
  });
});
