import type { Session } from '../state/session';

/** The control a draft belongs to: a form field (plan-…) or an agents cell. */
const controlOf = (path: string) => {
  const cell = /^staffing\.agents\[(\d+)\]$/.exec(path);
  return document.getElementById(cell ? `agents-${cell[1]}` : `plan-${path.replaceAll('.', '-')}`);
};

interface BannerProps {
  session: Session;
  planError: string | null;
  editMessage: string | null;
  /** bumps when drafts change */
  drafts: number;
}

/**
 * The banner over the results: each field whose text is not valid yet, named
 * by its label with a button to it (the results are of the last valid
 * scenario); a plan that could not be computed; and what the last edit did.
 */
export function Banner({ session, planError, editMessage }: BannerProps) {
  const { id } = session.current();
  const drafts = [...session.drafts].filter(([key]) => key.startsWith(`${id}|`));
  const warning = planError !== null || drafts.length > 0;
  const empty = !warning && !editMessage;
  return (
    <section
      class={`panel plan-banner${warning ? ' warning' : ''}`}
      id="plan-banner"
      aria-label="Scenario messages"
      aria-live="polite"
      hidden={empty}
    >
      {planError && (
        <p class="error" id="plan-error">
          {planError}
        </p>
      )}
      {drafts.length > 0 && <p>Not applied yet — the results below are for the last valid scenario:</p>}
      {drafts.length > 0 && (
        <ul id="draft-list">
          {drafts.map(([key, draft]) => (
            <li key={key}>
              {`${draft.message} `}
              <button type="button" class="link" onClick={() => controlOf(key.slice(id.length + 1))?.focus()}>
                Go to the field
              </button>
            </li>
          ))}
        </ul>
      )}
      {editMessage && (
        <p class="note" id="edit-message">
          {editMessage}
        </p>
      )}
    </section>
  );
}
