import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { clockOf, minutesOf } from '../scenario';
import { axisAt, chartFrame, hourTicks, percentTick, targetLine } from './chartFrame';
import { appendDataTable } from './chartTable';

const WIDTH = 760;
const HEIGHT = 260;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 52 };
export const SCENARIO_COLORS = ['#2457c5', '#d9622b', '#2e7d32', '#8e44ad'];

const targetText = (t: OverlayTarget) =>
  `target ${(t.value * 100).toFixed(t.value * 100 === Math.round(t.value * 100) ? 0 : 1)} % (${t.names.join(', ')})`;

export interface OverlaySeries {
  name: string;
  /** interval start (HH:MM) and value (a share 0–1) */
  points: { start: string; value: number | null }[];
}

/** A target line: its value (a share 0–1) and the scenarios that hold it. */
export interface OverlayTarget {
  value: number;
  names: string[];
}

/** Several scenarios' figure per interval on one time-of-day axis (their grids may differ), with their targets dashed. */
export function drawOverlayChart(
  figure: HTMLElement,
  title: string,
  series: OverlaySeries[],
  targets: OverlayTarget[] = [],
): void {
  const minutes = series.flatMap((s) => s.points.map((p) => minutesOf(p.start)));
  const x = scaleLinear()
    .domain([Math.min(...minutes), Math.max(...minutes)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const { root, svg } = chartFrame(figure, title, WIDTH, HEIGHT);
  axisAt(
    svg,
    axisBottom(x)
      .tickValues(hourTicks(Math.min(...minutes), Math.max(...minutes)))
      .tickFormat((m) => clockOf(Math.round(Number(m)))),
    0,
    HEIGHT - MARGIN.bottom,
  );
  axisAt(svg, axisLeft(y).ticks(5).tickFormat(percentTick), MARGIN.left, 0);
  series.forEach((s, i) => {
    const defined = s.points.filter((p) => p.value !== null);
    svg
      .append('path')
      .attr('class', 'series')
      .attr('stroke', SCENARIO_COLORS[i])
      .attr(
        'd',
        line<(typeof defined)[number]>()
          .x((p) => x(minutesOf(p.start)))
          .y((p) => y(p.value ?? 0))(defined),
      );
  });
  for (const t of targets)
    targetLine(svg, MARGIN.left, WIDTH - MARGIN.right, y(t.value))
      .append('title')
      .text(targetText(t));
  const legend = root.append('ul').attr('class', 'legend');
  series.forEach((s, i) => {
    legend.append('li').style('--swatch', SCENARIO_COLORS[i]).text(s.name);
  });
  for (const t of targets) legend.append('li').attr('class', 'target').text(targetText(t));
  const starts = [...new Set(series.flatMap((s) => s.points.map((p) => p.start)))].sort();
  appendDataTable(
    root,
    `${title} — data`,
    ['Interval', ...series.map((s) => s.name)],
    starts.map((start) => [
      start,
      ...series.map((s) => {
        const v = s.points.find((p) => p.start === start)?.value;
        return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`;
      }),
    ]),
  );
}
