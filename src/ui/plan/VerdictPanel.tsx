import { useMemo } from 'preact/hooks';
import type { DayPlan } from '../../plan';
import { simulationFigures, verdict } from '../../plan/verdict';
import { checkLine } from '../../report/verdict';
import type { Scenario } from '../../scenario';
import type { SavedSimulation } from './simulation/saved';

interface VerdictProps {
  scenario: Scenario;
  plan: DayPlan;
  /** the simulation of the version planned, if any: its verdict replaces the plan's */
  simulation: SavedSimulation | null;
}

/**
 * The answer first: does the day meet its targets, each target against its figure (pass or
 * fail, by how much), and where the staffing falls short. The same lines `wfm plan` (and, once
 * simulated, `wfm simulate`) prints at its head.
 */
export function VerdictPanel({ scenario, plan, simulation }: VerdictProps) {
  const simulated = simulation && !simulation.stale ? simulation.result : null;
  const [v, analytic] = useMemo(
    () => [verdict(scenario, plan, simulated && simulationFigures(simulated)), simulated && verdict(scenario, plan)],
    [scenario, plan, simulated],
  );
  return (
    <section class={`panel verdict ${v.meets ? 'meets' : 'misses'}`} id="verdict" aria-label="Verdict" aria-live="polite">
      <h2 id="verdict-head">{`Verdict (${v.source}): ${v.summary[0]}`}</h2>
      <ul id="verdict-checks">
        {v.checks.map((c) => (
          <li key={c.key} class={c.meets ? 'pass' : 'fail'}>
            <strong class="badge">{c.meets ? 'Pass' : 'Fail'}</strong> <span class="check">{checkLine(c)}</span>
          </li>
        ))}
      </ul>
      {v.summary.slice(1).map((line) => (
        <p class={v.staffing.shortIntervals > 0 ? 'staffing short' : 'staffing'} key={line}>
          {line}
        </p>
      ))}
      <p class="note">
        {simulated
          ? `"Meets" means the target holds with 95% confidence over ${simulated.replications} replications (the lower end of its interval for an "at least" target, the upper end for an "at most" one). By the analytic plan: ${analytic?.summary[0]}`
          : 'From the analytic plan (each interval in steady state). Simulate the day to judge the targets with queues carried over, redials and callbacks.'}
      </p>
    </section>
  );
}
