import { computed, signal } from '@preact/signals';
import { proxy } from 'comlink';
import { planDay } from '../../plan';
import { formatScenarioError, parseScenario, type Scenario, type ShiftTemplate } from '../../scenario';
import { defaultTemplates, type RepairStep, type Schedule, shiftRequirement } from '../../schedule';
import { CHECK_LENGTH } from '../../schedule/checkLength';
import type { Change, Session } from '../state/session';
import { type ScheduleJob, scheduleJob } from './scheduleJob';
import { starterTemplate } from './starterTemplate';
import { checkedText, solvedText, stoppedStatus } from './statusText';

/** Typing re-solves once it pauses this long: each solve starts a worker and HiGHS. */
const RESOLVE_DELAY_MS = 400;

export type Status = { kind: 'running'; label: string; seconds: number } | { kind: 'idle'; text: string; error?: boolean };
export type Solved = { scenario: Scenario; schedule: Schedule };

type Read = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** The open scenario as parsed (the page never reads raw JSON), or why it cannot be read. */
function readRecord(raw: unknown): Read {
  const parsed = parseScenario(raw);
  return parsed.ok
    ? { ok: true, scenario: parsed.scenario }
    : { ok: false, error: `This scenario cannot be scheduled: ${parsed.errors.map(formatScenarioError).join('; ')}` };
}

/** The scenario and the requirement its shifts cover, or why there is nothing to solve. */
function solvable(r: Read, shown: ShiftTemplate[]): { scenario: Scenario; requirement: number[] } | string {
  if (!r.ok) return r.error;
  if (shown.length === 0)
    return `Nothing to solve: no standard shift fits this day${starterTemplate(r.scenario) ? '; add a template' : ', and every shift is at least 1 hour long'}.`;
  try {
    return { scenario: r.scenario, requirement: shiftRequirement(r.scenario, planDay(r.scenario)) };
  } catch (error) {
    return `The plan could not be computed, so neither can its shifts: ${error instanceof Error ? error.message : String(error)}`;
  }
}
/**
 * The Shifts page in signals: the open scenario as parsed, its templates (its
 * own, or the standard ones), the solve or check in progress in a worker, its
 * status, the last schedule found (kept while the next one is solved or when
 * it fails) and the check's steps. Edits re-solve, debounced while typing.
 */
export function shiftsState(session: Session) {
  const record = signal(session.current());
  const drafts = signal(0);
  const read = computed(() => readRecord(record.value.raw));
  const templates = computed(() => {
    const r = read.value;
    const own = r.ok ? (r.scenario.shifts?.templates ?? null) : null;
    return { own, shown: own ?? (r.ok ? defaultTemplates(r.scenario) : []) };
  });
  const status = signal<Status>({ kind: 'idle', text: '' });
  const running = computed(() => status.value.kind === 'running');
  const solved = signal<Solved | null>(null);
  const steps = signal<RepairStep[]>([]);
  let job: ScheduleJob<unknown> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = <T>(
    label: string,
    start: (s: Scenario, requirement: number[]) => ScheduleJob<T>,
    done: (s: Scenario, v: T) => void,
  ) => {
    clearTimeout(timer);
    const previous = job;
    job = null;
    previous?.cancel();
    const work = solvable(read.value, templates.value.shown);
    if (typeof work === 'string') {
      status.value = { kind: 'idle', text: work, error: true };
      return;
    }
    status.value = { kind: 'running', label, seconds: 0 };
    const mine = start(work.scenario, work.requirement);
    job = mine;
    mine.result.then(
      (value) => {
        if (job !== mine) return;
        job = null;
        done(work.scenario, value);
      },
      (error: unknown) => {
        if (job !== mine) return;
        job = null;
        status.value = stoppedStatus(error);
      },
    );
  };
  const tick = (label: string) => (seconds: number) => {
    status.value = { kind: 'running', label, seconds };
  };

  const solve = () => {
    steps.value = [];
    run(
      'Solving',
      (s, req) => scheduleJob((w) => w.solve(s, req), tick('Solving')),
      (scenario, schedule) => {
        solved.value = { scenario, schedule };
        status.value = { kind: 'idle', text: solvedText(schedule) };
      },
    );
  };
  const check = () => {
    steps.value = [];
    const onStep = proxy((step: RepairStep) => {
      steps.value = [...steps.value, step];
    });
    const label = 'Checking by simulation';
    run(
      label,
      (s, req) => scheduleJob((w) => w.check(s, req, CHECK_LENGTH.replications, CHECK_LENGTH.maxSteps, onStep), tick(label)),
      (scenario, r) => {
        solved.value = { scenario, schedule: r.schedule };
        steps.value = r.steps;
        status.value = { kind: 'idle', text: checkedText(r) };
      },
    );
  };
  const cancel = () => job?.cancel();

  session.subscribe((change: Change) => {
    record.value = session.current();
    drafts.value++;
    if (change.kind === 'open') solved.value = null;
    if (change.kind === 'open' || change.kind === 'external') solve();
    else if (change.kind === 'edit') {
      clearTimeout(timer);
      if (change.field) timer = setTimeout(solve, RESOLVE_DELAY_MS);
      else solve();
    }
  });
  return { session, record, read, templates, drafts, status, running, solved, steps, solve, check, cancel };
}

export type ShiftsState = ReturnType<typeof shiftsState>;
