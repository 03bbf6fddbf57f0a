import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import {
  addDays,
  type Backtest,
  backtest,
  type Calendar,
  calendarOf,
  dayKind,
  dayTotal,
  estimatePatience,
  type Forecast,
  forecastDay,
  forecastScenario,
  type History,
  METHOD_FORMULAS,
  METHODS,
  type Method,
  predictionInterval,
  readCalendar,
  readHistory,
  readMonthDays,
  readQueuedCalls,
  type SpecialDay,
} from '../forecast';
import { clockOf, setField } from '../scenario';
import { chartFrame } from './chartFrame';
import { appendDataTable } from './chartTable';
import { element } from './dom';
import { namedAfterDay } from './state/namedAfterDay';
import type { Session } from './state/session';

const CREDIT_US =
  'Data: call volume of a North American bank, 2003 — J. Weinberg (Weinberg, Brown & Stroud 2007), via R. Hyndman’s fpp3 (GPL-3; data/us-bank-calls-2003).';
const CREDIT_ISRAEL = 'Data: Anonymous Bank call-center data (1999), Technion SEE Laboratory — I. Guedj and A. Mandelbaum.';

/** The bundled data sets (data/), each loaded only when its button is pressed. */
const EXAMPLES = {
  us: {
    label: 'Load the US bank 2003 example',
    history: () => import('../../data/us-bank-calls-2003/bank_calls_5min_2003.csv?raw'),
    calendar: () => import('../../data/us-bank-calls-2003/holidays_2003.csv?raw'),
    day: '2003-10-27',
    monthDays: '1-3',
    credit: CREDIT_US,
  },
  israel: {
    label: 'Load the Israeli bank 1999 example',
    history: () => import('../../data/anonymous-bank-1999/calls_30min_1999.csv?raw'),
    calendar: () => import('../../data/anonymous-bank-1999/holidays_1999.csv?raw'),
    day: '1999-12-30',
    monthDays: '1-10',
    credit: `${CREDIT_ISRAEL} 30-minute counts from the Rfssa package’s series (GPL-3; data/anonymous-bank-1999).`,
  },
};
export const PATIENCE_ESTIMATE_KEY = 'wfm.patienceEstimate';

/**
 * The forecast page: a history of interval volumes and a holiday calendar in,
 * every method backtested, the chosen one's forecast with its band out — and
 * into the current scenario's demand with one click.
 */
export async function mountForecast(root: HTMLElement, session: Session, storage: Storage): Promise<void> {
  const historyFile = element('input', { type: 'file', id: 'history-file', accept: '.csv,text/csv,text/plain' });
  const exampleButton = element('button', { type: 'button', id: 'history-example', textContent: EXAMPLES.us.label });
  const israelButton = element('button', { type: 'button', id: 'history-example-israel', textContent: EXAMPLES.israel.label });
  const interval = element('select', { id: 'history-interval' });
  for (const m of [15, 30, 60]) interval.append(element('option', { value: String(m), textContent: `${m} min` }));
  interval.value = '30';
  const holidays = element('textarea', { id: 'holidays', rows: 5, placeholder: '2003-05-26,Memorial Day,closed' });
  const monthDays = element('input', { type: 'text', id: 'month-days', placeholder: '1-10' });
  const holidaysFile = element('input', { type: 'file', id: 'holidays-file', accept: '.csv,text/csv,text/plain' });
  const day = element('input', { type: 'date', id: 'forecast-day' });
  const method = element('select', { id: 'forecast-method' });
  const report = element('ul', { className: 'file-errors', id: 'history-report' });
  const status = element('p', {
    className: 'note',
    id: 'forecast-status',
    textContent: 'Import a history of calls per interval (CSV: date-time, calls) to begin.',
  });
  status.setAttribute('role', 'status');
  const credit = element('p', { className: 'note credit', id: 'data-credit' });
  const useForecast = element('button', {
    type: 'button',
    id: 'use-forecast',
    className: 'primary',
    textContent: 'Use this forecast in the current scenario',
    disabled: true,
  });
  const results = element('section', { className: 'panel', id: 'backtest-panel' });
  const chart = element('figure', { className: 'panel chart', id: 'forecast-chart' });
  const historyChart = element('figure', { className: 'panel chart', id: 'history-chart' });
  const recordsFile = element('input', { type: 'file', id: 'records-file', accept: '.txt,.gz,.tsv' });
  const patienceBox = element('div', { id: 'patience-estimate' });
  const field = (id: string, label: string, control: HTMLElement) =>
    element('div', { className: 'field wide' }, [element('label', { htmlFor: id, textContent: label }), control]);
  root.replaceChildren(
    element('div', { className: 'layout' }, [
      element('section', { className: 'panel form', ariaLabel: 'History' }, [
        element('h1', { textContent: 'Forecast a day' }),
        element('p', {
          className: 'lede',
          textContent:
            'From a history of calls per interval: each method backtested on it, the best suggested, its forecast with an 80% band.',
        }),
        field('history-file', 'History (CSV: date-time, calls)', historyFile),
        element('div', { className: 'actions' }, [exampleButton, israelButton]),
        field('history-interval', 'Interval', interval),
        field(
          'holidays',
          'Special days (date,name,kind per line; kind: closed, reduced, observance, after, or your own event word)',
          holidays,
        ),
        field('holidays-file', 'Or load a calendar (CSV date,name,kind)', holidaysFile),
        field('month-days', 'Pay-cycle days of the month, each group one flag (e.g. 1-10 or 1,15)', monthDays),
        field('forecast-day', 'Day to forecast', day),
        field('forecast-method', 'Method', method),
        report,
        status,
        credit,
        element('div', { className: 'actions' }, [useForecast]),
        element('h2', { textContent: 'Caller patience from call records' }),
        field('records-file', 'Per-call records (tab-separated, .txt or .txt.gz)', recordsFile),
        patienceBox,
      ]),
      element('div', { className: 'outputs' }, [results, historyChart, chart]),
    ]),
  );

  let text: string | null = null;
  let history: History | null = null;
  let tested: Backtest | null = null;
  let current: { forecast: Forecast; method: Method } | null = null;

  const calendar = () => {
    const read = readCalendar(`date,name,kind\n${holidays.value}`);
    let groups: number[][] = [];
    try {
      groups = readMonthDays(monthDays.value);
    } catch (error) {
      read.errors.push((error as Error).message);
    }
    calendarErrors = read.errors;
    return calendarOf(read.days, groups);
  };
  let calendarErrors: string[] = [];

  /** Reads the history and backtests every method (a second or so for a year of data). */
  const analyse = () => {
    if (!text) return;
    status.textContent = 'Backtesting every method…';
    setTimeout(() => {
      history = readHistory(text ?? '', Number(interval.value));
      const r = history.report;
      const cal = calendar();
      report.replaceChildren(
        ...[
          ...r.unparseable.slice(0, 5),
          ...r.duplicates.slice(0, 5),
          ...r.gaps.slice(0, 5),
          ...calendarErrors.slice(0, 5).map((m) => `calendar ${m}`),
        ].map((m) => element('li', { textContent: m })),
      );
      if (history.dates.length === 0) {
        status.textContent = 'No rows could be read: each row needs a date-time (YYYY-MM-DD HH:MM) and a number of calls.';
        return;
      }
      tested = backtest(history, cal);
      method.replaceChildren(
        element('option', { value: '', textContent: `Suggested: ${tested.suggested}` }),
        ...METHODS.map((m) => element('option', { value: m, textContent: m })),
      );
      if (!day.value) day.value = addDays(history.dates[history.dates.length - 1], 3);
      status.textContent = `${history.dates.length} days, ${history.dates[0]} – ${history.dates[history.dates.length - 1]}; ${r.rows} rows, ${r.unparseable.length} unreadable, ${r.duplicates.length} duplicates, ${r.gaps.length} gaps (listed above; none dropped silently).`;
      renderBacktest();
      predict();
    }, 0);
  };

  const renderBacktest = () => {
    if (!tested) return;
    const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
    const best = tested.suggested;
    results.replaceChildren(
      element('h2', { textContent: 'Backtest: every day after the first five weeks, forecast from the days before it' }),
      element('table', { className: 'metrics', id: 'backtest' }, [
        element('thead', {}, [
          element(
            'tr',
            {},
            [
              'Method',
              'Days',
              'WAPE',
              'Normal days',
              'Special days',
              'MAPE (day totals)',
              '80 % interval covers: normal days',
              'special days',
            ].map((h) => element('th', { scope: 'col', textContent: h })),
          ),
        ]),
        element(
          'tbody',
          {},
          tested.scores.map((s) =>
            element('tr', {}, [
              element('th', { scope: 'row', textContent: `${s.method}${s.method === best ? ' — suggested' : ''}` }),
              ...[
                String(s.days),
                pct(s.wape),
                pct(s.wapeNormal),
                pct(s.wapeSpecial),
                pct(s.mapeDay),
                pct(s.coverage.normal),
                pct(s.coverage.special),
              ].map((v) => element('td', { textContent: v })),
            ]),
          ),
        ),
      ]),
      element('p', {
        className: 'note',
        textContent:
          'WAPE = Σ|actual − forecast| ÷ Σ actual over every interval. Coverage = share of intervals whose actual calls fell inside the 80 % interval, each sized from the days before it only (target 80 %). The suggestion is the lowest WAPE; choose another method on the left if you prefer.',
      }),
    );
  };

  const predict = () => {
    if (!history || !tested || !day.value) return;
    const chosen = (method.value || tested.suggested) as Method;
    const cal = calendar();
    const f = forecastDay(history, day.value, chosen, cal);
    if (!f) {
      status.textContent = `Not enough history before ${day.value} for ${chosen}.`;
      useForecast.disabled = true;
      return;
    }
    current = { forecast: f, method: chosen };
    useForecast.disabled = false;
    const score = tested.scores.find((s) => s.method === chosen) ?? tested.scores[0];
    const band = predictionInterval(
      f,
      score.track.filter((t) => t.date < day.value),
      dayKind(day.value, cal),
    );
    drawForecast(chart, history, f, band, day.value, chosen);
    drawHistory(historyChart, history, cal, day.value, f.total, band.totalLow, band.totalHigh);
  };

  historyFile.addEventListener('change', async () => {
    const file = historyFile.files?.[0];
    if (!file) return;
    text = await file.text();
    credit.textContent = '';
    analyse();
  });
  const loadExample = async (example: (typeof EXAMPLES)[keyof typeof EXAMPLES]) => {
    status.textContent = 'Loading the example…';
    const [history, days] = await Promise.all([example.history(), example.calendar()]);
    text = history.default;
    holidays.value = calendarLines(readCalendar(days.default).days);
    monthDays.value = example.monthDays;
    day.value = example.day;
    credit.textContent = example.credit;
    analyse();
  };
  exampleButton.addEventListener('click', () => loadExample(EXAMPLES.us));
  israelButton.addEventListener('click', () => loadExample(EXAMPLES.israel));
  holidaysFile.addEventListener('change', async () => {
    const file = holidaysFile.files?.[0];
    if (!file) return;
    holidays.value = calendarLines(readCalendar(await file.text()).days);
    analyse();
  });
  interval.addEventListener('change', analyse);
  holidays.addEventListener('change', analyse);
  monthDays.addEventListener('change', analyse);
  day.addEventListener('change', predict);
  method.addEventListener('change', predict);

  useForecast.addEventListener('click', async () => {
    if (!current || !history) return;
    const { raw } = await session.ready();
    const made = await session.create(namedAfterDay(forecastScenario(raw, current.forecast, history, day.value), day.value));
    if (made.ok) location.hash = '#plan';
    else session.notify(`The forecast was not put into a scenario: ${made.errors.slice(0, 3).join('; ')}`);
  });

  recordsFile.addEventListener('change', async () => {
    const file = recordsFile.files?.[0];
    if (!file) return;
    const raw = file.name.endsWith('.gz')
      ? await new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text()
      : await file.text();
    const { calls, skipped } = readQueuedCalls(raw);
    if (calls.length === 0) {
      patienceBox.replaceChildren(
        element('p', { className: 'error', textContent: `${file.name}: no queued calls found (${skipped.length} rows skipped)` }),
      );
      return;
    }
    const p = estimatePatience(calls);
    storage.setItem(PATIENCE_ESTIMATE_KEY, JSON.stringify({ meanSeconds: p.meanSeconds, source: file.name }));
    const use = element('button', {
      type: 'button',
      id: 'use-patience',
      textContent: `Use ${Math.round(p.meanSeconds)} s as the scenario's mean patience`,
    });
    use.addEventListener('click', async () => {
      const { raw } = await session.ready();
      if (session.commit(setField(raw, 'patience.meanSeconds', Math.round(p.meanSeconds))).ok) location.hash = '#plan';
    });
    patienceBox.replaceChildren(
      element('p', {
        textContent: `${p.queued.toLocaleString('en-US')} queued calls, ${p.abandoned.toLocaleString('en-US')} abandoned: exponential patience ${Math.round(p.meanSeconds)} s (total wait ÷ abandonments); Kaplan–Meier median ${p.medianSeconds ?? '—'} s.${skipped.length > 0 ? ` ${skipped.length} short rows skipped (${skipped[0]}).` : ''}`,
      }),
      element('p', {
        className: 'note',
        textContent: `Still waiting after: ${p.survival.map((s) => `${s.seconds} s ${(100 * s.survival).toFixed(0)} %`).join(', ')} (Kaplan–Meier).`,
      }),
      element('p', { className: 'note', textContent: /1999|99\d{4}/.test(raw.slice(0, 2000)) ? CREDIT_ISRAEL : '' }),
      use,
    );
  });
}

/** A calendar as the editable "date,name,kind" lines. */
function calendarLines(days: SpecialDay[]): string {
  return days.map((d) => `${d.date},${d.name},${d.kind}`).join('\n');
}

/** The day's forecast per interval with its 80% band, and the same weekday a week earlier for context. */
function drawForecast(
  figure: HTMLElement,
  h: History,
  f: Forecast,
  band: ReturnType<typeof predictionInterval>,
  day: string,
  method: Method,
): void {
  const width = 760;
  const height = 280;
  const margin = { top: 14, right: 16, bottom: 34, left: 52 };
  const title = `Forecast of ${day}: ${Math.round(f.total).toLocaleString('en-US')} calls (80 %: ${Math.round(band.totalLow).toLocaleString('en-US')}–${Math.round(band.totalHigh).toLocaleString('en-US')}) by ${method}`;
  const { root, svg } = chartFrame(figure, title, width, height, `forecast ${day}`);
  const lastWeek = h.dates.indexOf(addDays(day, -7));
  const previous = lastWeek >= 0 ? h.calls[lastWeek] : null;
  const n = f.calls.length;
  const x = scaleLinear()
    .domain([0, n - 1])
    .range([margin.left, width - margin.right]);
  const max = Math.max(1, ...band.high, ...(previous ? [...previous].filter((v) => !Number.isNaN(v)) : []));
  const y = scaleLinear()
    .domain([0, max * 1.05])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const every = Math.max(1, Math.round(n / 12));
  svg
    .append('g')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(
      axisBottom(x)
        .tickValues([...Array(n).keys()].filter((i) => i % every === 0))
        .tickFormat((i) => clockOf(h.firstMinute + Number(i) * h.intervalMinutes)),
    );
  svg.append('g').attr('transform', `translate(${margin.left},0)`).call(axisLeft(y).ticks(5));
  const idx = [...Array(n).keys()];
  svg
    .append('path')
    .attr('class', 'band')
    .attr(
      'd',
      area<number>()
        .x((i) => x(i))
        .y0((i) => y(band.low[i]))
        .y1((i) => y(band.high[i]))(idx),
    );
  if (previous) {
    svg
      .append('path')
      .attr('class', 'series planned')
      .attr(
        'd',
        line<number>()
          .defined((i) => !Number.isNaN(previous[i]))
          .x((i) => x(i))
          .y((i) => y(previous[i]))(idx),
      );
  }
  svg
    .append('path')
    .attr('class', 'series simulated')
    .attr(
      'd',
      line<number>()
        .x((i) => x(i))
        .y((i) => y(f.calls[i]))(idx),
    );
  const legend = root.append('ul').attr('class', 'legend');
  legend.append('li').attr('class', 'simulated').text(`forecast, with its 80 % band — ${METHOD_FORMULAS[method]}`);
  if (previous)
    legend
      .append('li')
      .attr('class', 'planned')
      .text(`actual, ${addDays(day, -7)}`);
  if (f.special)
    legend
      .append('li')
      .attr('id', 'special-note')
      .text(`${f.special.kind} day${f.special.name ? ` (${f.special.name})` : ''}: ${f.special.note}`);
  legend
    .append('li')
    .text(`80 % band sized from the errors of ${band.days} earlier ${band.basis} (measured coverage in the backtest table)`);
  appendDataTable(
    root,
    'Forecast — data',
    ['Interval', 'Forecast', '80 % low', '80 % high'],
    idx.map((i) => [
      clockOf(h.firstMinute + i * h.intervalMinutes),
      f.calls[i].toFixed(1),
      band.low[i].toFixed(0),
      band.high[i].toFixed(0),
    ]),
  );
}

/** Daily totals of the history, special days marked, and the forecast day with its 80 % interval. */
function drawHistory(
  figure: HTMLElement,
  h: History,
  calendar: Calendar,
  day: string,
  total: number,
  low: number,
  high: number,
): void {
  const width = 760;
  const height = 220;
  const margin = { top: 14, right: 16, bottom: 34, left: 60 };
  const title = `History: calls per day, ${h.dates[0]} – ${h.dates[h.dates.length - 1]}, and the forecast of ${day}`;
  const { root, svg } = chartFrame(figure, title, width, height, 'history');
  const time = (date: string) => new Date(`${date}T12:00:00Z`).getTime();
  const points = h.dates.map((date, d) => ({ date, total: dayTotal(h.calls[d]) })).filter((p) => !Number.isNaN(p.total));
  const x = scaleLinear()
    .domain([time(h.dates[0]), Math.max(time(day), time(h.dates[h.dates.length - 1]))])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, Math.max(high, ...points.map((p) => p.total)) * 1.05])
    .nice()
    .range([height - margin.bottom, margin.top]);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(
      axisBottom(x)
        .ticks(8)
        .tickFormat((t) => new Date(Number(t)).toISOString().slice(0, 10)),
    );
  svg.append('g').attr('transform', `translate(${margin.left},0)`).call(axisLeft(y).ticks(5));
  svg
    .append('path')
    .attr('class', 'series available')
    .attr(
      'd',
      line<(typeof points)[number]>()
        .x((p) => x(time(p.date)))
        .y((p) => y(p.total))(points),
    );
  svg
    .append('g')
    .selectAll('circle')
    .data(points.filter((p) => dayKind(p.date, calendar) !== 'normal'))
    .join('circle')
    .attr('class', 'dot')
    .attr('r', 3)
    .attr('cx', (p) => x(time(p.date)))
    .attr('cy', (p) => y(p.total))
    .append('title')
    .text(
      (p) => `${p.date} ${calendar.days.get(p.date)?.name ?? ''} (${dayKind(p.date, calendar)}): ${Math.round(p.total)} calls`,
    );
  svg
    .append('line')
    .attr('class', 'whisker')
    .attr('x1', x(time(day)))
    .attr('x2', x(time(day)))
    .attr('y1', y(low))
    .attr('y2', y(high));
  svg
    .append('circle')
    .attr('class', 'dot met')
    .attr('r', 5)
    .attr('cx', x(time(day)))
    .attr('cy', y(total));
  const legend = root.append('ul').attr('class', 'legend');
  legend.append('li').attr('class', 'available').text('calls per day');
  legend.append('li').attr('class', 'planned').text('special days (closed, reduced, observance, day after, events)');
  legend.append('li').attr('class', 'capacity').text('forecast with its 80 % interval');
  appendDataTable(
    root,
    'History — data',
    ['Date', 'Calls', 'Kind'],
    [
      ...points.map((p) => [p.date, String(Math.round(p.total)), dayKind(p.date, calendar)]),
      [day, `${Math.round(total)} (forecast)`, dayKind(day, calendar)],
    ],
  );
}
