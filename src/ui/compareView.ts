import { formatSeconds, formatShare } from '../format/number';
import { planDay } from '../plan';
import { type ComparedScenario, type ComparisonRow, compareScenarios } from '../report/compare';
import { toCsv } from '../report/csv';
import { parseScenario, scenarioVersion } from '../scenario';
import { drawOverlayChart, SCENARIO_COLORS } from './compareChart';
import { element } from './dom';
import { download } from './download';
import { EXAMPLES } from './examples';
import type { SavedScenario, ScenarioStore } from './scenarioStore';

const MAX = 4;

/** The comparison page: pick 2–4 saved scenarios, read their day figures side by side with deltas, and their intervals overlaid. */
export async function mountCompare(root: HTMLElement, store: ScenarioStore): Promise<void> {
  // Saved scenarios first, then the bundled examples; with fewer than two saved, two examples start ticked.
  const saved = await store.list();
  const items: Pick<SavedScenario, 'id' | 'raw' | 'simulation'>[] = [
    ...saved,
    ...[...EXAMPLES].map(([file, raw]) => ({ id: `example-${file}`, raw })),
  ];
  const ticked =
    saved.length >= 2
      ? saved.slice(0, 2).map((s) => s.id)
      : ['example-black-friday-no-callbacks.json', 'example-black-friday-callbacks.json'];
  const choices = element('fieldset', { className: 'choices' }, [
    element('legend', { textContent: `Scenarios to compare (2–${MAX})` }),
  ]);
  const boxes = items.map((s) => {
    const box = element('input', { type: 'checkbox', id: `compare-${s.id}`, value: s.id, checked: ticked.includes(s.id) });
    const example = s.id.startsWith('example-') ? ' (example)' : '';
    choices.append(element('label', { htmlFor: box.id, className: 'choice' }, [box, ` ${String(s.raw.name ?? s.id)}${example}`]));
    return box;
  });
  const message = element('p', { className: 'note', id: 'compare-message' });
  message.setAttribute('role', 'status');
  const table = element('section', { className: 'panel', id: 'comparison' });
  const slFigure = element('figure', { className: 'panel chart', id: 'compare-sl' });
  const answerFigure = element('figure', { className: 'panel chart', id: 'compare-answer' });
  root.replaceChildren(
    element('div', { className: 'layout' }, [
      element('section', { className: 'panel form', ariaLabel: 'Choose scenarios' }, [
        element('h1', { textContent: 'Compare scenarios' }),
        element('p', {
          className: 'lede',
          textContent:
            'Day figures side by side, with each scenario’s difference from the first. Simulated figures are used where a scenario was simulated in its current version; otherwise the analytic plan’s.',
        }),
        choices,
        message,
      ]),
      element('div', { className: 'outputs' }, [table, slFigure, answerFigure]),
    ]),
  );

  const render = () => {
    const picked = boxes.filter((b) => b.checked).map((b) => items.find((s) => s.id === b.value) as (typeof items)[number]);
    for (const b of boxes) b.disabled = !b.checked && picked.length >= MAX;
    if (picked.length < 2) {
      message.textContent = 'Pick at least two scenarios.';
      for (const panel of [table, slFigure, answerFigure]) panel.replaceChildren();
      return;
    }
    const compared: ComparedScenario[] = [];
    const invalid: string[] = [];
    for (const s of picked) {
      const parsed = parseScenario(s.raw);
      if (!parsed.ok) {
        invalid.push(String(s.raw.name ?? s.id));
        continue;
      }
      const version = scenarioVersion(s.raw);
      compared.push({
        name: parsed.scenario.name,
        plan: planDay(parsed.scenario),
        simulation: s.simulation?.version === version ? s.simulation.result : null,
      });
    }
    message.textContent = invalid.length > 0 ? `Left out, not valid: ${invalid.join(', ')} — fix them in Plan a day.` : '';
    if (compared.length < 2) return;
    const rows = compareScenarios(compared);
    renderTable(table, compared, rows);
    const series = (pick: (s: ComparedScenario, i: number) => number | null) =>
      compared.map((s) => ({ name: s.name, points: s.plan.intervals.map((x, i) => ({ start: x.start, value: pick(s, i) })) }));
    drawOverlayChart(
      slFigure,
      'Service level by interval',
      series((s, i) => (s.simulation ? s.simulation.intervals[i].metrics.serviceLevel.mean : s.plan.intervals[i].serviceLevel)),
    );
    drawOverlayChart(
      answerFigure,
      'Answer rate by interval: answered ÷ (answered + abandoned)',
      series((s, i) => (s.simulation ? s.simulation.intervals[i].metrics.answerRate.mean : s.plan.intervals[i].answerRate)),
    );
  };
  choices.addEventListener('change', render);
  render();
}

function formatValue(unit: ComparisonRow['unit'], v: number | null): string {
  if (v === null) return '—';
  if (unit === 'share') return formatShare(v, 1);
  if (unit === 'seconds') return formatSeconds(v, 1);
  return `${Math.round(v).toLocaleString('en-US')}${unit === 'hours' ? ' h' : ''}`;
}

function formatDelta(row: ComparisonRow, d: number | null): string {
  if (d === null) return '';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const size = Math.abs(d);
  const text =
    row.unit === 'share'
      ? `${(size * 100).toFixed(1)} pts`
      : row.unit === 'seconds'
        ? `${size.toFixed(1)} s`
        : `${Math.round(size).toLocaleString('en-US')}${row.unit === 'hours' ? ' h' : ''}`;
  return `${sign}${text}`;
}

function renderTable(section: HTMLElement, compared: ComparedScenario[], rows: ComparisonRow[]): void {
  const exportButton = element('button', {
    type: 'button',
    id: 'export-comparison-csv',
    textContent: 'Download the comparison (CSV)',
  });
  exportButton.addEventListener('click', () =>
    download(
      'comparison.csv',
      toCsv(
        ['figure', ...compared.flatMap((s, i) => (i === 0 ? [s.name] : [s.name, `${s.name} − ${compared[0].name}`]))],
        rows.map((r) => [r.label, ...r.values.flatMap((v, i) => (i === 0 ? [v] : [v, r.deltas[i]]))]),
      ),
      'text/csv',
    ),
  );
  const head = element('tr', {}, [
    element('th', { scope: 'col', textContent: 'Figure (for the day)' }),
    ...compared.map((s, i) =>
      element('th', { scope: 'col' }, [
        element('span', { className: 'swatch', style: `background:${SCENARIO_COLORS[i]}` }),
        s.name,
        element('small', { textContent: s.simulation ? ` simulated, ${s.simulation.replications} runs` : ' analytic plan' }),
      ]),
    ),
  ]);
  const body = rows.map((r) =>
    element('tr', {}, [
      element('th', { scope: 'row', textContent: r.label }),
      ...r.values.map((v, i) => {
        const d = r.deltas[i];
        const good = d === null || d === 0 || r.higherIsBetter === null ? '' : d > 0 === r.higherIsBetter ? 'better' : 'worse';
        return element('td', {}, [
          formatValue(r.unit, v),
          d === null ? '' : element('span', { className: `delta ${good}`, textContent: ` ${formatDelta(r, d)}` }),
        ]);
      }),
    ]),
  );
  section.replaceChildren(
    element('div', { className: 'actions' }, [exportButton]),
    element('table', { className: 'metrics comparison' }, [
      element('caption', { textContent: `Differences are from ${compared[0].name}` }),
      element('thead', {}, [head]),
      element('tbody', {}, body),
    ]),
  );
}
