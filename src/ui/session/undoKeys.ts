import type { Session } from '../state/session';

const isEditable = (t: EventTarget | null) => t instanceof HTMLElement && t.closest('input, textarea, select') !== null;

/** Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z over the session's edits; a field with text not yet valid keeps the browser's own undo of its typing. */
export function undoKeys(session: Session): (e: KeyboardEvent) => void {
  return (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || e.altKey) return;
    if (isEditable(e.target) && session.drafts.size > 0) return;
    e.preventDefault();
    void (e.shiftKey ? session.redo() : session.undo());
  };
}
