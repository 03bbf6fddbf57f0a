import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { coverageTable } from '../../report/schedule';
import type { Schedule } from '../../schedule';
import { axisAt, chartFrame } from '../chartFrame';
import { appendReportTable } from './chartData';

const WIDTH = 760;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 52 };

/** Agents needed on the phones per interval (bars; short ones marked) against the agents the shifts put there (line). */
export function drawCoverageChart(figure: HTMLElement, schedule: Schedule, intervalMinutes: number): void {
  const { root, svg } = chartFrame(figure, 'Coverage: scheduled vs. required agents on the phones', WIDTH, HEIGHT);
  const c = schedule.coverage;
  const x = scaleLinear()
    .domain([0, Math.max(1, c.length)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const max = Math.max(1, ...c.map((v) => Math.max(v.required, v.scheduled)));
  const y = scaleLinear()
    .domain([0, max * 1.05])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const every = Math.max(1, Math.round(60 / intervalMinutes) * (c.length > 40 ? 2 : 1));
  const ticks = axisBottom(x)
    .tickValues(c.map((_, i) => i).filter((i) => i % every === 0))
    .tickFormat((i) => c[Number(i)]?.start ?? '');
  axisAt(svg, ticks, 0, HEIGHT - MARGIN.bottom);
  axisAt(svg, axisLeft(y).ticks(5), MARGIN.left, 0);
  svg
    .append('g')
    .attr('class', 'bars demand')
    .selectAll('rect')
    .data(c)
    .join('rect')
    .attr('class', (d) => (d.short > 1e-6 ? 'short' : ''))
    .attr('x', (_, i) => x(i + 0.1))
    .attr('width', (x(1) - x(0)) * 0.8)
    .attr('y', (d) => y(d.required))
    .attr('height', (d) => y(0) - y(d.required));
  const points = [...c.map((d, i) => [i, d.scheduled]), [c.length, c[c.length - 1]?.scheduled ?? 0]];
  const path = line<number[]>()
    .curve(curveStepAfter)
    .x(([i]) => x(i))
    .y(([, v]) => y(v));
  svg.append('path').attr('class', 'series available').attr('d', path(points));
  const legend = root.append('ul').attr('class', 'legend');
  legend.append('li').attr('class', 'demand').text('required (after absence shrinkage)');
  legend.append('li').attr('class', 'available').text('scheduled on the phones');
  appendReportTable(root, 'Coverage — data', coverageTable(schedule));
}
