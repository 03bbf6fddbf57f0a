import { element } from '../dom';
import type { Session } from '../state/session';

/** The control a draft belongs to: a form field (plan-…) or an agents cell. */
const controlOf = (path: string) => {
  const cell = /^staffing\.agents\[(\d+)\]$/.exec(path);
  return document.getElementById(cell ? `agents-${cell[1]}` : `plan-${path.replaceAll('.', '-')}`);
};

/**
 * The banner over the results: each field whose text is not valid yet, named
 * by its label with a button to it (the results are of the last valid
 * scenario); a plan that could not be computed; and what the last edit did.
 */
export function renderBanner(banner: HTMLElement, session: Session, planError: string | null, editMessage: string | null): void {
  const { id } = session.current();
  const drafts = [...session.drafts].filter(([key]) => key.startsWith(`${id}|`));
  const items: HTMLElement[] = drafts.map(([key, draft]) => {
    const path = key.slice(id.length + 1);
    const go = element('button', { type: 'button', className: 'link', textContent: 'Go to the field' });
    go.addEventListener('click', () => controlOf(path)?.focus());
    return element('li', {}, [`${draft.message} `, go]);
  });
  const parts: HTMLElement[] = [];
  if (planError) parts.push(element('p', { className: 'error', id: 'plan-error', textContent: planError }));
  if (items.length > 0) {
    parts.push(
      element('p', { textContent: 'Not applied yet — the results below are for the last valid scenario:' }),
      element('ul', { id: 'draft-list' }, items),
    );
  }
  if (editMessage) parts.push(element('p', { className: 'note', id: 'edit-message', textContent: editMessage }));
  banner.replaceChildren(...parts);
  banner.hidden = parts.length === 0;
  banner.classList.toggle('warning', planError !== null || items.length > 0);
}
