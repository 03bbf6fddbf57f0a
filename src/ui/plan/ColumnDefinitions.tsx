import type { ReportTable } from '../../report/table';

/** What each column of a report table means, from the report's own definitions. */
export function ColumnDefinitions({ id, table }: { id: string; table: ReportTable }) {
  return (
    <details class="note column-definitions" id={id}>
      <summary>What the columns mean</summary>
      <dl>{table.columns.map((c) => [<dt key={`${c.key}-label`}>{c.label}</dt>, <dd key={c.key}>{c.definition}</dd>])}</dl>
    </details>
  );
}
