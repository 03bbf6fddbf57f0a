import type { ShiftTemplate } from '../../scenario';

interface ActionsProps {
  own: ShiftTemplate[] | null;
  shown: ShiftTemplate[];
  /** a first template for a day no standard shift fits, if any can */
  starter: ShiftTemplate | null;
  edit: (next: ShiftTemplate[] | null) => void;
}

/** Add a template (a copy of the last), or take over the standard ones, or start from one that fits the day. */
export function TemplateActions({ own, shown, starter, edit }: ActionsProps) {
  const [id, text, next] = own
    ? ['add-template', 'Add a template', [...own, { ...own[own.length - 1], name: copyName(own) }]]
    : shown.length > 0
      ? ['edit-templates', 'Edit these templates', shown]
      : ['add-template', 'Add a template', starter ? [starter] : null];
  return (
    <div class="actions">
      {next && (
        <button type="button" id={id} onClick={() => edit(next)}>
          {text}
        </button>
      )}
    </div>
  );
}

/** "Part-time 4 h (2)": a copy's name, within the schema's 60 characters. */
function copyName(own: ShiftTemplate[]): string {
  const suffix = ` (${own.length + 1})`;
  return `${own[own.length - 1].name.slice(0, 60 - suffix.length)}${suffix}`;
}
