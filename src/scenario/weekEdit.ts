import type { Json } from './edit';
import { parseCsv } from './volumes';
import { parseWeek, readAgents, WEEKDAYS, type WeekParse } from './week';

/**
 * Every change to a week in the app, as pure edits of a draft: the week file's
 * JSON and its people as table rows. A draft may be invalid while it is typed
 * (an availability half written); `checkWeek` names what is wrong, and only a
 * valid draft is rostered, so nothing typed is ever thrown away.
 */
export interface WeekDraft {
  week: Json;
  /** one row per person: name, contract, a window per weekday (Monday first), skills */
  agents: string[][];
}

export const AGENT_COLUMNS = ['name', 'contract', ...WEEKDAYS, 'skills'] as const;

/** The draft as parseWeek reads it, the people's header first. */
export const checkWeek = (draft: WeekDraft, base: unknown): WeekParse =>
  parseWeek(draft.week, base, [[...AGENT_COLUMNS], ...draft.agents]);

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The week on another base scenario (the planner's open one, say): each day's patch then applies to it. */
export function setBase(draft: WeekDraft, base: Json): WeekDraft {
  return { ...draft, week: { ...draft.week, base: JSON.parse(JSON.stringify(base)) } };
}

/**
 * The week's contracts as they stand in the draft, each in its place (what is
 * not an object reads as an empty one, which the check names at that index).
 */
export const contractsOf = (draft: WeekDraft): Json[] =>
  Array.isArray(draft.week.contracts) ? draft.week.contracts.map((c) => (isObject(c) ? c : {})) : [];

export function setAgentCell(draft: WeekDraft, row: number, column: number, text: string): WeekDraft {
  return { ...draft, agents: draft.agents.map((r, i) => (i === row ? r.map((c, k) => (k === column ? text : c)) : r)) };
}

/** A new person at the end: available any time on the first contract, under a name no one else has. */
export function addAgent(draft: WeekDraft): WeekDraft {
  const names = new Set(draft.agents.map((r) => r[0]));
  let n = draft.agents.length + 1;
  while (names.has(`New person ${n}`)) n++;
  const first = contractsOf(draft)[0]?.name;
  const contract = typeof first === 'string' ? first : '';
  return { ...draft, agents: [...draft.agents, [`New person ${n}`, contract, ...WEEKDAYS.map(() => 'any'), '']] };
}

export const removeAgent = (draft: WeekDraft, row: number): WeekDraft => ({
  ...draft,
  agents: draft.agents.filter((_, i) => i !== row),
});

/**
 * A contract's field as typed: a number where the text is one, nothing (the
 * default) where it is empty, else the text itself, which the check then
 * names, so a half-typed value is kept rather than lost.
 */
export function setContractField(draft: WeekDraft, k: number, field: string, text: string): WeekDraft {
  const contracts: unknown[] = Array.isArray(draft.week.contracts) ? draft.week.contracts : [];
  const trimmed = text.trim();
  const value = trimmed === '' ? undefined : Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
  // Only contract k changes; any other entry stays exactly as the file has it.
  const changed = contracts.map((c, i) => {
    if (i !== k || !isObject(c)) return c;
    const { [field]: _, ...rest } = c;
    return value === undefined ? rest : { ...rest, [field]: value };
  });
  return { ...draft, week: { ...draft.week, contracts: changed } };
}

/**
 * The people of an agents CSV in place of the draft's, if the file reads
 * against the week's contracts; else the errors (by row and column) and the
 * draft stays as it was.
 */
export function importAgents(draft: WeekDraft, csv: string): { ok: true; draft: WeekDraft } | { ok: false; errors: string[] } {
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
  const read = readAgents(rows, new Set(contractsOf(draft).map((c) => String(c.name))));
  if (!read.ok) return { ok: false, errors: read.errors.map((e) => `${e.path}: ${e.message}`) };
  const padded = rows.slice(1).map((r) => AGENT_COLUMNS.map((_, i) => (r[i] ?? '').trim()));
  return { ok: true, draft: { ...draft, agents: padded } };
}
