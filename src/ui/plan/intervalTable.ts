import { formatSeconds, formatShare } from '../../format/number';
import type { DayPlan } from '../../plan';
import { planCsv, planTable, simulationTable } from '../../report/csv';
import { xlsx } from '../../report/xlsx';
import { setAgents } from '../../scenario';
import type { SimulationResult } from '../../sim';
import { element } from '../dom';
import { download, fileSlug } from '../download';
import type { Session } from '../state/session';

type Interval = DayPlan['intervals'][number];
const count = (x: number | null) => (x === null ? '—' : (Math.round(x) + 0).toLocaleString('en-US'));

const COLUMNS: [string, (x: Interval) => string][] = [
  ['Start', (x) => x.start],
  ['Calls', (x) => count(x.attempts)],
  ['Blocked', (x) => count(x.blocked)],
  ['Self-served', (x) => count(x.contained)],
  ['To agents', (x) => count(x.toAgents)],
  ['Callbacks', (x) => count(x.callbacksRequested)],
  ['Agents', (x) => count(x.agents)],
  ['Req. C', (x) => count(x.requiredC)],
  ['Req. A', (x) => count(x.requiredA)],
  ['SL', (x) => formatShare(x.serviceLevel, 1)],
  ['Answer rate', (x) => formatShare(x.answerRate, 1)],
  ['ASA', (x) => formatSeconds(x.asa, 0)],
  ['Occupancy', (x) => formatShare(x.occupancyAll, 1)],
];
const AGENTS_COLUMN = 6;

/** The draft key of one interval's agents cell. */
export const agentsPath = (index: number) => `staffing.agents[${index}]`;

/**
 * The interval table. Rows are built once per day grid and then updated in
 * place, so an agents cell being typed in keeps its focus and caret. With
 * per-interval staffing the Agents cells are inputs; a value that is not a
 * whole number of agents stays in its cell, marked, with the message below.
 */
export function intervalTable(section: HTMLElement, session: Session) {
  let name = '';
  let plan: DayPlan | null = null;
  let simulated: () => SimulationResult | null = () => null;
  let grid = '';
  const message = element('p', { className: 'error', id: 'agents-error' });
  message.setAttribute('aria-live', 'polite');
  const body = element('tbody');
  const exportButton = element('button', { type: 'button', id: 'export-plan-csv', textContent: 'Download the plan (CSV)' });
  exportButton.addEventListener('click', () => plan && download(`${fileSlug(name)}-plan.csv`, planCsv(name, plan), 'text/csv'));
  const workbookButton = element('button', { type: 'button', id: 'export-plan-xlsx', textContent: 'Plan and simulation (XLSX)' });
  workbookButton.addEventListener('click', () => {
    if (!plan) return;
    const sim = simulated();
    const sheets = [
      { name: 'Plan', table: planTable(name, plan) },
      ...(sim ? [{ name: 'Simulation', table: simulationTable(sim) }] : []),
    ];
    download(
      `${fileSlug(name)}.xlsx`,
      xlsx(sheets.map((s) => ({ name: s.name, rows: [s.table.header, ...s.table.rows] }))),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });
  section.replaceChildren(
    element('div', { className: 'actions' }, [exportButton, workbookButton]),
    message,
    element('div', { className: 'table-scroll' }, [
      element('table', { className: 'plan-table' }, [
        element('caption', { textContent: 'Interval plan (calls = first attempts + redials; Req. = agents the targets need)' }),
        element('thead', {}, [
          element(
            'tr',
            {},
            COLUMNS.map(([label]) => element('th', { scope: 'col', textContent: label })),
          ),
        ]),
        body,
      ]),
    ]),
  );
  body.addEventListener('input', (e) => {
    const input = e.target as HTMLInputElement;
    const index = Number(input.dataset.index);
    const { id, raw } = session.current();
    const text = input.value.trim();
    const result = setAgents(raw, index, text === '' ? Number.NaN : Number(text));
    const key = `${id}|${agentsPath(index)}`;
    const label = `Agents from ${plan?.intervals[index]?.start ?? ''}`;
    if (result.ok) session.drafts.delete(key);
    else
      session.drafts.set(key, {
        text: input.value,
        message: `${label}: must be a whole number from 0 to 100000 (agents), got "${input.value}"`,
      });
    input.setAttribute('aria-invalid', result.ok ? 'false' : 'true');
    message.textContent = session.drafts.get(key)?.message ?? '';
    session.commit(result, agentsPath(index));
  });
  body.addEventListener('focusout', () => session.seal());

  const cell = (x: Interval, c: number, agents: number[] | null): HTMLElement => {
    if (c !== AGENTS_COLUMN || !agents) return element(c === 0 ? 'th' : 'td', { textContent: COLUMNS[c][1](x) });
    const input = element('input', { type: 'text', inputMode: 'numeric', className: 'agents-input', id: `agents-${x.index}` });
    input.dataset.index = String(x.index);
    input.setAttribute('aria-label', `Agents from ${x.start}`);
    input.setAttribute('aria-describedby', message.id);
    return element('td', {}, [input]);
  };

  return {
    update(next: { name: string; plan: DayPlan; agents: number[] | null; simulated: () => SimulationResult | null }): void {
      ({ name, plan, simulated } = next);
      const { id } = session.current();
      const shape = `${next.agents ? 'edit' : 'read'}:${next.plan.intervals.map((x) => x.start).join()}`;
      if (shape !== grid) {
        grid = shape;
        body.replaceChildren(
          ...next.plan.intervals.map((x) =>
            element(
              'tr',
              {},
              COLUMNS.map((_, c) => cell(x, c, next.agents)),
            ),
          ),
        );
      }
      next.plan.intervals.forEach((x, i) => {
        const row = body.rows[i];
        row.className = x.requiredA !== null && x.agents < x.requiredA ? 'short' : '';
        COLUMNS.forEach(([, value], c) => {
          const td = row.cells[c];
          const input = td.querySelector('input');
          if (!input) td.textContent = value(x);
          else if (document.activeElement !== input) {
            const draft = session.drafts.get(`${id}|${agentsPath(i)}`);
            input.value = draft?.text ?? String(next.agents?.[i] ?? '');
            input.setAttribute('aria-invalid', draft ? 'true' : 'false');
          }
        });
      });
    },
    /** The table of another scenario, or of none: the next update rebuilds it. */
    clear(): void {
      grid = '';
      plan = null;
      body.replaceChildren();
      message.textContent = '';
    },
  };
}
