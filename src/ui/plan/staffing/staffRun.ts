import { signal } from '@preact/signals';
import { planDay } from '../../../plan';
import { staffAnalytically, staffBySimulation } from '../../../plan/staffToTarget';
import { callsText, sizeText } from '../../../report/size';
import { staffingChangeLine } from '../../../report/staffing';
import { staffingDifferenceReasons } from '../../../report/verdict';
import type { Scenario } from '../../../scenario';
import { SIMULATED_CALLS_LIMIT, simulationSize } from '../../../sim';
import { runSimulation, SimulationCancelled } from '../../../sim/pool';
import type { Session } from '../../state/session';
import { browserWorkers, spawnWebWorker } from '../../webWorkers';

export type StaffMethod = 'erlangA' | 'erlangC' | 'simulation';

const BY: Record<StaffMethod, string> = { erlangA: 'Erlang A', erlangC: 'Erlang C', simulation: 'simulation' };

/** The suffix a staffed scenario's name carries: replaced, not repeated, when it is staffed again. */
const STAFFED_SUFFIX = / \(staffed by (Erlang A|Erlang C|simulation)\)$/;

/** Rounds the search may take, as `wfm staff` does by default. */
const MAX_ROUNDS = 12;

/**
 * Staffing the open scenario to its targets, as signals: running (with its status), and the
 * report of the last run. The answer is a new saved scenario named after the method, opened
 * through the session, so one Undo removes it and the scenario staffed is never changed.
 */
export function staffRun(session: Session) {
  const running = signal<AbortController | null>(null);
  const status = signal('');
  const report = signal<string[]>([]);

  let busy = false;
  // The record staffed: an edit of it (or another scenario opened) during a run makes the answer stale.
  let from = '';
  const current = () => JSON.stringify([session.current().id, session.current().raw]);
  const save = async (s: Scenario, staffed: Scenario, method: StaffMethod, lines: string[]) => {
    if (current() !== from) {
      report.value = ['The scenario changed while it was being staffed; nothing was created. Staff it again.'];
      return;
    }
    const name = `${s.name.replace(STAFFED_SUFFIX, '')} (staffed by ${BY[method]})`.slice(0, 200);
    const made = await session.create({ ...staffed, name });
    report.value = made.ok ? lines : [`The staffed scenario could not be saved: ${made.errors.join('; ')}`];
  };

  const start = async (s: Scenario, method: StaffMethod) => {
    // A second click before the first answer is saved (a double click) does nothing.
    if (busy) return;
    busy = true;
    from = current();
    try {
      await staff(s, method);
    } finally {
      busy = false;
    }
  };

  const staff = async (s: Scenario, method: StaffMethod) => {
    if (method !== 'simulation') {
      const staffed = staffAnalytically(s, method);
      // Staffed already (a second click, or the answer of an earlier one): no copy of it is made.
      if (staffed.before.agents.join() === staffed.after.agents.join()) {
        // The report of the click that staffed it stays; a note is added.
        const note = `Already the fewest agents per interval meeting the per-interval targets by ${BY[method]}: nothing to change.`;
        report.value = [...report.value.filter((line) => line !== note), note];
        return;
      }
      report.value = [];
      await save(s, staffed.scenario, method, [
        `Staffed to the per-interval targets by ${BY[method]}: ${staffingChangeLine(staffed.before, staffed.after)}.`,
        ...(staffed.kept.length ? [`Kept as staffed (requirement beyond the engine's range): ${staffed.kept.join(', ')}.`] : []),
        'A new scenario; Undo removes it.',
      ]);
      return;
    }
    report.value = [];
    const size = simulationSize(s);
    if (size.calls > SIMULATED_CALLS_LIMIT) {
      status.value = `Each round would simulate ${sizeText(size)}, more than ${callsText(SIMULATED_CALLS_LIMIT)}, for up to ${MAX_ROUNDS} rounds: lower the replications (Simulation) first.`;
      return;
    }
    const abort = new AbortController();
    running.value = abort;
    status.value = 'Round 1: simulating the Erlang A answer…';
    try {
      const simulate = (x: Scenario) =>
        runSimulation(x, spawnWebWorker, {
          replications: x.simulation.replications,
          workers: browserWorkers(),
          signal: abort.signal,
        });
      const staffed = await staffBySimulation(s, simulate, {
        replications: s.simulation.replications,
        seed: s.simulation.seed,
        confidence: 0.95,
        maxRounds: MAX_ROUNDS,
        onRound: (r) => {
          if (current() !== from) abort.abort();
          status.value = `Round ${r.round}: ${r.missing.length} intervals short${r.meets ? ', every target met' : ''}; +${r.added} −${r.removed} agents. Next round…`;
        },
      });
      await save(
        s,
        staffed.scenario,
        method,
        [
          `Staffed by simulation in ${staffed.rounds.length} round${staffed.rounds.length === 1 ? '' : 's'}${staffed.converged ? '' : ` (stopped at ${MAX_ROUNDS} rounds before every target held)`}: from the Erlang A answer, ${staffingChangeLine(staffed.analytic, staffed.after)}.`,
          staffingDifferenceReasons(planDay(staffed.analyticScenario), staffed.differences),
          `Final check on fresh seeds (seed ${staffed.finalCheckSeed}, ${staffed.finalCheckReplications} replications): ${staffed.finalCheck.summary.join(' ')}`,
          'A new scenario; Undo removes it.',
        ].filter((line) => line !== ''),
      );
      status.value = '';
    } catch (error) {
      status.value =
        error instanceof SimulationCancelled
          ? current() !== from
            ? 'Stopped: the scenario changed while it was being staffed; nothing was created. Staff it again.'
            : 'Cancelled; the scenario is unchanged.'
          : error instanceof Error
            ? error.message
            : String(error);
    } finally {
      running.value = null;
    }
  };

  return { running, status, report, start, cancel: () => running.value?.abort() };
}
