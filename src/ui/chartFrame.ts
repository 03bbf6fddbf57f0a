import { type Selection, select } from 'd3-selection';
import { chartDownloads } from './chartExport';

/**
 * Empties a chart's figure and sets it up the same way for every chart: its
 * caption, SVG and PNG downloads, and an SVG with a fixed coordinate system
 * that scales to the page, announced as an image whose data table follows.
 */
export function chartFrame(figure: HTMLElement, title: string, width: number, height: number, fileName = title) {
  const root = select(figure);
  root.selectAll('*').remove();
  root.append('figcaption').text(title);
  figure.append(chartDownloads(figure, fileName));
  const svg = root
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', `${title}; the data table follows`);
  return { root, svg };
}

/** Whole hours across a span of minutes, every one, two or three hours so that about ten show. */
export function hourTicks(from: number, to: number): number[] {
  const step = 60 * Math.max(1, Math.ceil((to - from) / 60 / 10));
  const ticks: number[] = [];
  for (let m = Math.ceil(from / step) * step; m <= to; m += step) ticks.push(m);
  return ticks;
}

/** Tick label of a share axis: 0.8 → "80 %". */
export const percentTick = (v: unknown) => `${Math.round(Number(v) * 100)} %`;

type Svg = ReturnType<typeof chartFrame>['svg'];

/** An axis drawn at (x, y): the bottom axis at the foot of the plot area, the left one at its left edge. */
export function axisAt(svg: Svg, axis: (g: Selection<SVGGElement, unknown, null, undefined>) => void, x: number, y: number) {
  svg.append('g').attr('transform', `translate(${x},${y})`).call(axis);
}

/** A target as a horizontal line across the plot area, from x1 to x2 at height y. */
export function targetLine(svg: Svg, x1: number, x2: number, y: number) {
  return svg.append('line').attr('class', 'target').attr('x1', x1).attr('x2', x2).attr('y1', y).attr('y2', y);
}
