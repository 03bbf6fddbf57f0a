import { area, curveStepAfter, line } from 'd3-shape';
import type { DayPlan, IntervalPlan } from '../plan';
import type { NetStaffing } from '../plan/verdict';
import { percentTick } from './chartFrame';
import { appendDataTable } from './chartTable';
import { intervalFrame } from './intervalFrame';

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
  const all = [spec.bars, ...spec.lines].filter((s): s is Series => s !== undefined);
  const max = Math.max(1, ...xs.flatMap((d) => all.map((s) => s.value(d) ?? 0)));
  const starts = xs.map((d) => d.start);
  const { root, svg, x, y } = intervalFrame(figure, spec.title, spec.yLabel, starts, [0, max * 1.05]);
  const barWidth = (x(1) - x(0)) * 0.8;
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
  const max = percent ? 1 : Math.max(1, ...points.flatMap((p) => [p.high ?? 0, p.plan ?? 0]));
  const { root, svg, x, y } = intervalFrame(
    figure,
    title,
    yLabel,
    points.map((p) => p.start),
    [0, max * (percent ? 1 : 1.05)],
    percent ? percentTick : String,
  );
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
  // Each value at the middle of its interval, through the intervals that have one.
  const through = (key: string, value: (p: BandPoint) => number | null) => {
    const at = points.map((p, i) => ({ v: value(p), i })).filter((p): p is { v: number; i: number } => p.v !== null);
    const path = line<{ v: number; i: number }>()
      .x((p) => mid(p.i))
      .y((p) => y(p.v));
    svg.append('path').attr('class', `series ${key}`).attr('d', path(at));
    return at.length;
  };
  through('simulated', (p) => p.mean);
  const planned = through('planned', (p) => p.plan);
  const legend = root.append('ul').attr('class', 'legend');
  legend.append('li').attr('class', 'simulated').text('simulation: mean and 95% band');
  if (planned > 0) legend.append('li').attr('class', 'planned').text('analytic plan');
  const format = (v: number | null) => (v === null ? '—' : percent ? `${(v * 100).toFixed(1)} %` : v.toFixed(1));
  appendDataTable(
    root,
    `${title} — data`,
    ['Interval', 'Simulation mean', '95% low', '95% high', 'Analytic plan'],
    points.map((p) => [p.start, format(p.mean), format(p.low), format(p.high), format(p.plan)]),
  );
}

const hours = (x: number) => `${Math.round(x).toLocaleString('en-US')} agent-hours`;
const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/**
 * Net staffing per interval — agents on the phones − the Erlang A requirement —
 * as bars below zero where the interval is short (red) and above where it is
 * over, with the day's short and over agent-hours in the legend.
 */
export function drawNetStaffingChart(figure: HTMLElement, plan: DayPlan, net: NetStaffing): void {
  const values = net.perInterval;
  const low = Math.min(-1, ...values.map((v) => v ?? 0));
  const high = Math.max(1, ...values.map((v) => v ?? 0));
  const title = 'Net staffing: agents on the phones − required (Erlang A)';
  const starts = plan.intervals.map((d) => d.start);
  const { root, svg, x, y } = intervalFrame(
    figure,
    title,
    'agents over (+) / short (−)',
    starts,
    [low * 1.05, high * 1.05],
    signed,
  );
  const width = (x(1) - x(0)) * 0.8;
  svg
    .append('g')
    .attr('class', 'bars net')
    .selectAll('rect')
    .data(values.map((v, i) => ({ v, i })).filter((d): d is { v: number; i: number } => d.v !== null && d.v !== 0))
    .join('rect')
    .attr('class', (d) => (d.v < 0 ? 'under' : 'over'))
    .attr('x', (d) => x(d.i + 0.1))
    .attr('width', width)
    .attr('y', (d) => y(Math.max(0, d.v)))
    .attr('height', (d) => Math.abs(y(d.v) - y(0)))
    .append('title')
    .text((d) => `${starts[d.i]}: ${d.v < 0 ? `${-d.v} agents short` : `${d.v} agents over`}`);
  svg.append('line').attr('class', 'zero').attr('x1', x(0)).attr('x2', x(starts.length)).attr('y1', y(0)).attr('y2', y(0));
  const legend = root.append('ul').attr('class', 'legend');
  legend
    .append('li')
    .attr('class', 'under')
    .text(`short: ${hours(net.agentHoursShort)} in ${net.shortIntervals} of ${net.intervals} intervals`);
  legend
    .append('li')
    .attr('class', 'over')
    .text(`over: ${hours(net.agentHoursOver)}`);
  appendDataTable(
    root,
    `${title} — data`,
    ['Interval', 'Net agents (+ over, − short)'],
    values.map((v, i) => [starts[i], v === null ? '—' : signed(v)]),
  );
}
