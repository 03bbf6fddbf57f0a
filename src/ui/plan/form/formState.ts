import { getAt, type Json } from '../../../scenario';
import type { Session } from '../../state/session';
import { fieldMessage } from './fieldMessage';
import { FIELDS, type Field, visibleFields } from './fields';
import { editOf, sameValue, shownScenario, typedValue, valueText } from './typed';

const draftKey = (id: string, path: string) => `${id}|${path}`;

/**
 * What the form's fields hold between edits. Every keystroke goes through the
 * session's commit: a valid value is the scenario, anything else a draft with
 * its message. A field keeps the text as typed ("2.50", "1,5") while it stands
 * for the stored value, and a draft outlives another tab's edit of another field.
 */
export function formState(session: Session) {
  /** the text last typed in each field of the open scenario, and the value it was typed over */
  const typed = new Map<string, { text: string; stored: unknown }>();
  // A field's edit starts from the scenario as it was when the field was entered, so passing
  // through another valid value while typing (Closes 19:00 on the way to 19:30) loses nothing.
  let base: { path: string; raw: Json } | null = null;
  let openId = session.current().id;

  const setDraft = (id: string, f: Field, text: string, errors: string[]) =>
    session.drafts.set(draftKey(id, f.path), { text, message: fieldMessage(errors[0], f) });

  /** A field's input: committed when valid, else kept as a draft. */
  const edit = (f: Field, input: string | boolean) => {
    const { id, raw } = session.current();
    if (base?.path !== f.path) base = { path: f.path, raw };
    const result = editOf(base.raw, f, typeof input === 'boolean' ? input : typedValue(f, input));
    if (result.ok) session.drafts.delete(draftKey(id, f.path));
    else setDraft(id, f, String(input), result.errors);
    if (typeof input === 'string')
      typed.set(f.path, { text: input, stored: getAt(shownScenario(result.ok ? result.raw : raw), f.path) });
    session.commit(result, f.path);
  };

  /** After another tab's edit, a conflict resolved or an undo: the drafts of fields it left alone come back. */
  const restore = (id: string, raw: Json, shown: unknown, visible: Field[]) => {
    let restored = false;
    for (const f of visible) {
      const last = typed.get(f.path);
      const now = getAt(shown, f.path);
      if (!last || sameValue(typedValue(f, last.text), now)) continue;
      const result = sameValue(last.stored, now) ? editOf(raw, f, typedValue(f, last.text)) : null;
      if (result && !result.ok) {
        setDraft(id, f, last.text, result.errors);
        restored = true;
      } else typed.delete(f.path);
    }
    return restored;
  };

  session.subscribe((change) => {
    const { id, raw } = session.current();
    if (id !== openId || change.kind === 'open') {
      openId = id;
      typed.clear();
      base = null;
      return;
    }
    if (change.kind !== 'edit' && change.kind !== 'external') return;
    if (change.kind === 'external') base = null;
    // A field the scenario no longer has (another callback policy, per-interval agents from an import) takes its draft along.
    const shown = shownScenario(raw);
    const visible = visibleFields(shown);
    let changed = false;
    for (const f of FIELDS.filter((x) => !visible.includes(x))) {
      typed.delete(f.path);
      changed = session.drafts.delete(draftKey(id, f.path)) || changed;
    }
    if (change.kind === 'external') changed = restore(id, raw, shown, visible) || changed;
    if (changed) session.draftsChanged();
  });

  return {
    edit,
    /** The text a field shows: its draft, the text typed while it stands for the stored value, else the stored value. */
    text: (f: Field, stored: unknown) => {
      const last = typed.get(f.path);
      const kept = last && sameValue(typedValue(f, last.text), stored) ? last.text : valueText(f, stored);
      return session.drafts.get(draftKey(session.current().id, f.path))?.text ?? kept;
    },
    draft: (f: Field) => session.drafts.get(draftKey(session.current().id, f.path)),
    /** Leaving a field ends its undo step and its base. */
    leave: () => {
      base = null;
      session.seal();
    },
  };
}

export type FormState = ReturnType<typeof formState>;
