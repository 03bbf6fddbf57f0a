import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { CalculatorResult, QueueMetrics } from '../erlang';
import { formatShare } from '../format/number';
import { axisAt, chartFrame, percentTick, targetLine } from './chartFrame';
import { appendDataTable } from './chartTable';

const WIDTH = 560;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 20, bottom: 40, left: 48 };

interface Series {
  key: string;
  label: string;
  value: (m: { C: QueueMetrics; A: QueueMetrics }) => number | null;
}

const SERIES: Series[] = [
  { key: 'sl-a', label: 'SL, Erlang A', value: (p) => p.A.serviceLevel },
  { key: 'sl-c', label: 'SL, Erlang C', value: (p) => p.C.serviceLevel },
  { key: 'ab-a', label: 'Abandonment, Erlang A', value: (p) => p.A.pAbandon },
];

/** SL and abandonment against agents around the answer, with the SL target and the evaluated staffing marked. */
export function drawStaffingChart(figure: HTMLElement, r: CalculatorResult, slTarget: number | undefined): void {
  const x = scaleLinear()
    .domain([r.curve[0].agents, r.curve[r.curve.length - 1].agents])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const title = `Service level (${r.slFormula}) and abandonment by agents on the phones`;
  const { root, svg } = chartFrame(figure, title, WIDTH, HEIGHT);
  axisAt(
    svg,
    axisBottom(x)
      .ticks(r.curve.length)
      .tickFormat((d) => String(d)),
    0,
    HEIGHT - MARGIN.bottom,
  );
  axisAt(svg, axisLeft(y).ticks(5).tickFormat(percentTick), MARGIN.left, 0);
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', WIDTH / 2)
    .attr('y', HEIGHT - 6)
    .attr('text-anchor', 'middle')
    .text('agents on the phones');
  if (slTarget !== undefined) {
    targetLine(svg, MARGIN.left, WIDTH - MARGIN.right, y(slTarget));
    svg
      .append('text')
      .attr('class', 'target-label')
      .attr('x', WIDTH - MARGIN.right)
      .attr('y', y(slTarget) - 4)
      .attr('text-anchor', 'end')
      .text(`target ${formatShare(slTarget, 0)}`);
  }
  svg
    .append('line')
    .attr('class', 'marker')
    .attr('x1', x(r.agents))
    .attr('x2', x(r.agents))
    .attr('y1', MARGIN.top)
    .attr('y2', HEIGHT - MARGIN.bottom);
  for (const s of SERIES) {
    const points = r.curve.filter((p) => s.value(p) !== null);
    const path = line<(typeof r.curve)[number]>()
      .x((p) => x(p.agents))
      .y((p) => y(s.value(p) ?? 0));
    svg.append('path').attr('class', `series ${s.key}`).attr('d', path(points));
    svg
      .append('g')
      .selectAll('circle')
      .data(points)
      .join('circle')
      .attr('class', `dot ${s.key}`)
      .attr('r', 3)
      .attr('cx', (p) => x(p.agents))
      .attr('cy', (p) => y(s.value(p) ?? 0))
      .append('title')
      .text((p) => `${p.agents} agents: ${s.label} ${formatShare(s.value(p))}`);
  }
  const legend = root.append('ul').attr('class', 'legend');
  for (const s of SERIES) legend.append('li').attr('class', s.key).text(s.label);

  appendDataTable(
    root,
    'Chart data',
    ['Agents', ...SERIES.map((s) => s.label)],
    r.curve.map((p) => [
      String(p.agents),
      ...SERIES.map((s) => (p.C.stable || s.key !== 'sl-c' ? formatShare(s.value(p), 1) : 'unstable')),
    ]),
  );
}
