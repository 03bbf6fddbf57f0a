import { formatSeconds, formatShare } from '../../format/number';
import type { ComparedScenario, ComparisonRow } from '../../report/compare';
import { toCsv } from '../../report/csv';
import { SCENARIO_COLORS } from '../compareChart';
import { download } from '../download';

function formatValue(unit: ComparisonRow['unit'], v: number | null): string {
  if (v === null) return '—';
  if (unit === 'share') return formatShare(v, 1);
  if (unit === 'seconds') return formatSeconds(v, 1);
  return `${Math.round(v).toLocaleString('en-US')}${unit === 'hours' ? ' h' : ''}`;
}

function formatDelta(row: ComparisonRow, d: number): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const size = Math.abs(d);
  const text =
    row.unit === 'share'
      ? `${(size * 100).toFixed(1)} pts`
      : row.unit === 'seconds'
        ? `${size.toFixed(1)} s`
        : `${Math.round(size).toLocaleString('en-US')}${row.unit === 'hours' ? ' h' : ''}`;
  return `${sign}${text}`;
}

function exportCsv(compared: ComparedScenario[], rows: ComparisonRow[]): void {
  const header = ['figure', ...compared.flatMap((s, i) => (i === 0 ? [s.name] : [s.name, `${s.name} − ${compared[0].name}`]))];
  const body = rows.map((r) => [r.label, ...r.values.flatMap((v, i) => (i === 0 ? [v] : [v, r.deltas[i]]))]);
  download('comparison.csv', toCsv(header, body), 'text/csv');
}

/** Day figures side by side, each scenario's difference from the first marked better or worse. */
export function ComparisonTable({ compared, rows }: { compared: ComparedScenario[]; rows: ComparisonRow[] }) {
  if (compared.length < 2) return <section class="panel" id="comparison" />;
  const quality = (r: ComparisonRow, d: number | null) =>
    d === null || d === 0 || r.higherIsBetter === null ? '' : d > 0 === r.higherIsBetter ? 'better' : 'worse';
  return (
    <section class="panel" id="comparison">
      <div class="actions">
        <button type="button" id="export-comparison-csv" onClick={() => exportCsv(compared, rows)}>
          Download the comparison (CSV)
        </button>
      </div>
      <table class="metrics comparison">
        <caption>{`Differences are from ${compared[0].name}`}</caption>
        <thead>
          <tr>
            <th scope="col">Figure (for the day)</th>
            {compared.map((s, i) => (
              <th scope="col" key={s.name}>
                <span class="swatch" style={`background:${SCENARIO_COLORS[i]}`} />
                {s.name}
                <small>{s.simulation ? ` simulated, ${s.simulation.replications} runs` : ' analytic plan'}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, i) => (
                <td key={compared[i].name}>
                  {formatValue(r.unit, v)}
                  {r.deltas[i] !== null && (
                    <span class={`delta ${quality(r, r.deltas[i])}`}>{` ${formatDelta(r, r.deltas[i] as number)}`}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
