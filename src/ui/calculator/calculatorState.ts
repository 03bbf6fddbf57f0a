import { computed, effect, signal } from '@preact/signals';
import { calculate } from '../../erlang';
import { readInput, STORAGE_KEY, type Stored } from './fields';

function load(storage: Storage): Stored {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Stored) : {};
  } catch {
    return {};
  }
}

/** The calculator in signals: the texts as typed (kept in localStorage), what they read as, and both models' answers. */
export function calculatorState(storage: Storage) {
  const texts = signal<Stored>(load(storage));
  const read = computed(() => readInput(texts.value));
  const result = computed(() => {
    const { input } = read.value;
    return input ? { input, answer: calculate(input) } : null;
  });
  effect(() => storage.setItem(STORAGE_KEY, JSON.stringify(texts.value)));
  const type = (id: string, text: string) => {
    texts.value = { ...texts.value, [id]: text };
  };
  return { texts, read, result, type };
}

export type CalculatorState = ReturnType<typeof calculatorState>;
