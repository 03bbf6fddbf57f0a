import { formatShare } from '../../format/number';
import type { Scenario } from '../../scenario';
import { type Chart, ChartFigures } from '../ChartFigures';
import { Mount } from '../Mount';
import { drawCoverageChart } from './coverageChart';
import { drawShiftGantt } from './ganttChart';
import { ScheduleSummary } from './ScheduleSummary';
import { SolveControls } from './SolveControls';
import type { ShiftsState, Solved } from './shiftsState';
import { TemplateTable } from './TemplateTable';
import { drawTradeOff } from './tradeOffChart';

const intro = (s: Scenario) =>
  `Shifts that cover the plan's ${s.shifts?.requirement === 'erlangC' ? 'Erlang C' : 'Erlang A'} requirement at the fewest paid hours, after ${formatShare(s.shifts?.absenceShrinkage ?? 0.1, 0)} absence shrinkage (breaks are scheduled explicitly). Solved by HiGHS in your browser.`;

/** The schedule's charts, each drawn by d3 into its own figure. */
const CHARTS: Chart<Solved>[] = [
  ['shift-gantt', (el, { schedule, scenario }) => drawShiftGantt(el, schedule, scenario.day.open, scenario.day.close)],
  ['shift-coverage', (el, { schedule, scenario }) => drawCoverageChart(el, schedule, scenario.intervalMinutes)],
];

/** What the schedule shown is of, when not of the scenario as it is now. */
function staleness(solved: Solved | null, now: Scenario, running: boolean): string | null {
  if (!solved || JSON.stringify(solved.scenario) === JSON.stringify(now)) return null;
  return `This schedule is of the scenario before your last change${running ? '; the new one is being solved' : ''}.`;
}

/** The Shifts page: the templates, the solve's status, the schedule with its exports, and d3 charts in elements d3 owns. */
export function ShiftsPage({ state }: { state: ShiftsState }) {
  const read = state.read.value;
  const drafts = state.drafts.value;
  const solved = state.solved.value;
  const steps = state.steps.value;
  const running = state.running.value;
  const scenario = read.ok ? read.scenario : null;
  return (
    <div class="shifts-layout">
      <section class="panel" aria-label="Shift templates">
        <h1>{scenario ? `Shifts for ${scenario.name}` : 'Shifts'}</h1>
        {scenario ? <p class="lede">{intro(scenario)}</p> : <p class="error">{read.ok ? '' : read.error}</p>}
        {scenario && <TemplateTable state={state} scenario={scenario} drafts={drafts} />}
        <SolveControls state={state} />
      </section>
      <ScheduleSummary solved={solved} stale={scenario && staleness(solved, scenario, running)} />
      <ChartFigures charts={CHARTS} data={solved} />
      <Mount
        tag="figure"
        id="trade-off"
        className="panel chart"
        deps={[steps]}
        draw={(el) => {
          el.hidden = steps.length === 0;
          if (steps.length > 0 && solved) drawTradeOff(el, steps, solved.scenario.targets.answerRate);
          else el.replaceChildren();
        }}
      />
    </div>
  );
}
