import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { rosterCoverageTable } from '../../report/roster';
import { coverageTable } from '../../report/schedule';
import type { ReportTable } from '../../report/table';
import type { Schedule } from '../../schedule';
import type { Roster } from '../../schedule/roster';
import { axisAt, chartFrame } from '../chartFrame';
import { appendReportTable } from './chartData';

const WIDTH = 760;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 52 };

/** One interval of a coverage chart: agents needed on the phones, agents the shifts put there, and how far short. */
interface Covered {
  required: number;
  scheduled: number;
  short: number;
}

/**
 * Agents needed on the phones per interval (bars; short ones marked) against
 * the agents the shifts put there (line), ticked at `ticks` (interval index,
 * label), with the report's table of the same rows.
 */
function drawCoverage(figure: HTMLElement, title: string, c: Covered[], ticks: [number, string][], table: ReportTable) {
  const { root, svg } = chartFrame(figure, title, WIDTH, HEIGHT);
  const x = scaleLinear()
    .domain([0, Math.max(1, c.length)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const max = Math.max(1, ...c.map((v) => Math.max(v.required, v.scheduled)));
  const y = scaleLinear()
    .domain([0, max * 1.05])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const labels = new Map(ticks);
  const axis = axisBottom(x)
    .tickValues(ticks.map(([i]) => i))
    .tickFormat((i) => labels.get(Number(i)) ?? '');
  axisAt(svg, axis, 0, HEIGHT - MARGIN.bottom);
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
  legend.append('li').attr('class', 'demand').text('required (after absence shrinkage; marked where short)');
  legend.append('li').attr('class', 'available').text('scheduled on the phones');
  appendReportTable(root, 'Coverage — data', table);
}

/** The day's schedule against its requirement, ticked every hour (every two past 40 intervals). */
export function drawCoverageChart(figure: HTMLElement, schedule: Schedule, intervalMinutes: number): void {
  const c = schedule.coverage;
  const every = Math.max(1, Math.round(60 / intervalMinutes) * (c.length > 40 ? 2 : 1));
  const ticks = c.flatMap((row, i): [number, string][] => (i % every === 0 ? [[i, row.start]] : []));
  drawCoverage(figure, 'Coverage: scheduled vs. required agents on the phones', c, ticks, coverageTable(schedule));
}

/** The week's roster against its requirement, every interval of every day, ticked at each day's first interval. */
export function drawWeekCoverageChart(figure: HTMLElement, roster: Roster): void {
  const c = roster.coverage;
  const weekday = (date: string) =>
    new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
  const ticks = c.flatMap((row, i): [number, string][] =>
    i === 0 || row.date !== c[i - 1].date ? [[i, weekday(row.date)]] : [],
  );
  drawCoverage(
    figure,
    'Coverage of the week: agents the roster puts on the phones vs. required, per interval',
    c,
    ticks,
    rosterCoverageTable(roster),
  );
}
