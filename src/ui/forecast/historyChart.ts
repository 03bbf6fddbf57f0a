import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Analysis, DayView } from '../../forecast/workerApi';
import { historyReport } from '../../report/backtest';
import { briefCells } from '../../report/terminal';
import { chartFrame } from '../chartFrame';
import { appendDataTable } from '../chartTable';

const time = (date: string) => new Date(`${date}T12:00:00Z`).getTime();

/** Daily totals of the history, special days marked, and the forecast day with its 80 % interval. */
export function drawHistory(figure: HTMLElement, a: Analysis, v: DayView): void {
  const [width, height] = [760, 220];
  const margin = { top: 14, right: 16, bottom: 34, left: 60 };
  const title = `History: calls per day, ${a.from} – ${a.to}, and the forecast of ${v.day}`;
  const { root, svg } = chartFrame(figure, title, width, height, 'history');
  const { total } = v.forecast;
  const { totalLow: low, totalHigh: high } = v.band;
  const x = scaleLinear()
    .domain([Math.min(time(a.from), time(v.day)), Math.max(time(v.day), time(a.to))])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, Math.max(high, ...a.points.map((p) => p.calls)) * 1.05])
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
  const totals = line<Analysis['points'][number]>()
    .x((p) => x(time(p.date)))
    .y((p) => y(p.calls));
  svg.append('path').attr('class', 'series available').attr('d', totals(a.points));
  svg
    .append('g')
    .selectAll('circle')
    .data(a.points.filter((p) => p.kind !== 'normal'))
    .join('circle')
    .attr('class', 'dot')
    .attr('r', 3)
    .attr('cx', (p) => x(time(p.date)))
    .attr('cy', (p) => y(p.calls))
    .append('title')
    .text((p) => `${p.date} ${p.name} (${p.kind}): ${Math.round(p.calls)} calls`);
  const at = x(time(v.day));
  svg.append('line').attr('class', 'whisker').attr('x1', at).attr('x2', at).attr('y1', y(low)).attr('y2', y(high));
  svg.append('circle').attr('class', 'dot met').attr('r', 5).attr('cx', at).attr('cy', y(total));
  const legend = root.append('ul').attr('class', 'legend');
  legend.append('li').attr('class', 'available').text('calls per day');
  legend.append('li').attr('class', 'planned').text('special days (closed, reduced, observance, day after, events)');
  legend.append('li').attr('class', 'capacity').text('forecast with its 80 % interval');
  const table = briefCells(historyReport(a.points, { date: v.day, calls: total, kind: v.kind, name: v.name }));
  appendDataTable(root, 'History — data', table.header, table.rows);
}
