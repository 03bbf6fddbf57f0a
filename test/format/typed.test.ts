import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTypedNumber } from '../../src/format/typed';

describe('readTypedNumber', () => {
  it('reads decimal notation, a decimal comma and thousands grouped by commas', () => {
    expect(readTypedNumber('180')).toBe(180);
    expect(readTypedNumber(' 2.5 ')).toBe(2.5);
    expect(readTypedNumber('1,5')).toBe(1.5);
    expect(readTypedNumber('0,25')).toBe(0.25);
    expect(readTypedNumber('12,000')).toBe(12_000);
    expect(readTypedNumber('1,234,567.5')).toBe(1_234_567.5);
    expect(readTypedNumber('-5')).toBe(-5);
    expect(readTypedNumber('.5')).toBe(0.5);
    expect(readTypedNumber('2.')).toBe(2);
    expect(readTypedNumber('1e3')).toBe(1000);
    expect(readTypedNumber('1E-2')).toBe(0.01);
  });

  it('reads every partial or foreign text as no number, so the field keeps it', () => {
    for (const text of [
      '',
      ' ',
      '-',
      '+',
      '.',
      '1e',
      '1e+',
      'e5',
      '0x10',
      '0b1',
      'Infinity',
      '1e400',
      '1,2,3',
      '1.2.3',
      '12,00,0',
      '1 000',
      '<b>5</b>',
      'NaN',
    ])
      expect([text, readTypedNumber(text)]).toEqual([text, null]);
  });

  it('reads back every finite number as written by String()', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => readTypedNumber(String(x)) === x + 0));
  });
});
