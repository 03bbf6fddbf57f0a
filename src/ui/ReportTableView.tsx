import type { ReportTable } from '../report/table';
import { briefCells } from '../report/terminal';

/** A report table on screen: the brief columns with their units in the cells and each column's definition on its header. */
export function ReportTableView({ table, caption, className }: { table: ReportTable; caption: string; className?: string }) {
  const { header, rows } = briefCells(table);
  const definitions = table.columns.filter((c) => c.brief).map((c) => c.definition ?? '');
  return (
    <div class="table-scroll">
      <table class={className}>
        <caption>{caption}</caption>
        <HeaderRow labels={header} titles={definitions} />
        <tbody>
          {rows.map((cells, r) => (
            // Rows have no identity of their own beyond their place (a shift may repeat with other breaks).
            <tr key={r}>
              {cells.map((cell, i) => (
                <td key={header[i]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A table's column headers, each with its definition as its title where given. */
export function HeaderRow({ labels, titles = [] }: { labels: string[]; titles?: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th scope="col" key={label} title={titles[i]}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
