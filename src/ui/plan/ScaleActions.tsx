import { useSignal } from '@preact/signals';
import { readTypedNumber } from '../../format/typed';
import { type EditResult, type Json, scaleAht, scaleDemand } from '../../scenario';
import type { Session } from '../state/session';

/** Scaling demand or AHT by a factor (after an import, say: "10 % more calls"): one action, one undo step. */
export function ScaleActions({ session }: { session: Session }) {
  const factor = useSignal('1.1');
  const message = useSignal('');
  const apply = (scale: (raw: Json, f: number) => EditResult) => {
    const f = readTypedNumber(factor.value) ?? Number.NaN;
    const result = session.commit(scale(session.current().raw, f));
    // The factor's own range is named with what was typed; a scenario rule it breaks, with the factor.
    message.value = result.ok
      ? ''
      : result.errors[0].startsWith('factor: ')
        ? `Scale by: ${result.errors[0].slice(8).replace(/, got .*$/, '')}, got "${factor.value}"`
        : `Scale by ${f}: ${result.errors[0]}`;
  };
  return (
    <div class="library scale">
      <div class="field">
        <label for="scale-factor">Scale by</label>
        <div class="control">
          <input
            type="text"
            id="scale-factor"
            inputMode="decimal"
            autocomplete="off"
            aria-describedby="scale-factor-error"
            aria-invalid={message.value ? 'true' : 'false'}
            value={factor.value}
            onInput={(e) => {
              factor.value = e.currentTarget.value;
            }}
          />
          <span class="unit">×</span>
        </div>
        <div class="error" id="scale-factor-error" aria-live="polite">
          {message.value}
        </div>
      </div>
      <div class="actions">
        <button type="button" id="scale-demand" onClick={() => apply(scaleDemand)}>
          Scale the calls
        </button>
        <button type="button" id="scale-aht" onClick={() => apply(scaleAht)}>
          Scale the AHT
        </button>
      </div>
    </div>
  );
}
