import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import type { DayPlan, IntervalPlan } from '../plan';
import { chartFrame, percentTick } from './chartFrame';
import { appendDataTable } from './chartTable';

const WIDTH = 760;
const HEIGHT = 260;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 52 };

interface Series {
  key: string;
  label: string;
  value: (x: IntervalPlan) => number | null;
}

interface ChartSpec {
  title: string;
  yLabel: string;
  /** drawn as bars */
  bars?: Series;
  lines: Series[];
}

/** Draws one interval chart into `figure`: optional bars, step lines, a legend and a data table for screen readers. */
function drawIntervalChart(figure: HTMLElement, plan: DayPlan, spec: ChartSpec): void {
  const xs = plan.intervals;
  // Interval i spans [x(i), x(i + 1)]; bars sit inside it, step lines change at its edges.
  const x = scaleLinear()
    .domain([0, xs.length])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const barWidth = (x(1) - x(0)) * 0.8;
  const all = [spec.bars, ...spec.lines].filter((s): s is Series => s !== undefined);
  const max = Math.max(1, ...xs.flatMap((d) => all.map((s) => s.value(d) ?? 0)));
  const y = scaleLinear()
    .domain([0, max * 1.05])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const { root, svg } = chartFrame(figure, spec.title, WIDTH, HEIGHT);
  const every = Math.max(1, Math.round(xs.length / 12));
  svg
    .append('g')
    .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(xs.filter((d) => d.index % every === 0).map((d) => d.index))
        .tickFormat((i) => xs[Number(i)].start),
    );
  svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(5));
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(14,${(HEIGHT - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(spec.yLabel);
  if (spec.bars) {
    const bars = spec.bars;
    svg
      .append('g')
      .attr('class', `bars ${bars.key}`)
      .selectAll('rect')
      .data(xs)
      .join('rect')
      .attr('x', (d) => x(d.index + 0.1))
      .attr('width', barWidth)
      .attr('y', (d) => y(bars.value(d) ?? 0))
      .attr('height', (d) => y(0) - y(bars.value(d) ?? 0))
      .append('title')
      .text((d) => `${d.start}: ${bars.label} ${Math.round(bars.value(d) ?? 0)}`);
  }
  for (const s of spec.lines) {
    const points = xs.filter((d) => s.value(d) !== null);
    // The last value is repeated at the day's end so its step is drawn.
    const last = points[points.length - 1];
    const edges = last ? [...points.map((d) => [d.index, s.value(d) ?? 0]), [last.index + 1, s.value(last) ?? 0]] : [];
    const path = line<number[]>()
      .curve(curveStepAfter)
      .x(([i]) => x(i))
      .y(([, v]) => y(v));
    svg.append('path').attr('class', `series ${s.key}`).attr('d', path(edges));
  }
  const legend = root.append('ul').attr('class', 'legend');
  for (const s of all) legend.append('li').attr('class', s.key).text(s.label);
  appendDataTable(
    root,
    `${spec.title} — data`,
    ['Interval', ...all.map((s) => s.label)],
    xs.map((d) => [d.start, ...all.map((s) => (s.value(d) === null ? '—' : String(Math.round(s.value(d) ?? 0))))]),
  );
}

/** Calls reaching agents against what the agents can answer, per interval. */
export function drawDemandChart(figure: HTMLElement, plan: DayPlan, intervalSeconds: number): void {
  drawIntervalChart(figure, plan, {
    title: 'Demand vs. capacity: calls per interval',
    yLabel: 'calls per interval',
    bars: { key: 'demand', label: 'calls asking for an agent', value: (d) => d.toAgents },
    lines: [
      { key: 'capacity', label: 'capacity: agents × interval ÷ AHT', value: (d) => (d.agents * intervalSeconds) / d.ahtSeconds },
      { key: 'answered', label: 'answered', value: (d) => d.answered },
    ],
  });
}

/** Agents the targets need (Erlang A and C) against the agents on the phones. */
export function drawAgentsChart(figure: HTMLElement, plan: DayPlan): void {
  drawIntervalChart(figure, plan, {
    title: 'Required vs. available agents',
    yLabel: 'agents on the phones',
    lines: [
      { key: 'available', label: 'available (scenario)', value: (d) => d.agents },
      { key: 'required-a', label: 'required, Erlang A', value: (d) => d.requiredA },
      { key: 'required-c', label: 'required, Erlang C', value: (d) => d.requiredC },
    ],
  });
}

/** One interval figure from the simulation (mean and 95% band) and the analytic plan. */
export interface BandPoint {
  start: string;
  mean: number | null;
  low: number | null;
  high: number | null;
  plan: number | null;
}

/**
 * A simulated figure per interval as a line in its 95% confidence band, with the
 * analytic plan's value dashed beside it, so the planner sees where Erlang was wrong.
 */
export function drawBandChart(figure: HTMLElement, title: string, yLabel: string, points: BandPoint[], percent: boolean): void {
  const x = scaleLinear()
    .domain([0, points.length])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const max = percent ? 1 : Math.max(1, ...points.flatMap((p) => [p.high ?? 0, p.plan ?? 0]));
  const y = scaleLinear()
    .domain([0, max * (percent ? 1 : 1.05)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const { root, svg } = chartFrame(figure, title, WIDTH, HEIGHT);
  const every = Math.max(1, Math.round(points.length / 12));
  svg
    .append('g')
    .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(points.map((_, i) => i).filter((i) => i % every === 0))
        .tickFormat((i) => points[Number(i)].start),
    );
  svg
    .append('g')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => (percent ? percentTick(v) : String(v))),
    );
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(14,${(HEIGHT - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(yLabel);
  const mid = (i: number) => x(i + 0.5);
  const defined = points.map((p, i) => ({ ...p, i })).filter((p) => p.mean !== null);
  svg
    .append('path')
    .attr('class', 'band')
    .attr(
      'd',
      area<(typeof defined)[number]>()
        .x((p) => mid(p.i))
        .y0((p) => y(p.low ?? p.mean ?? 0))
        .y1((p) => y(p.high ?? p.mean ?? 0))(defined),
    );
  svg
    .append('path')
    .attr('class', 'series simulated')
    .attr(
      'd',
      line<(typeof defined)[number]>()
        .x((p) => mid(p.i))
        .y((p) => y(p.mean ?? 0))(defined),
    );
  const planned = points.map((p, i) => ({ ...p, i })).filter((p) => p.plan !== null);
  svg
    .append('path')
    .attr('class', 'series planned')
    .attr(
      'd',
      line<(typeof planned)[number]>()
        .x((p) => mid(p.i))
        .y((p) => y(p.plan ?? 0))(planned),
    );
  const legend = root.append('ul').attr('class', 'legend');
  legend.append('li').attr('class', 'simulated').text('simulation: mean and 95% band');
  if (planned.length > 0) legend.append('li').attr('class', 'planned').text('analytic plan');
  const format = (v: number | null) => (v === null ? '—' : percent ? `${(v * 100).toFixed(1)} %` : v.toFixed(1));
  appendDataTable(
    root,
    `${title} — data`,
    ['Interval', 'Simulation mean', '95% low', '95% high', 'Analytic plan'],
    points.map((p) => [p.start, format(p.mean), format(p.low), format(p.high), format(p.plan)]),
  );
}
