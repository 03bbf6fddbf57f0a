import type { WeekDraft } from '../../scenario/weekEdit';

/** The Roster page's week, kept in this browser's storage between visits. */
export const WEEK_KEY = 'wfm.roster.week';

const isDraft = (x: unknown): x is WeekDraft => {
  if (typeof x !== 'object' || x === null) return false;
  const { week, agents } = x as Record<string, unknown>;
  return (
    typeof week === 'object' &&
    week !== null &&
    !Array.isArray(week) &&
    Array.isArray(agents) &&
    agents.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string'))
  );
};

/** Where stored values that are not week drafts are kept aside (one key each), never opened, until the planner deletes them. */
const SET_ASIDE_PREFIX = 'wfm.roster.week.unreadable.';

/** A stored value set aside: its key, its text exactly as it was stored, and why it is not a week. */
export interface SetAside {
  key: string;
  text: string;
  error: string;
}

/** Why stored text is not a week draft, or null if it is one. */
function whyUnreadable(text: string): string | null {
  try {
    return isDraft(JSON.parse(text)) ? null : 'not a Roster week (it needs a week object and rows of agents)';
  } catch {
    return 'not JSON (cut short or written by something else)';
  }
}

/** What this browser holds for the Roster page: the saved week (null if none), and any stored text that is not one. */
export function readSavedWeek(storage: Storage): { draft: WeekDraft | null; unreadable: string | null } {
  const text = storage.getItem(WEEK_KEY);
  if (text === null) return { draft: null, unreadable: null };
  return whyUnreadable(text) === null ? { draft: JSON.parse(text), unreadable: null } : { draft: null, unreadable: text };
}

/** Whether the browser's own storage (not the tab's memory) holds `text` under `key`. */
function lasts(key: string, text: string): boolean {
  try {
    return window.localStorage.getItem(key) === text;
  } catch {
    return false;
  }
}

/** Every value set aside in this browser, the oldest first. */
export function setAsideWeeks(storage: Storage): SetAside[] {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter((k) =>
    k.startsWith(SET_ASIDE_PREFIX),
  );
  return keys.sort().map((key) => {
    const text = storage.getItem(key) ?? '';
    return { key, text, error: whyUnreadable(text) ?? 'a week, set aside earlier' };
  });
}

/**
 * Moves an unreadable stored week aside under a key of its own, so that
 * saving the next edit cannot overwrite it; `lasts` says whether the
 * browser kept it (if not, only this tab holds it: edits are then not saved
 * over the original until the planner has downloaded or deleted it).
 */
export function setAsideWeek(storage: Storage, text: string, now: number): SetAside & { lasts: boolean } {
  const key = `${SET_ASIDE_PREFIX}${String(now).padStart(15, '0')}`;
  storage.setItem(key, text);
  return { key, text, error: whyUnreadable(text) ?? '', lasts: lasts(key, text) };
}

/** Saves the week and says where it now lives: this browser, or only this tab when storage refuses it. */
export function saveWeek(storage: Storage, draft: WeekDraft): string {
  const text = JSON.stringify(draft);
  storage.setItem(WEEK_KEY, text);
  return lasts(WEEK_KEY, text)
    ? 'Saved in this browser.'
    : 'Not saved: this browser refuses storage (blocked or full), so the week lives in this tab only. Export the agents CSV to keep your edits.';
}
