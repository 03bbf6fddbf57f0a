import type { EditResult, Json } from '../../scenario';
import { element } from '../dom';
import type { Session } from '../state/session';

/** Scaling demand or AHT by a factor (after an import, say: "10 % more calls"): one action, one undo step. */
export function scaleActions(
  box: HTMLElement,
  session: Session,
  scale: { demand: (raw: Json, f: number) => EditResult; aht: (raw: Json, f: number) => EditResult },
): void {
  const factor = element('input', { type: 'text', id: 'scale-factor', inputMode: 'decimal', value: '1.1', autocomplete: 'off' });
  const demand = element('button', { type: 'button', id: 'scale-demand', textContent: 'Scale the calls' });
  const aht = element('button', { type: 'button', id: 'scale-aht', textContent: 'Scale the AHT' });
  const message = element('div', { className: 'error', id: 'scale-factor-error' });
  message.setAttribute('aria-live', 'polite');
  factor.setAttribute('aria-describedby', message.id);
  box.replaceChildren(
    element('div', { className: 'field' }, [
      element('label', { htmlFor: factor.id, textContent: 'Scale by' }),
      element('div', { className: 'control' }, [factor, element('span', { className: 'unit', textContent: '×' })]),
      message,
    ]),
    element('div', { className: 'actions' }, [demand, aht]),
  );
  const apply = (edit: (raw: Json, f: number) => EditResult) => {
    const f = Number(factor.value.trim().replace(',', '.'));
    if (!Number.isFinite(f) || f <= 0 || f > 100) {
      message.textContent = `Scale by: must be a number above 0 and at most 100, got "${factor.value}"`;
      return;
    }
    const result = session.commit(edit(session.current().raw, f));
    message.textContent = result.ok ? '' : `Scale by ${f}: ${result.errors[0]}`;
  };
  demand.addEventListener('click', () => apply(scale.demand));
  aht.addEventListener('click', () => apply(scale.aht));
}
