import { useRef } from 'preact/hooks';
import { Mount } from '../Mount';
import { drawStaffingChart } from '../staffingChart';
import { CalculatorForm } from './CalculatorForm';
import { CalculatorResults } from './CalculatorResults';
import type { CalculatorState } from './calculatorState';

/**
 * The Erlang calculator page: inputs, both models' answers and the staffing
 * chart. While a field is not valid the last answer stays, marked stale.
 */
export function CalculatorPage({ state }: { state: CalculatorState }) {
  const now = state.result.value;
  const last = useRef(now);
  if (now) last.current = now;
  const shown = last.current;
  return (
    <div class="layout">
      <CalculatorForm state={state} />
      <div class="outputs">
        {shown ? (
          <CalculatorResults input={shown.input} r={shown.answer} stale={now === null} />
        ) : (
          <section class="panel results stale" aria-label="Results" />
        )}
        <Mount
          tag="figure"
          className={`panel chart${now === null ? ' stale' : ''}`}
          deps={[shown]}
          draw={(el) => shown && drawStaffingChart(el, shown.answer, shown.input.targets.serviceLevel)}
        />
      </div>
    </div>
  );
}
