import { useMemo } from 'preact/hooks';
import type { Analysis, DayView } from '../../forecast/workerApi';
import { type Chart, ChartFigures } from '../ChartFigures';
import type { Session } from '../state/session';
import { BacktestTable } from './BacktestTable';
import { CalendarFields } from './CalendarFields';
import { DayFields } from './DayFields';
import { drawForecast } from './forecastChart';
import type { ForecastState } from './forecastState';
import { HistoryFields } from './HistoryFields';
import { drawHistory } from './historyChart';
import { PatienceFromRecords } from './PatienceFromRecords';
import { RunStatus } from './RunStatus';

const CHARTS: Chart<{ a: Analysis; v: DayView }>[] = [
  ['history-chart', (el, { a, v }) => drawHistory(el, a, v)],
  ['forecast-chart', (el, { a, v }) => drawForecast(el, v, a)],
];

/**
 * The Forecast page: a history of interval volumes and a calendar in, every
 * method backtested in a web worker, the chosen one's forecast with its band
 * out, and into a new scenario with one click. d3 draws the charts.
 */
export function ForecastPage({ state, session, storage }: { state: ForecastState; session: Session; storage: Storage }) {
  const a = state.analysis.value;
  const v = state.view.value;
  const drawn = useMemo(() => (a && v ? { a, v } : null), [a, v]);
  return (
    <div class="layout">
      <section class="panel form" aria-label="History">
        <h1>Forecast a day</h1>
        <p class="lede">
          From a history of calls per interval: each method backtested on it, the best suggested, its forecast with an 80 % band.
        </p>
        <HistoryFields state={state} />
        <CalendarFields state={state} />
        <DayFields state={state} session={session} />
        <RunStatus state={state} />
        <PatienceFromRecords session={session} storage={storage} />
      </section>
      <div class="outputs">
        {a && <BacktestTable analysis={a} />}
        <ChartFigures charts={CHARTS} data={drawn} />
      </div>
    </div>
  );
}
