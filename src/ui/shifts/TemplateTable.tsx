import { useState } from 'preact/hooks';
import type { Scenario, ShiftTemplate } from '../../scenario';
import { HeaderRow } from '../ReportTableView';
import type { ShiftsState } from './shiftsState';
import { starterTemplate } from './starterTemplate';
import { TemplateActions } from './TemplateActions';
import { TemplateCell } from './TemplateCell';
import { editTemplates, templateDrafts } from './templateEdit';
import { TEMPLATE_FIELDS } from './templateFields';

interface TableProps {
  state: ShiftsState;
  scenario: Scenario;
  /** bumps when drafts change */
  drafts: number;
}

/** The scenario's shift templates as a table of inputs, or the standard ones with the offer to take them over. */
export function TemplateTable({ state, scenario }: TableProps) {
  const { session } = state;
  const { own, shown } = state.templates.value;
  const [refusal, setRefusal] = useState<string | null>(null);
  const edit = (next: ShiftTemplate[] | null) => setRefusal(editTemplates(session, next));
  const messages = own ? templateDrafts(session).map((d) => d.message) : [];
  if (refusal) messages.push(refusal);
  return (
    <div class="templates" id="templates">
      <p class="note">
        {own
          ? 'The scenario’s own templates. Changes re-solve as you type.'
          : shown.length > 0
            ? 'No templates in this scenario: these standard ones are used.'
            : 'No templates in this scenario, and no standard shift (8.5 h or 4 h) fits this day.'}
      </p>
      <div class="table-scroll">
        <table class="template-table">
          <caption class="visually-hidden">Shift templates</caption>
          <HeaderRow labels={[...TEMPLATE_FIELDS.map((f) => (f.unit ? `${f.label} (${f.unit})` : f.label)), 'Remove']} />
          <tbody>
            {shown.map((t, k) => (
              // Templates have no identity but their place; keyed so, a cell being typed in stays the same element.
              <tr key={k}>
                {TEMPLATE_FIELDS.map((f) => (
                  <TemplateCell key={f.key} session={session} own={own} template={t} k={k} field={f} />
                ))}
                <td>
                  {own && (
                    <button
                      type="button"
                      id={`remove-template-${k}`}
                      aria-label={`Remove template ${k + 1}`}
                      onClick={() => edit(own.length > 1 ? own.filter((_, i) => i !== k) : null)}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="file-errors" id="shift-errors" role="alert">
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <TemplateActions own={own} shown={shown} starter={starterTemplate(scenario)} edit={edit} />
    </div>
  );
}
