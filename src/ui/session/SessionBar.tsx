import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../state/session';
import { StorageBanner } from './StorageBanner';
import { undoKeys } from './undoKeys';

/** The session bar's state in signals: whether undo and redo can go, the save status and the notice shown. */
function barState(session: Session) {
  const read = () => ({ canUndo: session.canUndo(), canRedo: session.canRedo(), status: session.status() });
  const now = signal(read());
  const notice = signal<string | null>(session.takeNotice());
  session.subscribe(() => {
    notice.value = session.takeNotice() ?? notice.value;
    now.value = read();
  }, false);
  return { now, notice };
}

/**
 * The bar under the header, on every page: undo and redo (buttons, Ctrl/Cmd+Z
 * and Shift+Ctrl/Cmd+Z) over the session's edits, and a banner whenever the
 * work is not safely saved.
 */
export function SessionBar({ session }: { session: Session }) {
  const [state] = useState(() => barState(session));
  useEffect(() => {
    const onKey = undoKeys(session);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const { canUndo, canRedo, status } = state.now.value;
  return (
    <>
      <div class="actions">
        <button
          type="button"
          id="undo"
          aria-keyshortcuts="Control+Z Meta+Z"
          disabled={!canUndo}
          onClick={() => void session.undo()}
        >
          Undo
        </button>
        <button
          type="button"
          id="redo"
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
          disabled={!canRedo}
          onClick={() => void session.redo()}
        >
          Redo
        </button>
      </div>
      <StorageBanner
        session={session}
        status={status}
        notice={state.notice.value}
        dismiss={() => {
          state.notice.value = null;
        }}
      />
    </>
  );
}
