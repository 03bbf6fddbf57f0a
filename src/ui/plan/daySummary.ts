import { formatSeconds, formatShare } from '../../format/number';
import type { DayPlan } from '../../plan';
import { element } from '../dom';

const count = (x: number | null) => (x === null ? '—' : (Math.round(x) + 0).toLocaleString('en-US'));

export const summaryTitle = (name: string) => `${name}: the day by the analytic plan`;

/** The day's totals by the analytic plan, as cards with their definitions. */
export function renderSummary(section: HTMLElement, name: string, plan: DayPlan): void {
  const t = plan.totals;
  const card = (label: string, value: string, note: string) =>
    element('div', { className: 'card' }, [
      element('h3', { textContent: label }),
      element('div', { className: 'big', textContent: value }),
      element('p', { textContent: note }),
    ]);
  section.replaceChildren(
    element('h2', { textContent: summaryTitle(name) }),
    element('p', {
      className: 'lede',
      textContent:
        'What you are looking at: the day interval by interval as Erlang planning sees it — demand, busy signals, self-service, callbacks, and the agents each interval needs against the agents you have. Change any input on the left and the plan follows. Then simulate the day to see how it really goes, queues carried over and callers redialling included.',
    }),
    element('div', { className: 'cards four' }, [
      card('Answer rate', formatShare(t.answerRate, 1), `answered ÷ (answered + abandoned); ${count(t.abandoned)} abandoned`),
      card('Service level', formatShare(t.serviceLevel, 1), plan.slFormula),
      card(
        'Handled rate',
        formatShare(t.handledRate, 1),
        `(answered + callbacks completed) ÷ (offered + blocked); ${count(t.blocked)} busy signals`,
      ),
      card('Paid hours', count(t.paidHours), `as staffed; ${count(t.requiredPaidHours)} h for the Erlang A requirement`),
    ]),
    element('p', {
      className: 'note',
      textContent: `${count(t.calls)} first attempts + ${count(t.redials)} redials; ${count(t.contained)} self-served in the IVR; ${count(t.callbacksRequested)} callbacks requested, ${count(t.callbacksCompleted)} completed; ASA ${formatSeconds(t.asa, 1)}; occupancy ${formatShare(t.occupancy, 1)}.`,
    }),
    ...plan.notes.map((n) => element('p', { className: 'note', textContent: n })),
  );
}
