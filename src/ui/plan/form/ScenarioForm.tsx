import { getAt } from '../../../scenario';
import type { SavedScenario } from '../../state/savedScenario';
import { FieldRow } from './FieldRow';
import { GROUPS } from './fields';
import type { FormState } from './formState';
import { shownScenario } from './typed';

interface FormProps {
  form: FormState;
  record: SavedScenario;
  /** bumps when drafts change */
  drafts: number;
  /** hints from data beside a field (the patience estimated from call records), by path */
  hints: Record<string, string>;
}

/**
 * The scenario form, grouped the way a planner thinks. Fields keep their
 * elements across edits (keyed by path), so typing never loses focus or the
 * caret while the plan re-renders or another tab's edit arrives.
 */
export function ScenarioForm({ form, record, hints }: FormProps) {
  const shown = shownScenario(record.raw);
  return (
    <form class="plan-form" noValidate onSubmit={(e) => e.preventDefault()} onFocusOut={form.leave}>
      {GROUPS.map((group) => {
        const note = group.note?.(shown);
        return (
          <fieldset key={group.title}>
            <legend>{group.title}</legend>
            {group.fields
              .filter((f) => !f.when || f.when(shown))
              .map((f) => {
                const stored = getAt(shown, f.path);
                return (
                  <FieldRow
                    key={f.path}
                    field={f}
                    text={form.text(f, stored)}
                    checked={stored === true}
                    message={form.draft(f)?.message ?? null}
                    hint={hints[f.path]}
                    onEdit={form.edit}
                  />
                );
              })}
            {note && <p class="note">{note}</p>}
          </fieldset>
        );
      })}
    </form>
  );
}
