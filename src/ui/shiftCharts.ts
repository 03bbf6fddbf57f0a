import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { formatShare } from '../format/number';
import { clockOf, minutesOf } from '../scenario';
import type { RepairStep, Schedule } from '../schedule';
import { chartFrame, hourTicks, percentTick } from './chartFrame';
import { appendDataTable } from './chartTable';

const WIDTH = 760;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 52 };

/** A Gantt of the shift patterns in use: one bar per pattern, breaks cut out, agents on it labelled. */
export function drawShiftGantt(figure: HTMLElement, schedule: Schedule, open: string, close: string): void {
  const rowHeight = 14;
  const height = MARGIN.top + MARGIN.bottom + Math.max(1, schedule.shifts.length) * rowHeight;
  const { root, svg } = chartFrame(
    figure,
    `Shifts: ${schedule.agents} agents on ${schedule.shifts.length} shift patterns`,
    WIDTH,
    height,
  );
  const x = scaleLinear()
    .domain([minutesOf(open), minutesOf(close)])
    .range([MARGIN.left + 60, WIDTH - MARGIN.right]);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - MARGIN.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(hourTicks(minutesOf(open), minutesOf(close)))
        .tickFormat((m) => clockOf(Number(m))),
    );
  schedule.shifts.forEach((shift, row) => {
    const y = MARGIN.top + row * rowHeight;
    const g = svg.append('g').attr('class', 'gantt-row');
    g.append('text')
      .attr('x', MARGIN.left + 54)
      .attr('y', y + rowHeight - 4)
      .attr('text-anchor', 'end')
      .attr('class', 'gantt-label')
      .text(`${shift.agents} ×`);
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
        .attr('height', rowHeight - 4)
        .append('title')
        .text(`${shift.agents} × ${shift.template} ${shift.start}–${shift.end}`);
    }
  });
  appendDataTable(
    root,
    'Shifts — data',
    ['Start', 'End', 'Template', 'Breaks', 'Agents', 'Paid hours each'],
    schedule.shifts.map((s) => [
      s.start,
      s.end,
      s.template,
      s.breaks.map((b) => `${b.start}–${b.end}`).join(', '),
      String(s.agents),
      s.paidHours.toFixed(2),
    ]),
  );
}

/** Agents needed on the phones per interval (bars) against the agents the shifts put there (line). */
export function drawCoverageChart(figure: HTMLElement, schedule: Schedule, intervalMinutes: number): void {
  const height = 240;
  const { root, svg } = chartFrame(figure, 'Coverage: scheduled vs. required agents on the phones', WIDTH, height);
  const c = schedule.coverage;
  const x = scaleLinear()
    .domain([0, c.length])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const max = Math.max(1, ...c.map((v) => Math.max(v.required, v.scheduled)));
  const y = scaleLinear()
    .domain([0, max * 1.05])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const every = Math.max(1, Math.round(60 / intervalMinutes) * (c.length > 40 ? 2 : 1));
  svg
    .append('g')
    .attr('transform', `translate(0,${height - MARGIN.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(c.map((_, i) => i).filter((i) => i % every === 0))
        .tickFormat((i) => c[Number(i)]?.start ?? ''),
    );
  svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(5));
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
  svg
    .append('path')
    .attr('class', 'series available')
    .attr(
      'd',
      line<number[]>()
        .curve(curveStepAfter)
        .x(([i]) => x(i))
        .y(([, v]) => y(v))(points),
    );
  const legend = root.append('ul').attr('class', 'legend');
  legend.append('li').attr('class', 'demand').text('required (after absence shrinkage)');
  legend.append('li').attr('class', 'available').text('scheduled on the phones');
  appendDataTable(
    root,
    'Coverage — data',
    ['Interval', 'Required', 'Scheduled', 'Short'],
    c.map((d) => [d.start, d.required.toFixed(1), d.scheduled.toFixed(1), d.short.toFixed(1)]),
  );
}

/** Paid hours against the simulated answer rate (mean and 95% CI) of each schedule the check tried. */
export function drawTradeOff(figure: HTMLElement, steps: RepairStep[], target: number | undefined): void {
  const height = 240;
  const { root, svg } = chartFrame(figure, 'Trade-off: paid hours against the simulated answer rate', WIDTH, height);
  const hours = steps.map((s) => s.paidHours);
  const x = scaleLinear()
    .domain([Math.min(...hours) * 0.98, Math.max(...hours) * 1.02])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const rates = steps.flatMap((s) => [
    (s.answerRate.mean ?? 0) - (s.answerRate.halfWidth ?? 0),
    (s.answerRate.mean ?? 0) + (s.answerRate.halfWidth ?? 0),
  ]);
  const y = scaleLinear()
    .domain([Math.min(target ?? 1, ...rates) - 0.02, Math.min(1, Math.max(...rates) + 0.02)])
    .range([height - MARGIN.bottom, MARGIN.top]);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - MARGIN.bottom})`)
    .call(axisBottom(x).ticks(6));
  svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(5).tickFormat(percentTick));
  if (target !== undefined) {
    svg
      .append('line')
      .attr('class', 'target')
      .attr('x1', MARGIN.left)
      .attr('x2', WIDTH - MARGIN.right)
      .attr('y1', y(target))
      .attr('y2', y(target));
  }
  for (const s of steps) {
    const mean = s.answerRate.mean ?? 0;
    const half = s.answerRate.halfWidth ?? 0;
    svg
      .append('line')
      .attr('class', 'whisker')
      .attr('x1', x(s.paidHours))
      .attr('x2', x(s.paidHours))
      .attr('y1', y(mean - half))
      .attr('y2', y(mean + half));
    svg
      .append('circle')
      .attr('class', s.meetsTargets ? 'dot met' : 'dot')
      .attr('cx', x(s.paidHours))
      .attr('cy', y(mean))
      .attr('r', 5);
  }
  appendDataTable(
    root,
    'Trade-off — data',
    ['Paid hours', 'Answer rate', '95% ±', 'Targets met'],
    steps.map((s) => [
      String(Math.round(s.paidHours)),
      formatShare(s.answerRate.mean, 1),
      formatShare(s.answerRate.halfWidth, 1),
      s.meetsTargets ? 'yes' : 'no',
    ]),
  );
}
