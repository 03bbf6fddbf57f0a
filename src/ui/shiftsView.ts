import { proxy, type Remote, wrap } from 'comlink';
import { strToU8, zipSync } from 'fflate';
import { formatShare } from '../format/number';
import { planDay } from '../plan';
import { toCsv } from '../report/csv';
import { xlsx } from '../report/xlsx';
import { parseScenario, type Scenario, type ShiftTemplate, setTemplates } from '../scenario';
import {
  agentCalendars,
  agentRoster,
  coverageTable,
  defaultTemplates,
  optimality,
  type RepairStep,
  type Schedule,
  type ScheduleWorkerApi,
  shiftRequirement,
} from '../schedule';
import { element } from './dom';
import { download, fileSlug } from './download';
import { fieldMessage } from './plan/form/fieldMessage';
import { drawCoverageChart, drawShiftGantt, drawTradeOff } from './shiftCharts';
import type { Session } from './state/session';

type Column = {
  key: string;
  label: string;
  unit: string;
  read: (t: ShiftTemplate) => string;
  write: (t: ShiftTemplate, text: string) => ShiftTemplate;
};

const number = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? text : Number(text));
const firstBreak = (t: ShiftTemplate) => t.breaks[0];
const withFirstBreak = (t: ShiftTemplate, patch: Partial<ShiftTemplate['breaks'][number]>): ShiftTemplate => {
  const first = firstBreak(t) ?? { minutes: 30, paid: false, earliestAfterMinutes: 0, latestAfterMinutes: 0 };
  return { ...t, breaks: [{ ...first, ...patch } as ShiftTemplate['breaks'][number], ...t.breaks.slice(1)] };
};

/** The template table's columns: each reads and writes one field (a typed value stays as text until it is a number, so validation can name it). */
const COLUMNS: Column[] = [
  { key: 'name', label: 'Template', unit: '', read: (t) => t.name, write: (t, v) => ({ ...t, name: v }) },
  {
    key: 'length',
    label: 'Length',
    unit: 'h',
    read: (t) => String(t.lengthMinutes / 60),
    write: (t, v) => ({
      ...t,
      lengthMinutes: typeof number(v) === 'number' ? Math.round(Number(v) * 60) : (number(v) as number),
    }),
  },
  {
    key: 'earliest',
    label: 'Earliest start',
    unit: '',
    read: (t) => t.earliestStart,
    write: (t, v) => ({ ...t, earliestStart: v }),
  },
  { key: 'latest', label: 'Latest start', unit: '', read: (t) => t.latestStart, write: (t, v) => ({ ...t, latestStart: v }) },
  {
    key: 'break',
    label: 'First break',
    unit: 'min',
    read: (t) => String(firstBreak(t)?.minutes ?? ''),
    write: (t, v) =>
      v.trim() === '' ? { ...t, breaks: t.breaks.slice(1) } : withFirstBreak(t, { minutes: number(v) as number }),
  },
  {
    key: 'breakFrom',
    label: 'from',
    unit: 'min in',
    read: (t) => String(firstBreak(t)?.earliestAfterMinutes ?? ''),
    write: (t, v) => withFirstBreak(t, { earliestAfterMinutes: number(v) as number }),
  },
  {
    key: 'breakTo',
    label: 'to',
    unit: 'min in',
    read: (t) => String(firstBreak(t)?.latestAfterMinutes ?? ''),
    write: (t, v) => withFirstBreak(t, { latestAfterMinutes: number(v) as number }),
  },
  {
    key: 'max',
    label: 'Max agents',
    unit: '',
    read: (t) => (t.maxAgents === undefined ? '' : String(t.maxAgents)),
    write: (t, v) => {
      const { maxAgents: _, ...rest } = t;
      return v.trim() === '' ? rest : { ...rest, maxAgents: number(v) as number };
    },
  },
];

/**
 * The shift view: templates of the current scenario, the optimal shifts that
 * cover its plan (HiGHS in a web worker, re-solved on every edit), a Gantt and
 * coverage chart, a check by simulation with its trade-off curve, and exports.
 */
export async function mountShifts(root: HTMLElement, session: Session): Promise<void> {
  await session.ready();

  const title = element('h1', { textContent: 'Shifts' });
  const intro = element('p', { className: 'lede' });
  const templatesBox = element('div', { className: 'templates', id: 'templates' });
  const errors = element('ul', { className: 'file-errors', id: 'shift-errors' });
  errors.setAttribute('role', 'alert');
  const solveStatus = element('p', { className: 'note', id: 'solve-status' });
  solveStatus.setAttribute('role', 'status');
  const cancel = element('button', { type: 'button', id: 'cancel-solve', textContent: 'Cancel', disabled: true });
  const check = element('button', {
    type: 'button',
    id: 'check-schedule',
    className: 'primary',
    textContent: 'Check by simulation',
  });
  const summary = element('section', { className: 'panel summary', id: 'schedule-summary' });
  const gantt = element('figure', { className: 'panel chart', id: 'shift-gantt' });
  const coverage = element('figure', { className: 'panel chart', id: 'shift-coverage' });
  const tradeOff = element('figure', { className: 'panel chart', id: 'trade-off' });
  root.replaceChildren(
    element('div', { className: 'shifts-layout' }, [
      element('section', { className: 'panel', ariaLabel: 'Shift templates' }, [
        title,
        intro,
        templatesBox,
        errors,
        element('div', { className: 'actions' }, [check, cancel]),
        solveStatus,
      ]),
      summary,
      gantt,
      coverage,
      tradeOff,
    ]),
  );

  let scenario: Scenario | null = null;
  /** Stops the run in progress, if any: its worker, its clock, and its promise. */
  let stopRun: (() => void) | null = null;
  cancel.addEventListener('click', () => {
    if (!stopRun) return;
    stopRun();
    solveStatus.textContent = 'Cancelled; the templates are kept as they are.';
  });

  /** Runs `work` in a fresh worker with a running clock; starting another run, or Cancel, stops it. */
  const run = async <T>(label: string, work: (w: Remote<ScheduleWorkerApi>) => Promise<T>): Promise<T | null> => {
    stopRun?.();
    const worker = new Worker(new URL('../../workers/schedule.worker.ts', import.meta.url), { type: 'module' });
    const started = performance.now();
    const clock = setInterval(() => {
      solveStatus.textContent = `${label}… ${((performance.now() - started) / 1000).toFixed(1)} s`;
    }, 100);
    let stopped: (reason: Error) => void = () => {};
    const stoppedEarly = new Promise<never>((_, reject) => {
      stopped = reject;
    });
    const stop = () => {
      worker.terminate();
      clearInterval(clock);
      cancel.disabled = true;
      stopped(new Error('stopped'));
      if (stopRun === stop) stopRun = null;
    };
    stopRun = stop;
    cancel.disabled = false;
    try {
      return await Promise.race([work(wrap<ScheduleWorkerApi>(worker)), stoppedEarly]);
    } catch (error) {
      if (stopRun === stop)
        solveStatus.textContent = `The solver stopped: ${(error as Error).message}. The templates are kept; try again.`;
      return null;
    } finally {
      if (stopRun === stop) stop();
    }
  };

  /** The scenario's own templates, as parsed (defaults filled in): the page never reads raw JSON. */
  const templates = (): ShiftTemplate[] | null => {
    const parsed = parseScenario(session.current().raw);
    return parsed.ok ? (parsed.scenario.shifts?.templates ?? null) : null;
  };
  const draftKey = (k: number, c: Column) => `${session.current().id}|shifts.templates[${k}].${c.key}`;
  /** Applies an edit of the templates; a refused one leaves the cell's text as a draft with its message. */
  const edit = (next: ShiftTemplate[] | null, draft?: { key: string; text: string }): boolean => {
    const result = session.commit(setTemplates(session.current().raw, next));
    if (draft) {
      if (result.ok) session.drafts.delete(draft.key);
      else session.drafts.set(draft.key, { text: draft.text, message: result.errors.map(templateMessage).join('\n') });
    }
    return result.ok;
  };
  const renderTemplates = () => {
    const own = templates();
    const shown = own ?? (scenario ? defaultTemplates(scenario) : []);
    const table = element('table', { className: 'template-table' }, [
      element('thead', {}, [
        element('tr', {}, [
          ...COLUMNS.map((c) => element('th', { scope: 'col', textContent: c.unit ? `${c.label} (${c.unit})` : c.label })),
          element('th', { scope: 'col', textContent: '' }),
        ]),
      ]),
      element(
        'tbody',
        {},
        shown.map((t, k) =>
          element('tr', {}, [
            ...COLUMNS.map((c) => {
              const draft = own ? session.drafts.get(draftKey(k, c)) : undefined;
              const input = element('input', {
                type: 'text',
                value: draft?.text ?? c.read(t),
                id: `template-${k}-${c.key}`,
                disabled: own === null,
              });
              input.setAttribute('aria-label', `${c.label} of template ${k + 1}`);
              input.setAttribute('aria-invalid', draft ? 'true' : 'false');
              input.addEventListener('change', () => {
                const list = [...(templates() ?? [])];
                list[k] = c.write(list[k], input.value);
                edit(list, { key: draftKey(k, c), text: input.value });
                solve();
              });
              return element('td', {}, [input]);
            }),
            element('td', {}, own === null ? [] : [removeButton(k)]),
          ]),
        ),
      ),
    ]);
    const actions = own
      ? [
          button('add-template', 'Add a template', () =>
            edit([...own, { ...own[own.length - 1], name: `${own[own.length - 1].name} (2)`.slice(0, 60) }]),
          ),
        ]
      : [button('edit-templates', 'Edit these templates', () => edit(shown))];
    templatesBox.replaceChildren(
      element('p', {
        className: 'note',
        textContent: own
          ? 'The scenario’s own templates. Changes re-solve at once.'
          : 'No templates in this scenario: these standard ones are used.',
      }),
      table,
      element('div', { className: 'actions' }, actions),
    );
  };
  const removeButton = (k: number) => {
    const b = element('button', { type: 'button', textContent: 'Remove', id: `remove-template-${k}` });
    b.setAttribute('aria-label', `Remove template ${k + 1}`);
    b.addEventListener('click', () => {
      const list = (templates() ?? []).filter((_, i) => i !== k);
      edit(list.length === 0 ? null : list);
      solve();
    });
    return b;
  };
  const button = (id: string, text: string, action: () => void) => {
    const b = element('button', { type: 'button', id, textContent: text });
    b.addEventListener('click', () => {
      action();
      solve();
    });
    return b;
  };

  const requirement = (s: Scenario) => shiftRequirement(s, planDay(s));

  const solve = async () => {
    const parsed = parseScenario(session.current().raw);
    const prefix = `${session.current().id}|shifts.`;
    errors.replaceChildren(
      ...[...session.drafts].filter(([key]) => key.startsWith(prefix)).map(([, d]) => element('li', { textContent: d.message })),
    );
    if (!parsed.ok) return;
    scenario = parsed.scenario;
    title.textContent = `Shifts for ${scenario.name}`;
    intro.textContent = `Shifts that cover the plan's ${scenario.shifts?.requirement === 'erlangC' ? 'Erlang C' : 'Erlang A'} requirement at the fewest paid hours, after ${formatShare(scenario.shifts?.absenceShrinkage ?? 0.1, 0)} absence shrinkage (breaks are scheduled explicitly). Solved by HiGHS in your browser.`;
    renderTemplates();
    const s = scenario;
    const result = await run('Solving', (w) => w.solve(s, requirement(s)));
    if (!result) return;
    solveStatus.textContent = `Solved: ${optimality(result)}.`;
    renderSchedule(s, result);
  };

  const renderSchedule = (s: Scenario, result: Schedule) => {
    const exportsRow = element('div', { className: 'actions' }, [
      exportButton('export-roster-csv', 'Roster (CSV)', () => {
        const t = agentRoster(result, s.day.date);
        download(`${fileSlug(s.name)}-shifts.csv`, toCsv(t.header, t.rows), 'text/csv');
      }),
      exportButton('export-roster-xlsx', 'Roster and coverage (XLSX)', () => {
        const roster = agentRoster(result, s.day.date);
        const cover = coverageTable(result);
        download(
          `${fileSlug(s.name)}-shifts.xlsx`,
          xlsx([
            { name: 'Shifts', rows: [roster.header, ...roster.rows] },
            { name: 'Coverage', rows: [cover.header, ...cover.rows] },
          ]),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
      }),
      exportButton('export-ics', 'Calendars (ICS, one per agent, zipped)', () => {
        const files = Object.fromEntries(
          agentCalendars(result, s.day.date, s.name).map((c) => [`${c.agent}.ics`, strToU8(c.ics)]),
        );
        download(`${fileSlug(s.name)}-calendars.zip`, zipSync(files), 'application/zip');
      }),
    ]);
    summary.replaceChildren(
      element('h2', {
        textContent: `${result.agents} agents, ${Math.round(result.paidHours).toLocaleString('en-US')} paid hours`,
      }),
      element('p', {
        className: 'note',
        textContent:
          result.shortfalls.length > 0
            ? `Short of the requirement: ${result.shortfalls.join('; ')}.`
            : 'Every interval is covered.',
      }),
      exportsRow,
    );
    drawShiftGantt(gantt, result, s.day.open, s.day.close);
    drawCoverageChart(coverage, result, s.intervalMinutes);
  };
  const exportButton = (id: string, text: string, action: () => void) => {
    const b = element('button', { type: 'button', id, textContent: text });
    b.addEventListener('click', action);
    return b;
  };

  check.addEventListener('click', async () => {
    if (!scenario) return;
    const s = scenario;
    const steps: RepairStep[] = [];
    const result = await run('Checking by simulation', (w) =>
      w.check(
        s,
        requirement(s),
        10,
        6,
        proxy((step: RepairStep) => {
          steps.push(step);
          drawTradeOff(tradeOff, steps, s.targets.answerRate);
        }),
      ),
    );
    if (!result) return;
    const last = result.steps[result.steps.length - 1];
    solveStatus.textContent = last.meetsTargets
      ? `Checked: the targets are met with ${Math.round(last.paidHours)} paid hours (answer rate ${formatShare(last.answerRate.mean, 1)}).`
      : `Checked: the targets are not met within ${result.steps.length} rounds; the curve shows what more hours buy.`;
    renderSchedule(s, result.schedule);
  });

  session.subscribe((change) => {
    if (change.kind === 'open' || change.kind === 'external') void solve();
  });
  await solve();
}

/** "shifts.templates[1].earliestStart: …" as the planner reads it: "Earliest start of template 2: …". */
function templateMessage(message: string): string {
  const at = /^shifts\.templates\[(\d+)\]\.(\w+)(?:\[\d+\]\.\w+)?:/.exec(message);
  if (!at) return fieldMessage(message);
  const names: Record<string, string> = {
    name: 'Name',
    lengthMinutes: 'Length',
    earliestStart: 'Earliest start',
    latestStart: 'Latest start',
    breaks: 'First break',
    maxAgents: 'Max agents',
    minAgents: 'Min agents',
  };
  return `${names[at[2]] ?? at[2]} of template ${Number(at[1]) + 1}${message.slice(at[0].length - 1)}`;
}
