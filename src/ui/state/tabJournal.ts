import type { HistoryJournal } from './session';

/** How long typing must pause before the undo history is written (it is also written when the page is hidden). */
const PAUSE_MS = 500;

/**
 * The undo history kept in the tab's sessionStorage: it survives a reload of
 * the tab and ends with it. Written after a pause and on `pagehide` (a reload
 * or a closed tab), never per keystroke. Where storage is blocked or full the
 * history simply stays in memory; a stale copy is removed rather than kept.
 */
export function tabJournal(key = 'wfm.undoHistory'): HistoryJournal {
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
    storage.getItem(key);
  } catch {
    storage = null;
  }
  let pending: (() => string) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    if (!pending || !storage) return;
    const text = pending();
    pending = null;
    try {
      storage.setItem(key, text);
    } catch {
      try {
        storage.removeItem(key);
      } catch {
        // Blocked outright: nothing was kept, nothing stale can be restored.
      }
    }
  };
  window.addEventListener('pagehide', flush);
  return {
    read: () => {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    write(text) {
      pending = text;
      clearTimeout(timer);
      timer = setTimeout(flush, PAUSE_MS);
    },
  };
}
