import { useRef } from 'preact/hooks';
import type { ShiftTemplate } from '../../scenario';
import type { Session } from '../state/session';
import { draftOf, editCell } from './templateEdit';
import type { TemplateField } from './templateFields';

interface CellProps {
  session: Session;
  /** the scenario's own templates (null: the standard ones, shown but not editable) */
  own: ShiftTemplate[] | null;
  template: ShiftTemplate;
  k: number;
  field: TemplateField;
}

/**
 * One field of one template. What is typed stays as typed (a draft with its
 * message when it is not valid yet; "8.50" while it reads back as 8.5), so the
 * cell never changes under the caret while the schedule is re-solved.
 */
export function TemplateCell({ session, own, template, k, field }: CellProps) {
  const typed = useRef<{ text: string; readsAs: string } | null>(null);
  const draft = own ? draftOf(session, k, field) : undefined;
  const shown = field.read(template);
  const value = draft?.text ?? (typed.current?.readsAs === shown ? typed.current.text : shown);
  const onInput = (e: Event) => {
    if (!own) return;
    const text = (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    const readsAs = editCell(session, own, k, field, text);
    typed.current = readsAs === null ? null : { text, readsAs };
  };
  const common = {
    id: `template-${k}-${field.key}`,
    'aria-label': `${field.label} of template ${k + 1}`,
    'aria-invalid': draft ? ('true' as const) : ('false' as const),
    'aria-describedby': 'shift-errors',
    disabled: own === null,
    onBlur: () => {
      typed.current = null;
      session.seal();
    },
  };
  return (
    <td>
      {field.choices ? (
        <select {...common} value={value} onChange={onInput}>
          {field.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : (
        <input type="text" {...common} autocomplete="off" value={value} onInput={onInput} />
      )}
    </td>
  );
}
