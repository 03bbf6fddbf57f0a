import type { Field } from './fields';

export const controlId = (path: string) => `plan-${path.replaceAll('.', '-')}`;

interface RowProps {
  field: Field;
  /** the text shown (a draft's, as typed, or the stored value) */
  text: string;
  checked: boolean;
  /** the draft's message, beside the field */
  message: string | null;
  hint?: string;
  onEdit: (f: Field, input: string | boolean) => void;
}

/** One field: its label (with a hint from data), the control, its unit and its message. */
export function FieldRow({ field: f, text, checked, message, hint, onEdit }: RowProps) {
  const id = controlId(f.path);
  const common = { id, 'aria-describedby': `${id}-error`, 'aria-invalid': message ? ('true' as const) : ('false' as const) };
  const typed = (e: Event) => onEdit(f, (e.currentTarget as HTMLInputElement | HTMLSelectElement).value);
  const control =
    f.kind === 'checkbox' ? (
      <input {...common} type="checkbox" checked={checked} onChange={(e) => onEdit(f, e.currentTarget.checked)} />
    ) : f.choices.length > 0 ? (
      <select {...common} value={text} onChange={typed}>
        {f.choices.map((c) => (
          <option key={c} value={String(c)}>
            {f.names?.(c) ?? String(c)}
          </option>
        ))}
      </select>
    ) : (
      <input
        {...common}
        type="text"
        autocomplete="off"
        inputMode={f.kind === 'text' ? undefined : 'decimal'}
        placeholder={f.nullable ? 'unlimited' : undefined}
        value={text}
        onInput={typed}
      />
    );
  return (
    <div class={f.choices.length > 0 || f.path === 'name' ? 'field wide' : 'field'}>
      <label for={id}>
        {f.label}
        {hint && <small class="data-hint">{hint}</small>}
      </label>
      <div class="control">
        {control}
        <span class="unit">{f.unit}</span>
      </div>
      <div class="error" id={`${id}-error`} aria-live="polite">
        {message ?? ''}
      </div>
    </div>
  );
}
