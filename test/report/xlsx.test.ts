import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, xlsx } from '../../src/report/xlsx';

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
        { name: 'Results', rows: [['a & b <c>', 1.5]] },
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
    expect(strFromU8(book['xl/worksheets/sheet2.xml'])).toContain('a &amp; b &lt;c&gt;');
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
