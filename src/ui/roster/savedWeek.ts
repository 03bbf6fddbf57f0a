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

/** The saved week, or null when there is none or what is stored is not a week draft. */
export function readSavedWeek(storage: Storage): WeekDraft | null {
  const text = storage.getItem(WEEK_KEY);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

/** Saves the week and says where it now lives: this browser, or only this tab when storage refuses it. */
export function saveWeek(storage: Storage, draft: WeekDraft): string {
  const text = JSON.stringify(draft);
  storage.setItem(WEEK_KEY, text);
  let lasting = false;
  try {
    lasting = window.localStorage.getItem(WEEK_KEY) === text;
  } catch {
    lasting = false;
  }
  return lasting
    ? 'Saved in this browser.'
    : 'Not saved: this browser refuses storage (blocked or full), so the week lives in this tab only. Export the agents CSV to keep your edits.';
}
