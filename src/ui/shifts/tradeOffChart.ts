import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { checksTable } from '../../report/schedule';
import type { RepairStep } from '../../schedule';
import { axisAt, chartFrame, percentTick, targetLine } from '../chartFrame';
import { appendReportTable } from './chartData';

const WIDTH = 760;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 52 };

/** Paid hours against the simulated answer rate (mean and 95% CI) of each schedule the check tried. */
export function drawTradeOff(figure: HTMLElement, steps: RepairStep[], target: number | undefined): void {
  const { root, svg } = chartFrame(figure, 'Trade-off: paid hours against the simulated answer rate', WIDTH, HEIGHT);
  const hours = steps.map((s) => s.paidHours);
  const x = scaleLinear()
    .domain([Math.min(...hours) * 0.98, Math.max(...hours) * 1.02 + 1])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const low = (s: RepairStep) => (s.answerRate.mean ?? 0) - (s.answerRate.halfWidth ?? 0);
  const high = (s: RepairStep) => (s.answerRate.mean ?? 0) + (s.answerRate.halfWidth ?? 0);
  const y = scaleLinear()
    .domain([Math.min(target ?? 1, ...steps.map(low)) - 0.02, Math.min(1, Math.max(...steps.map(high)) + 0.02)])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  axisAt(svg, axisBottom(x).ticks(6), 0, HEIGHT - MARGIN.bottom);
  axisAt(svg, axisLeft(y).ticks(5).tickFormat(percentTick), MARGIN.left, 0);
  if (target !== undefined) targetLine(svg, MARGIN.left, WIDTH - MARGIN.right, y(target));
  for (const s of steps) {
    svg
      .append('line')
      .attr('class', 'whisker')
      .attr('x1', x(s.paidHours))
      .attr('x2', x(s.paidHours))
      .attr('y1', y(low(s)))
      .attr('y2', y(high(s)));
    svg
      .append('circle')
      .attr('class', s.meetsTargets ? 'dot met' : 'dot')
      .attr('cx', x(s.paidHours))
      .attr('cy', y(s.answerRate.mean ?? 0))
      .attr('r', 5);
  }
  appendReportTable(root, 'Trade-off — data', checksTable(steps));
}
