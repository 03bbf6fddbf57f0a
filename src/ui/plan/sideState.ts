import { batch, signal } from '@preact/signals';
import type { Session } from '../state/session';
import { formState } from './form/formState';

/** The scenario side's state in signals: the open record as edited, the drafts' version, and each time another record is opened. */
export function sideState(session: Session) {
  const record = signal(session.current());
  const drafts = signal(0);
  const opened = signal(0);
  session.subscribe((change) =>
    batch(() => {
      record.value = session.current();
      drafts.value++;
      if (change.kind === 'open' || change.kind === 'external') opened.value++;
    }),
  );
  return { record, drafts, opened, form: formState(session) };
}
