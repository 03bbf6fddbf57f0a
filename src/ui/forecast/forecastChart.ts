import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { DayView } from '../../forecast/workerApi';
import { forecastReport, type Grid } from '../../report/backtest';
import { briefCells } from '../../report/terminal';
import { clockOf } from '../../scenario';
import { chartFrame } from '../chartFrame';
import { appendDataTable } from '../chartTable';

const calls = (x: number) => Math.round(x).toLocaleString('en-US');

/** The day's forecast per interval with its 80 % band, and the same weekday a week earlier for context. */
export function drawForecast(figure: HTMLElement, v: DayView, grid: Grid): void {
  const [width, height] = [760, 280];
  const margin = { top: 14, right: 16, bottom: 34, left: 52 };
  const { forecast: f, band, previous } = v;
  const title = `Forecast of ${v.day}: ${calls(f.total)} calls (80 %: ${calls(band.totalLow)}–${calls(band.totalHigh)}) by ${v.method}`;
  const { root, svg } = chartFrame(figure, title, width, height, `forecast ${v.day}`);
  const n = f.calls.length;
  const idx = [...Array(n).keys()];
  const x = scaleLinear()
    .domain([0, n - 1])
    .range([margin.left, width - margin.right]);
  const seen = previous ? [...previous.calls].filter((c) => !Number.isNaN(c)) : [];
  const y = scaleLinear()
    .domain([0, Math.max(1, ...band.high, ...seen) * 1.05])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const every = Math.max(1, Math.round(n / 12));
  svg
    .append('g')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(idx.filter((i) => i % every === 0))
        .tickFormat((i) => clockOf(grid.firstMinute + Number(i) * grid.intervalMinutes)),
    );
  svg.append('g').attr('transform', `translate(${margin.left},0)`).call(axisLeft(y).ticks(5));
  const bandPath = area<number>()
    .x((i) => x(i))
    .y0((i) => y(band.low[i]))
    .y1((i) => y(band.high[i]));
  svg.append('path').attr('class', 'band').attr('d', bandPath(idx));
  if (previous) {
    const actual = line<number>()
      .defined((i) => !Number.isNaN(previous.calls[i]))
      .x((i) => x(i))
      .y((i) => y(previous.calls[i]));
    svg.append('path').attr('class', 'series planned').attr('d', actual(idx));
  }
  const forecastLine = line<number>()
    .x((i) => x(i))
    .y((i) => y(f.calls[i]));
  svg.append('path').attr('class', 'series simulated').attr('d', forecastLine(idx));
  const legend = root.append('ul').attr('class', 'legend');
  legend.append('li').attr('class', 'simulated').text(`forecast, with its 80 % band — ${v.formula}`);
  if (previous) legend.append('li').attr('class', 'planned').text(`actual, ${previous.date}`);
  if (f.special)
    legend
      .append('li')
      .attr('id', 'special-note')
      .text(`${f.special.kind} day${f.special.name ? ` (${f.special.name})` : ''}: ${f.special.note}`);
  legend
    .append('li')
    .text(`80 % band sized from the errors of ${band.days} earlier ${band.basis} (measured coverage in the backtest table)`);
  const { intervals, day } = forecastReport(f, band, grid);
  const table = briefCells({ ...intervals, rows: [...intervals.rows, ...day.rows] });
  appendDataTable(root, 'Forecast — data', table.header, table.rows);
}
