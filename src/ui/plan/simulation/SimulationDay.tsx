import type { DayPlan } from '../../../plan';
import { simulationDay } from '../../../report/simulation';
import { formatCell } from '../../../report/terminal';
import type { SimulationResult } from '../../../sim';

/**
 * The simulated day (mean ± 95% CI half-width over the replications) beside the analytic plan,
 * from the report's columns; a plan figure outside the simulation's interval is flagged.
 */
export function SimulationDay({ result, plan }: { result: SimulationResult; plan: DayPlan }) {
  return (
    <table class="metrics" id="simulation-day">
      {/* elementtiming: the bench reads when the simulated day is first painted, the end of a run */}
      <caption elementtiming="simulation">{`The day: simulation (mean ±95% CI half-width over ${result.replications} replications) beside the analytic plan`}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Simulation</th>
          <th scope="col">Analytic plan</th>
        </tr>
      </thead>
      <tbody>
        {simulationDay(plan, result).map((f) => (
          <tr key={f.key} class={f.outside ? 'outside' : undefined}>
            <th scope="row">
              {f.label}
              <small>{f.definition}</small>
            </th>
            <td>{formatCell(f.simulated, f.unit)}</td>
            <td>
              {f.plan === null ? 'not in the plan' : formatCell(f.plan, f.unit)}
              {f.outside && <small class="flag"> outside the 95% interval (why: below)</small>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
