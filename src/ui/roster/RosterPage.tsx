import { checkStepLine } from '../../report/schedule';
import { formatScenarioError } from '../../scenario';
import { type Chart, ChartFigures } from '../ChartFigures';
import { ErrorList } from '../plan/ErrorList';
import { Quarantine } from '../plan/library/Quarantine';
import { drawWeekCoverageChart } from '../shifts/coverageChart';
import { StatusLine } from '../shifts/SolveControls';
import { AgentTable } from './AgentTable';
import { ContractTable } from './ContractTable';
import { RosterResult } from './RosterResult';
import type { Rostered, RosterState } from './rosterState';
import { WeekActions } from './WeekActions';

const INTRO =
  'Shifts for named people over the whole week: the cover of every interval at the fewest paid hours (HiGHS, in your browser), then each shift given to a person within their availability and contract. Each change re-rosters, and people keep the shifts they had wherever the new cover allows.';

const CHARTS: Chart<Rostered>[] = [['roster-coverage', (el, { roster }) => drawWeekCoverageChart(el, roster)]];

/** The Roster page: the week's contracts and people, edited in place, and the roster of the last valid week. */
export function RosterPage({ state }: { state: RosterState }) {
  const check = state.check.value;
  const errors = check.ok ? [] : check.errors;
  const status = state.status.value;
  const running = status.kind === 'running';
  const rostered = state.rostered.value;
  const steps = state.steps.value;
  const name = typeof state.draft.value.week.name === 'string' ? state.draft.value.week.name : 'the week';
  return (
    <div class="roster-layout">
      <section class="panel" aria-label="Week">
        <h1>{`Roster for ${name}`}</h1>
        <p class="lede">{INTRO}</p>
        <WeekActions state={state} />
        <p class="note" id="week-saved" role="status">
          {state.saveNote.value}
        </p>
        <Quarantine
          records={state.setAside.value.map(({ key, text, error }) => ({ key, value: text, error }))}
          remove={state.deleteSetAside}
          downloaded={state.releaseSaving}
        />
        {errors.length > 0 && <ErrorList id="week-errors" messages={errors.map(formatScenarioError)} />}
        <ContractTable state={state} errors={errors} />
        <AgentTable state={state} errors={errors} />
        <div class="actions">
          <button type="button" id="roster-solve" class="primary" disabled={running || !check.ok} onClick={state.solve}>
            Roster again
          </button>
          <button
            type="button"
            id="roster-check"
            disabled={running || !check.ok || rostered === null}
            onClick={state.checkBySimulation}
          >
            Check by simulation
          </button>
          <button type="button" id="roster-cancel" disabled={!running} onClick={state.cancel}>
            Cancel
          </button>
        </div>
        <StatusLine id="roster-status" status={status} />
        {running && steps.length > 0 && (
          <p class="note" id="roster-check-progress">
            {`Step ${steps.length}: ${checkStepLine(steps[steps.length - 1]).replace(/^checked: /, '')}`}
          </p>
        )}
      </section>
      <RosterResult rostered={rostered} stale={rostered !== null && rostered.draft !== state.draft.value} />
      <ChartFigures charts={CHARTS} data={rostered} />
    </div>
  );
}
