import type { Analysis } from '../../forecast/workerApi';
import { backtestReport } from '../../report/backtest';
import { briefCells } from '../../report/terminal';

/** Every method's backtest (the report's rows), the suggestion marked, and what each figure means. */
export function BacktestTable({ analysis }: { analysis: Analysis }) {
  const { table, suggested } = backtestReport(analysis);
  const { header, rows } = briefCells(table);
  const defined = table.columns.filter((c) => c.brief && c.definition);
  return (
    <section class="panel" id="backtest-panel">
      <h2>Backtest: every day after the first five weeks, forecast from the days before it</h2>
      {/* Scrolls sideways on a narrow screen; focusable so the keyboard can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard */}
      <section class="table-scroll" tabIndex={0} aria-label="Backtest table">
        <table class="metrics" id="backtest">
          <thead>
            <tr>
              {header.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([method, ...cells], r) => (
              <tr key={method}>
                <th scope="row">{`${method}${r === suggested ? ' — suggested' : ''}`}</th>
                {cells.map((cell, c) => (
                  <td key={header[c + 1]}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <dl class="note definitions">
        {defined.map((c) => (
          <div key={c.key}>
            <dt>{c.label}</dt>
            <dd>{c.definition}</dd>
          </div>
        ))}
      </dl>
      <p class="note">The suggestion is the lowest WAPE; choose another method on the left if you prefer.</p>
    </section>
  );
}
