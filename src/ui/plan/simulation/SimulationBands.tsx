import type { DayPlan } from '../../../plan';
import type { Metric, SimulationResult } from '../../../sim';
import { Mount } from '../../Mount';
import { drawBandChart } from '../../planCharts';

/** An interval figure's mean and 95% band over the day, with the plan's figure where it has one. */
const points = (r: SimulationResult, metric: Metric, planned: (i: number) => number | null) =>
  r.intervals.map((x, i) => {
    const e = x.metrics[metric];
    const half = e.halfWidth ?? 0;
    return {
      start: x.start,
      mean: e.mean,
      low: e.mean === null ? null : e.mean - half,
      high: e.mean === null ? null : e.mean + half,
      plan: planned(i),
    };
  });

/** The simulation by interval against the plan: service level, answer rate and the queue carried over. */
export function SimulationBands({ result, plan }: { result: SimulationResult; plan: DayPlan }) {
  const charts: [Metric, string, string, (i: number) => number | null, boolean][] = [
    [
      'serviceLevel',
      `Service level by interval (${result.slFormula})`,
      'service level',
      (i) => plan.intervals[i].serviceLevel,
      true,
    ],
    ['answerRate', 'Answer rate by interval', 'answered ÷ (answered + abandoned)', (i) => plan.intervals[i].answerRate, true],
    ['meanQueue', 'Mean queue length by interval (the plan assumes no carry-over)', 'callers waiting', () => null, false],
  ];
  return (
    <>
      {charts.map(([metric, title, axis, planned, percent]) => (
        <Mount
          key={metric}
          tag="figure"
          id={`band-${metric}`}
          className="chart"
          deps={[result, plan]}
          draw={(el) => drawBandChart(el, title, axis, points(result, metric, planned), percent)}
        />
      ))}
    </>
  );
}
