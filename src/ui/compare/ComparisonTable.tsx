import {
  type ComparedScenario,
  type ComparisonRow,
  cheapestMeetingTargets,
  comparisonSheet,
  formatComparisonDelta,
  formatComparisonValue,
} from '../../report/compare';
import { toCsv } from '../../report/csv';
import { SCENARIO_COLORS } from '../compareChart';
import { download } from '../download';

function exportCsv(compared: ComparedScenario[], rows: ComparisonRow[]): void {
  const sheet = comparisonSheet(compared, rows);
  download('comparison.csv', toCsv(sheet.header, sheet.rows), 'text/csv');
}

/** Day figures side by side, each scenario's difference from the first marked better or worse. */
export function ComparisonTable({ compared, rows }: { compared: ComparedScenario[]; rows: ComparisonRow[] }) {
  if (compared.length < 2) return <section class="panel" id="comparison" />;
  const cheapest = cheapestMeetingTargets(compared);
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
                {i === cheapest && <strong class="cheapest"> ★ cheapest meeting every target</strong>}
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
                  {formatComparisonValue(r.unit, v, compared[i].scenario.cost?.currency)}
                  {r.deltas[i] !== null && (
                    <span class={`delta ${quality(r, r.deltas[i])}`}>{` ${formatComparisonDelta(r.unit, r.deltas[i])}`}</span>
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
