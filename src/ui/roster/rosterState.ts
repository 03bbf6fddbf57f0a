import { computed, signal } from '@preact/signals';
import { proxy, type Remote } from 'comlink';
import { rosterCsv } from '../../report/roster';
import { finalCheckLine } from '../../report/schedule';
import type { ScenarioError } from '../../scenario';
import type { Json } from '../../scenario/edit';
import { AGENT_COLUMNS, checkWeek, type WeekDraft } from '../../scenario/weekEdit';
import { CHECK_LENGTH } from '../../schedule/checkLength';
import type { FinalCheck, RepairStep } from '../../schedule/repair';
import type { Roster } from '../../schedule/roster';
import type { RosterWorkerApi } from '../../schedule/rosterWorkerApi';
import { EXAMPLES } from '../examples';
import { type ScheduleJob, workerJob } from '../shifts/scheduleJob';
import type { Status } from '../shifts/shiftsState';
import { stoppedStatus } from '../shifts/statusText';
import { undoHistory } from '../state/history';
import { bundledWeek } from './bundledWeek';
import { readSavedWeek, type SetAside, saveWeek, setAsideWeek, setAsideWeeks, WEEK_KEY } from './savedWeek';

/** Edits re-roster once typing pauses this long: a roster takes seconds. */
const RESOLVE_DELAY_MS = 800;

/** The week's base scenario: its own object, or a scenario bundled with the app by file name. */
export function baseOf(week: Json): { ok: true; base: unknown } | { ok: false; error: ScenarioError } {
  const base = week.base;
  if (typeof base === 'object' && base !== null) return { ok: true, base };
  const file = typeof base === 'string' ? (base.split('/').pop() ?? '') : '';
  const bundled = EXAMPLES.get(file);
  if (bundled) return { ok: true, base: bundled };
  const named = typeof base === 'string' ? `the app has no scenario "${base.slice(0, 80)}"` : 'required';
  return {
    ok: false,
    error: {
      path: 'base',
      message: `${named}; name a bundled one (${[...EXAMPLES.keys()].join(', ')}) or put the scenario object in the week file`,
    },
  };
}

/** A draft checked as the page checks it: its base found, then the week and its people. */
export function checkDraft(draft: WeekDraft, base = baseOf(draft.week)) {
  return base.ok ? checkWeek(draft, base.base) : { ok: false as const, errors: [base.error] };
}

export interface Rostered {
  draft: WeekDraft;
  roster: Roster;
  /** shifts the person had in the roster before, by template and start; null on a first roster */
  kept: { same: number; before: number } | null;
  /** the check by simulation that chose this roster, if one did */
  check: { steps: RepairStep[]; finalCheck: FinalCheck } | null;
}

/** How many of `before`'s shifts the same person still has at the same start and template. */
function keptFrom(before: Roster, after: Roster): { same: number; before: number } {
  const now = new Map(after.agents.map((a) => [a.agent, new Set(a.shifts.map((s) => `${s.template}@${s.start}`))]));
  let same = 0;
  let total = 0;
  for (const a of before.agents)
    for (const s of a.shifts) {
      total++;
      if (now.get(a.agent)?.has(`${s.template}@${s.start}`)) same++;
    }
  return { same, before: total };
}

/**
 * The Roster page in signals: the week as drafted (saved in this browser on
 * every edit, undoable), what is wrong with it, the roster in progress in a
 * worker and the last one found. A re-roster hands the last roster to the
 * solver, so people keep the shifts they had where the new cover allows.
 */
export function rosterState(storage: Storage, openScenario: () => Json) {
  const { draft: saved, unreadable } = readSavedWeek(storage);
  const draft = signal<WeekDraft>(saved ?? bundledWeek());
  const saveNote = signal<string>(saved ? 'Your week, as saved in this browser.' : 'The bundled Christmas week 2026.');
  // What was stored but is not a week is kept aside, never opened; while only this tab holds it, edits are not
  // saved over it.
  const fresh = unreadable === null ? null : setAsideWeek(storage, unreadable, Date.now());
  const setAside = signal<SetAside[]>(
    fresh && !fresh.lasts ? [...setAsideWeeks(storage).filter((s) => s.key !== fresh.key), fresh] : setAsideWeeks(storage),
  );
  let holdSaving = fresh !== null && !fresh.lasts;
  if (fresh)
    saveNote.value = holdSaving
      ? 'The week saved in this browser could not be read, and storage refused to keep it aside: download or delete it below before your edits are saved over it. The bundled week is shown.'
      : 'The week saved in this browser could not be read; it is kept aside below (download or delete it), and the bundled week is shown.';
  // Once the planner has the unreadable week (downloaded) or has let it go (deleted), edits are saved again.
  const releaseSaving = () => {
    if (!holdSaving) return;
    holdSaving = false;
    saveNote.value = saveWeek(storage, draft.value);
  };
  const deleteSetAside = (key: string) => {
    storage.removeItem(key);
    setAside.value = setAside.value.filter((s) => s.key !== key);
    releaseSaving();
  };
  const canUndo = signal(false);
  const canRedo = signal(false);
  const history = undoHistory<WeekDraft>(undefined, () => {
    canUndo.value = history.canUndo();
    canRedo.value = history.canRedo();
  });
  const base = computed(() => baseOf(draft.value.week));
  const check = computed(() => checkDraft(draft.value, base.value));
  const status = signal<Status>({ kind: 'idle', text: '' });
  const running = computed(() => status.value.kind === 'running');
  const rostered = signal<Rostered | null>(null);
  /** the steps of a check by simulation as they arrive */
  const steps = signal<RepairStep[]>([]);
  let job: ScheduleJob<unknown> | null = null;
  /** whether the job running is a check by simulation */
  let checking = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Runs `work` on the week as it is now in a fresh roster worker, then `done` with the answer, unless replaced. */
  const run = <T>(
    label: string,
    work: (w: Remote<RosterWorkerApi>, week: Json, base: unknown, agents: string[][], previous: string | null) => Promise<T>,
    done: (now: WeekDraft, last: Roster | null, answer: T) => void,
  ) => {
    clearTimeout(timer);
    const previous = job;
    job = null;
    previous?.cancel();
    // A check replaced by a re-roster (an edit while it ran) is said to have stopped, its steps gone with it.
    const stoppedCheck = previous !== null && checking;
    checking = false;
    steps.value = [];
    const b = base.value;
    if (!check.value.ok || !b.ok) {
      status.value = { kind: 'idle', text: 'Nothing rostered: the week has errors (listed above).', error: true };
      return;
    }
    const now = draft.value;
    const last = rostered.value?.roster ?? null;
    status.value = { kind: 'running', label, seconds: 0 };
    const mine = workerJob<RosterWorkerApi, T>(
      () => new Worker(new URL('../../../workers/roster.worker.ts', import.meta.url), { type: 'module' }),
      (w) => work(w, now.week, b.base, [[...AGENT_COLUMNS], ...now.agents], last && rosterCsv(last).shifts),
      (seconds) => {
        status.value = { kind: 'running', label, seconds };
      },
    );
    job = mine;
    mine.result.then(
      (answer) => {
        if (job !== mine) return;
        job = null;
        checking = false;
        done(now, last, answer);
        if (stoppedCheck && status.value.kind === 'idle')
          status.value = {
            ...status.value,
            text: `${status.value.text} The check by simulation was stopped by your edit; check again when you are ready.`,
          };
      },
      (error: unknown) => {
        if (job !== mine) return;
        job = null;
        checking = false;
        status.value = stoppedStatus(error, 'the week and the last roster');
      },
    );
  };

  const solve = () =>
    run(
      'Rostering',
      (w, ...input) => w.roster(...input),
      (now, last, roster) => {
        rostered.value = { draft: now, roster, kept: last && keptFrom(last, roster), check: null };
        status.value = { kind: 'idle', text: 'Rostered.' };
      },
    );

  /** The week rostered again and checked by simulation, step by step (as `wfm roster --check`). */
  const checkBySimulation = () => {
    const onStep = proxy((step: RepairStep) => {
      steps.value = [...steps.value, step];
    });
    run(
      'Checking by simulation',
      (w, ...input) => w.check(...input, CHECK_LENGTH.replications, CHECK_LENGTH.maxSteps, onStep),
      (now, last, { roster, steps: all, finalCheck }) => {
        rostered.value = { draft: now, roster, kept: last && keptFrom(last, roster), check: { steps: all, finalCheck } };
        status.value = { kind: 'idle', text: `Checked. ${finalCheckLine(finalCheck, 'roster')}` };
      },
    );
    checking = job !== null;
  };

  const persist = (next: WeekDraft) => {
    draft.value = next;
    saveNote.value = holdSaving
      ? 'Not saved yet: download or delete the unreadable week below first, so that saving cannot overwrite it.'
      : saveWeek(storage, next);
    clearTimeout(timer);
    if (check.value.ok) timer = setTimeout(solve, RESOLVE_DELAY_MS);
  };

  /** One edit; keystrokes in one field make one undo step. */
  const edit = (change: (d: WeekDraft) => WeekDraft, field?: string) => {
    const next = change(draft.value);
    history.record({ key: 'week', before: draft.value, after: next, openBefore: '', field });
    persist(next);
  };
  const undo = () => {
    const step = history.undo();
    if (step?.before) persist(step.before);
  };
  const redo = () => {
    const step = history.redo();
    if (step?.after) persist(step.after);
  };

  // Another tab saved the week: take theirs (ours was saved before it, and stays one undo away).
  const onStorage = (e: StorageEvent) => {
    if (e.key !== WEEK_KEY || e.newValue === null) return;
    const theirs = readSavedWeek(storage).draft;
    if (!theirs) return;
    history.record({ key: 'week', before: draft.value, after: theirs, openBefore: '' });
    draft.value = theirs;
    saveNote.value = 'Another tab changed this week; its version is shown (Undo brings yours back).';
  };
  window.addEventListener('storage', onStorage);

  const cancel = () => job?.cancel();
  const close = () => {
    cancel();
    clearTimeout(timer);
    window.removeEventListener('storage', onStorage);
  };
  return {
    draft,
    saveNote,
    setAside,
    deleteSetAside,
    releaseSaving,
    check,
    status,
    running,
    rostered,
    steps,
    checkBySimulation,
    edit,
    undo,
    redo,
    canUndo,
    canRedo,
    solve,
    cancel,
    close,
    openScenario,
  };
}

export type RosterState = ReturnType<typeof rosterState>;
