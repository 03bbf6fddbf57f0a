import fc from 'fast-check';

/**
 * Text built from what attacks a spreadsheet or a calendar: formula starts,
 * every list separator, quotes, backslashes, line ends (CRLF, LF, bare CR),
 * spaces, accents, Chinese, emoji, and characters XML forbids.
 */
export const hostileText = fc
  .array(
    fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      '\r\n',
      ',',
      ';',
      ':',
      '"',
      "'",
      '\\',
      ' ',
      '1+1',
      'SUM(A1)',
      'é',
      'Noël',
      '中文',
      '😀',
      '\ufffe',
      '\uffff',
      '\ud800',
      '\udc00',
      '\u0000',
      '\u0007',
      '\u007f',
      'a',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
