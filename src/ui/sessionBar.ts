import { element } from './dom';
import { download, fileSlug } from './download';
import type { Session } from './state/session';

const isEditable = (t: EventTarget | null) => t instanceof HTMLElement && t.closest('input, textarea, select') !== null;

/**
 * The bar under the header: undo and redo (buttons, Ctrl/Cmd+Z and
 * Shift+Ctrl/Cmd+Z) over the session's edits, and a banner whenever the work
 * is not safely saved: storage unavailable, a save refused, another tab's edit.
 */
export function sessionBar(bar: HTMLElement, session: Session): void {
  const undo = element('button', { type: 'button', id: 'undo', textContent: 'Undo' });
  const redo = element('button', { type: 'button', id: 'redo', textContent: 'Redo' });
  undo.setAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
  redo.setAttribute('aria-keyshortcuts', 'Control+Shift+Z Meta+Shift+Z');
  const banner = element('div', { className: 'storage-banner', id: 'storage-banner' });
  banner.setAttribute('role', 'alert');
  bar.replaceChildren(element('div', { className: 'actions' }, [undo, redo]), banner);
  undo.addEventListener('click', () => void session.undo());
  redo.addEventListener('click', () => void session.redo());
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || e.altKey) return;
    // A field with text not yet valid keeps the browser's own undo of its typing.
    if (isEditable(e.target) && session.drafts.size > 0) return;
    e.preventDefault();
    void (e.shiftKey ? session.redo() : session.undo());
  });

  const downloadCurrent = () => {
    const status = session.status();
    const record = status.kind === 'failed' && status.record ? status.record : session.current();
    const raw = record.raw;
    download(`${fileSlug(String(raw.name))}.json`, `${JSON.stringify(raw, null, 2)}\n`, 'application/json');
  };
  const button = (id: string, text: string, action: () => void) => {
    const b = element('button', { type: 'button', id, textContent: text });
    b.addEventListener('click', action);
    return b;
  };
  let notice: string | null = null;
  const render = () => {
    undo.disabled = !session.canUndo();
    redo.disabled = !session.canRedo();
    const status = session.status();
    notice = session.takeNotice() ?? notice;
    const parts: (Node | string)[] = [];
    if (notice) {
      parts.push(
        element('p', { id: 'link-notice', textContent: notice }),
        button('dismiss-notice', 'Dismiss', () => {
          notice = null;
          render();
        }),
      );
    }
    if (status.kind === 'memory') {
      parts.push(
        element('p', {
          textContent: `Your browser does not allow saving here (${status.reason}): scenarios are kept in this tab only and are lost when it closes. Download them to keep them.`,
        }),
        button('download-unsaved', 'Download this scenario (JSON)', downloadCurrent),
      );
    } else if (status.kind === 'failed') {
      parts.push(
        element('p', {
          textContent: `Your last edit could not be saved (${status.message}). It is kept in this tab; download it, or free some space and retry.`,
        }),
        button('download-unsaved', 'Download this scenario (JSON)', downloadCurrent),
        button('retry-save', 'Retry saving', () => session.retry()),
      );
    } else if (status.kind === 'conflict') {
      parts.push(
        element('p', {
          textContent: `"${String(status.theirs.raw.name)}" was changed in another tab since this tab last saved it. Which version do you keep?`,
        }),
        button('keep-mine', 'Keep this tab’s version', () => session.resolve('mine')),
        button('take-theirs', 'Take the other tab’s version', () => session.resolve('theirs')),
      );
    }
    if (parts.length === 0 && banner.childElementCount === 0) return;
    banner.replaceChildren(...parts);
    banner.hidden = parts.length === 0;
  };
  session.subscribe(render, false);
  render();
}
