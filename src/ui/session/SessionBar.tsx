import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { SaveStatus } from '../state/saver';
import type { Session } from '../state/session';
import { StorageBanner } from './StorageBanner';
import { undoKeys } from './undoKeys';

/** The session bar's state in signals: whether undo and redo can go, the save status and the notice shown. */
function barState(session: Session) {
  const read = (): Now => ({ canUndo: session.canUndo(), canRedo: session.canRedo(), status: session.status() });
  const now = signal(read());
  const notice = signal<string | null>(session.takeNotice());
  session.subscribe(() => {
    notice.value = session.takeNotice() ?? notice.value;
    now.value = read();
  }, false);
  return { now, notice };
}

interface Now {
  canUndo: boolean;
  canRedo: boolean;
  status: SaveStatus;
}
const STEPS: [id: string, text: string, keys: string, can: (now: Now) => boolean, step: (s: Session) => Promise<void>][] = [
  ['undo', 'Undo', 'Control+Z Meta+Z', (now) => now.canUndo, (s) => s.undo()],
  ['redo', 'Redo', 'Control+Shift+Z Meta+Shift+Z', (now) => now.canRedo, (s) => s.redo()],
];

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
  return (
    <>
      <div class="actions">
        {STEPS.map(([id, text, keys, can, step]) => (
          <button
            type="button"
            id={id}
            key={id}
            aria-keyshortcuts={keys}
            disabled={!can(state.now.value)}
            onClick={() => void step(session)}
          >
            {text}
          </button>
        ))}
      </div>
      <StorageBanner
        session={session}
        status={state.now.value.status}
        notice={state.notice.value}
        dismiss={() => {
          state.notice.value = null;
        }}
      />
    </>
  );
}
