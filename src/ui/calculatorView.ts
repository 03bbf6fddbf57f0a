import { h, render } from 'preact';
import { CalculatorPage } from './calculator/CalculatorPage';
import { calculatorState } from './calculator/calculatorState';

/** Mounts the Erlang calculator page (Preact) into a fresh host. */
export function mountCalculator(root: HTMLElement, storage: Storage): void {
  const host = document.createElement('div');
  root.replaceChildren(host);
  render(h(CalculatorPage, { state: calculatorState(storage) }), host);
}
