import type { ComponentChildren } from 'preact';
import { DEFAULT_SL_DEFINITION, SL_DEFINITION_NAMES, SL_DEFINITIONS } from '../../erlang';
import type { CalculatorState } from './calculatorState';
import { DEFAULT_INTERVAL, GROUPS, INTERVALS } from './fields';

interface RowProps {
  id: string;
  label: string;
  unit: string;
  hint?: string;
  problem?: string;
  wide?: boolean;
  children: ComponentChildren;
}

function Row({ id, label, unit, hint, problem, wide, children }: RowProps) {
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={id}>
        {label}
        {hint && <small>{hint}</small>}
      </label>
      <div class="control">
        {children}
        <span class="unit">{unit}</span>
      </div>
      <div class="error" id={`${id}-error`} role="alert">
        {problem ?? ''}
      </div>
    </div>
  );
}

/** The calculator's inputs; each keeps what was typed, with its problem beside it. */
export function CalculatorForm({ state }: { state: CalculatorState }) {
  const texts = state.texts.value;
  const { problems } = state.read.value;
  const onInput = (e: Event) => {
    const control = e.target as HTMLInputElement | HTMLSelectElement;
    state.type(control.id, control.value);
  };
  const select = (id: string, value: string, options: [string, string][]) => (
    <select id={id} name={id} aria-describedby={`${id}-error`} value={value} onChange={onInput}>
      {options.map(([v, text]) => (
        <option value={v} key={v}>
          {text}
        </option>
      ))}
    </select>
  );
  return (
    <form class="panel form" noValidate aria-label="Interval inputs" onSubmit={(e) => e.preventDefault()}>
      <h1>Erlang calculator</h1>
      <p class="lede">One interval, two models: Erlang C (callers wait forever) and the exact Erlang A (callers abandon).</p>
      {GROUPS.map((group) => (
        <fieldset key={group.title}>
          <legend>{group.title}</legend>
          {group.fields.map((spec) => (
            <Row key={spec.id} id={spec.id} label={spec.label} unit={spec.unit} hint={spec.hint} problem={problems[spec.id]}>
              <input
                type="text"
                inputMode="decimal"
                autocomplete="off"
                id={spec.id}
                name={spec.id}
                placeholder={spec.optional ? 'none' : undefined}
                aria-describedby={`${spec.id}-error`}
                aria-invalid={problems[spec.id] ? 'true' : 'false'}
                value={texts[spec.id] ?? spec.fallback}
                onInput={onInput}
              />
            </Row>
          ))}
          {group.title === 'Traffic' && (
            <Row id="interval" label="Interval length" unit="">
              {select(
                'interval',
                texts.interval ?? DEFAULT_INTERVAL,
                INTERVALS.map((m) => [String(m * 60), `${m} min`]),
              )}
            </Row>
          )}
          {group.title === 'Targets' && (
            <Row id="slDefinition" label="SL definition" unit="" wide>
              {select(
                'slDefinition',
                texts.slDefinition ?? DEFAULT_SL_DEFINITION,
                SL_DEFINITIONS.map((d) => [d, SL_DEFINITION_NAMES[d]]),
              )}
            </Row>
          )}
        </fieldset>
      ))}
    </form>
  );
}
