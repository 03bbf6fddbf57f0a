import type { ComparedScenario } from '../../report/compare';
import { drawOverlayChart } from '../compareChart';
import { Mount } from '../Mount';
import { ComparisonTable } from './ComparisonTable';
import { type CompareState, MAX_COMPARED } from './compareState';

/** Interval figures of each scenario: simulated where it was simulated in its current version, else the plan's. */
const series = (compared: ComparedScenario[], metric: 'serviceLevel' | 'answerRate') =>
  compared.map((s) => ({
    name: s.name,
    points: s.plan.intervals.map((x, i) => ({
      start: x.start,
      value: s.simulation ? s.simulation.intervals[i].metrics[metric].mean : x[metric],
    })),
  }));

/** Each target the compared scenarios hold for a figure, once per value, naming the scenarios that hold it. */
const targets = (compared: ComparedScenario[], metric: 'serviceLevel' | 'answerRate') => {
  const byValue = new Map<number, string[]>();
  for (const s of compared) {
    const t = s.scenario.targets[metric];
    if (t !== undefined) byValue.set(t, [...(byValue.get(t) ?? []), s.name]);
  }
  return [...byValue].map(([value, names]) => ({ value, names }));
};

const CHARTS: [string, string, 'serviceLevel' | 'answerRate'][] = [
  ['compare-sl', 'Service level by interval', 'serviceLevel'],
  ['compare-answer', 'Answer rate by interval: answered ÷ (answered + abandoned)', 'answerRate'],
];

function Choices({ state }: { state: CompareState }) {
  const ticked = state.ticked.value;
  return (
    <fieldset class="choices">
      <legend>{`Scenarios to compare (2–${MAX_COMPARED})`}</legend>
      {state.choices.map((s) => {
        const on = ticked.includes(s.id);
        return (
          <label class="choice" for={`compare-${s.id}`} key={s.id}>
            <input
              type="checkbox"
              id={`compare-${s.id}`}
              value={s.id}
              checked={on}
              disabled={!on && ticked.length >= MAX_COMPARED}
              onChange={(e) => state.toggle(s.id, (e.currentTarget as HTMLInputElement).checked)}
            />
            {` ${String(s.raw.name ?? s.id)}${s.id.startsWith('example-') ? ' (example)' : ''}`}
          </label>
        );
      })}
    </fieldset>
  );
}

/** The comparison page: pick 2–4 scenarios, read their day figures side by side with deltas, and their intervals overlaid. */
export function ComparePage({ state }: { state: CompareState }) {
  const { picked, scenarios, invalid, rows } = state.compared.value;
  const message =
    picked < 2
      ? 'Pick at least two scenarios.'
      : invalid.length > 0
        ? `Left out, not valid: ${invalid.join(', ')} — fix them in Plan a day.`
        : '';
  const shown = scenarios.length >= 2 ? scenarios : [];
  const chart = (title: string, metric: 'serviceLevel' | 'answerRate') => (el: HTMLElement) =>
    shown.length >= 2 ? drawOverlayChart(el, title, series(shown, metric), targets(shown, metric)) : el.replaceChildren();
  return (
    <div class="layout">
      <section class="panel form" aria-label="Choose scenarios">
        <h1>Compare scenarios</h1>
        <p class="lede">
          Day figures side by side, with each scenario’s difference from the first. Simulated figures are used where a scenario
          was simulated in its current version; otherwise the analytic plan’s.
        </p>
        <Choices state={state} />
        <p class="note" id="compare-message" role="status">
          {message}
        </p>
      </section>
      <div class="outputs">
        <ComparisonTable compared={shown} rows={rows} />
        {CHARTS.map(([id, title, metric]) => (
          <Mount key={id} tag="figure" id={id} className="panel chart" deps={[shown]} draw={chart(title, metric)} />
        ))}
      </div>
    </div>
  );
}
