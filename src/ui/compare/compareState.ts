import { computed, signal } from '@preact/signals';
import { planDay } from '../../plan';
import { type ComparedScenario, compareScenarios } from '../../report/compare';
import { parseScenario, scenarioVersion } from '../../scenario';
import { EXAMPLES } from '../examples';
import type { SavedScenario } from '../state/savedScenario';

export const MAX_COMPARED = 4;

export type Choice = Pick<SavedScenario, 'id' | 'raw' | 'simulation'>;

/**
 * The comparison in signals: the scenarios to choose from (saved ones first,
 * then the bundled examples), which are ticked, and their plans with the
 * simulated figures where a scenario was simulated in its current version.
 */
export function compareState(saved: SavedScenario[]) {
  const choices: Choice[] = [...saved, ...[...EXAMPLES].map(([file, raw]) => ({ id: `example-${file}`, raw }))];
  // With fewer than two saved, two examples start ticked.
  const ticked = signal(
    saved.length >= 2
      ? saved.slice(0, 2).map((s) => s.id)
      : ['example-black-friday-no-callbacks.json', 'example-black-friday-callbacks.json'],
  );
  const compared = computed(() => {
    const picked = choices.filter((c) => ticked.value.includes(c.id));
    const scenarios: ComparedScenario[] = [];
    const invalid: string[] = [];
    for (const s of picked) {
      const parsed = parseScenario(s.raw);
      if (!parsed.ok) {
        invalid.push(String(s.raw.name ?? s.id));
        continue;
      }
      const simulation = s.simulation?.version === scenarioVersion(s.raw) ? s.simulation.result : null;
      scenarios.push({ name: parsed.scenario.name, scenario: parsed.scenario, plan: planDay(parsed.scenario), simulation });
    }
    return { picked: picked.length, scenarios, invalid, rows: scenarios.length >= 2 ? compareScenarios(scenarios) : [] };
  });
  const toggle = (id: string, on: boolean) => {
    ticked.value = on ? [...ticked.value, id] : ticked.value.filter((t) => t !== id);
  };
  return { choices, ticked, compared, toggle };
}

export type CompareState = ReturnType<typeof compareState>;
