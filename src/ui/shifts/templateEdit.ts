import { type EditResult, type ShiftTemplate, setTemplates } from '../../scenario';
import type { Session } from '../state/session';
import { TEMPLATE_FIELDS, type TemplateField, templateMessage } from './templateFields';

/** The undo step and draft of one cell: keystrokes in it merge into one step. */
export const cellPath = (k: number, field: TemplateField) => `shifts.templates[${k}].${field.key}`;
const draftKey = (id: string, k: number, field: TemplateField) => `${id}|${cellPath(k, field)}`;

/** The drafts of this scenario's template cells: the text typed and where. */
export function templateDrafts(session: Session) {
  const prefix = `${session.current().id}|shifts.templates[`;
  return [...session.drafts]
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, draft]) => {
      const [, k, name] = /\[(\d+)\]\.(\w+)$/.exec(key) ?? [];
      return { key, k: Number(k), field: TEMPLATE_FIELDS.find((f) => f.key === name), ...draft };
    });
}

export const draftOf = (session: Session, k: number, field: TemplateField) =>
  session.drafts.get(draftKey(session.current().id, k, field));

/** Every cell's text applied to `templates`; null where one does not read. */
function applied(templates: ShiftTemplate[], cells: { k: number; field?: TemplateField; text: string }[]) {
  const list = [...templates];
  for (const { k, field, text } of cells) {
    const written = field && list[k] ? field.write(list[k], text) : null;
    if (!written?.ok) return null;
    list[k] = written.template;
  }
  return list;
}

/**
 * A keystroke in a template cell. Text that makes a valid scenario (with the
 * other cells' drafts where together they do) goes through the session's one
 * commit, as one undo step per cell; text that does not stays in the cell as
 * a draft, its message naming the field and the range. Returns how the
 * committed template reads back in this cell, or null when nothing was
 * committed.
 */
export function editCell(session: Session, templates: ShiftTemplate[], k: number, field: TemplateField, text: string) {
  const { id, raw } = session.current();
  const key = draftKey(id, k, field);
  const written = field.write(templates[k], text);
  if (!written.ok) {
    session.drafts.set(key, { text, message: `${field.label} of template ${k + 1}: ${written.problem}, got "${text}"` });
    session.draftsChanged();
    return null;
  }
  const others = templateDrafts(session).filter((d) => d.key !== key);
  const together = applied(templates, [...others, { k, field, text }]);
  const all = together && setTemplates(raw, together);
  const result: EditResult = all?.ok ? all : setTemplates(raw, applied(templates, [{ k, field, text }]) ?? templates);
  if (result.ok) {
    session.drafts.delete(key);
    if (all?.ok) for (const d of others) session.drafts.delete(d.key);
  } else {
    const mine = result.errors.filter((e) => e.startsWith(`shifts.templates[${k}]`));
    session.drafts.set(key, { text, message: (mine.length > 0 ? mine : result.errors).map(templateMessage).join(' ') });
  }
  session.commit(result, cellPath(k, field));
  return result.ok ? field.read(written.template) : null;
}

/** A change of the template list (add, remove, take over the standard ones): one undo step; the cells' drafts go. */
export function editTemplates(session: Session, templates: ShiftTemplate[] | null): string | null {
  for (const d of templateDrafts(session)) session.drafts.delete(d.key);
  const result = session.commit(setTemplates(session.current().raw, templates));
  return result.ok ? null : result.errors.map(templateMessage).join(' ');
}
