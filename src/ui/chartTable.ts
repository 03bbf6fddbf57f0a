import type { Selection } from 'd3-selection';

/**
 * The numbers behind a chart as a visually hidden table, for screen readers and
 * for copying: the first cell of each row is its header.
 */
export function appendDataTable(
  root: Selection<HTMLElement, unknown, null, undefined>,
  caption: string,
  header: string[],
  rows: string[][],
): void {
  const table = root.append('div').attr('class', 'visually-hidden').append('table');
  table.append('caption').text(caption);
  const head = table.append('thead').append('tr');
  for (const h of header) head.append('th').attr('scope', 'col').text(h);
  const body = table.append('tbody');
  for (const [first, ...cells] of rows) {
    const tr = body.append('tr');
    tr.append('th').attr('scope', 'row').text(first);
    for (const cell of cells) tr.append('td').text(cell);
  }
}
