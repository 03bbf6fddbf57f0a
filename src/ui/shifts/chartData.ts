import type { Selection } from 'd3-selection';
import type { ReportTable } from '../../report/table';
import { briefCells } from '../../report/terminal';
import { appendDataTable } from '../chartTable';

/** A chart's data table: the report's rows, as the screen and the terminal show them. */
export function appendReportTable(root: Selection<HTMLElement, unknown, null, undefined>, caption: string, table: ReportTable) {
  const { header, rows } = briefCells(table);
  appendDataTable(root, caption, header, rows);
}
