import { axisBottom } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { shiftsTable } from '../../report/schedule';
import { clockOf, minutesOf } from '../../scenario';
import type { Schedule } from '../../schedule';
import { axisAt, chartFrame, hourTicks } from '../chartFrame';
import { appendReportTable } from './chartData';

const WIDTH = 760;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 52 };
const ROW = 14;

/** A Gantt of the shifts in use: one bar per shift, its breaks cut out, the agents on it labelled. */
export function drawShiftGantt(figure: HTMLElement, schedule: Schedule, open: string, close: string): void {
  const height = MARGIN.top + MARGIN.bottom + Math.max(1, schedule.shifts.length) * ROW;
  const title = `Shifts: ${schedule.agents.toLocaleString('en-US')} agents on ${schedule.shifts.length} shift patterns`;
  const { root, svg } = chartFrame(figure, title, WIDTH, height);
  const x = scaleLinear()
    .domain([minutesOf(open), minutesOf(close)])
    .range([MARGIN.left + 60, WIDTH - MARGIN.right]);
  const ticks = axisBottom(x)
    .tickValues(hourTicks(minutesOf(open), minutesOf(close)))
    .tickFormat((m) => clockOf(Number(m)));
  axisAt(svg, ticks, 0, height - MARGIN.bottom);
  schedule.shifts.forEach((shift, row) => {
    const y = MARGIN.top + row * ROW;
    const g = svg.append('g').attr('class', 'gantt-row');
    g.append('text')
      .attr('x', MARGIN.left + 54)
      .attr('y', y + ROW - 4)
      .attr('text-anchor', 'end')
      .attr('class', 'gantt-label')
      .text(`${shift.agents.toLocaleString('en-US')} ×`);
    // The shift as working segments between its breaks.
    const edges = [
      minutesOf(shift.start),
      ...shift.breaks.flatMap((b) => [minutesOf(b.start), minutesOf(b.end)]),
      minutesOf(shift.end),
    ];
    for (let k = 0; k < edges.length; k += 2) {
      g.append('rect')
        .attr('class', shift.template.toLowerCase().includes('part') ? 'shift part' : 'shift')
        .attr('x', x(edges[k]))
        .attr('width', Math.max(0, x(edges[k + 1]) - x(edges[k])))
        .attr('y', y + 2)
        .attr('height', ROW - 4)
        .append('title')
        .text(`${shift.agents} × ${shift.template} ${shift.start}–${shift.end}`);
    }
  });
  appendReportTable(root, 'Shifts — data', shiftsTable(schedule));
}
