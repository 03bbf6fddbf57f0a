import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { chartFrame } from './chartFrame';

export const WIDTH = 760;
export const HEIGHT = 260;
export const MARGIN = { top: 14, right: 16, bottom: 34, left: 52 };

/**
 * The frame of a chart over a day's intervals: interval i spans [x(i), x(i + 1)],
 * about twelve start times label the x axis, `domain` (made nice) the y axis,
 * and `yLabel` says what y counts. Every interval chart of the app starts here.
 */
export function intervalFrame(
  figure: HTMLElement,
  title: string,
  yLabel: string,
  starts: readonly string[],
  domain: [number, number],
  tickFormat: (v: number) => string = String,
) {
  const x = scaleLinear()
    .domain([0, starts.length])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain(domain)
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const { root, svg } = chartFrame(figure, title, WIDTH, HEIGHT);
  const every = Math.max(1, Math.round(starts.length / 12));
  svg
    .append('g')
    .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(starts.map((_, i) => i).filter((i) => i % every === 0))
        .tickFormat((i) => starts[Number(i)]),
    );
  svg
    .append('g')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => tickFormat(Number(v))),
    );
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(14,${(HEIGHT - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(yLabel);
  return { root, svg, x, y };
}
