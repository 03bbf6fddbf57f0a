import { sum } from 'd3-array';
import { agentsPerInterval, callsPerInterval, clockOf, minutesOf } from './day';
import { fieldChoices } from './fieldSchema';
import { closeOnGrid, describeGrid, type Grid, resample } from './regrid';
import type { Scenario, ShiftTemplate } from './schema';
import { formatScenarioError, parseScenario, type ScenarioError } from './validate';

/**
 * Every change to a scenario, as pure edits of its JSON: form fields, interval
 * cells, a CSV import, a forecast, shift templates, staffing actions. An edit
 * starts from a valid scenario and gives either a valid scenario (with a
 * message when it had to reshape the day) or the errors that refused it, so
 * nothing invalid is ever kept. One rule moves a scenario to another day grid
 * (see regrid.ts).
 */

export type Json = Record<string, unknown>;

export type EditResult = { ok: true; raw: Json; message: string | null } | { ok: false; errors: string[] };

export function getAt(raw: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Json)[key] : undefined), raw);
}

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A copy of `raw` with `value` at `path`. An object missing on the way is taken
 * from `defaults` (the parsed scenario), so setting callback.serve.reserveAgents
 * in a file that never wrote callback.serve keeps its mode.
 */
export function setAt(raw: Json, path: string, value: unknown, defaults?: unknown): Json {
  const [key, ...rest] = path.split('.');
  if (rest.length === 0) return { ...raw, [key]: value };
  const fallback = isObject(defaults) ? defaults[key] : undefined;
  const child = isObject(raw[key]) ? raw[key] : isObject(fallback) ? { ...fallback } : {};
  return { ...raw, [key]: setAt(child, rest.join('.'), value, fallback) };
}

/** The version of a scenario that results are tied to: its JSON. */
export const scenarioVersion = (raw: Json): string => JSON.stringify(raw);

/** A refusal in the edit's terms: one line per error. */
export const refused = (errors: readonly ScenarioError[]): EditResult => ({ ok: false, errors: errors.map(formatScenarioError) });

const checked = (raw: Json, message: string | null = null): EditResult => {
  const parsed = parseScenario(raw);
  return parsed.ok ? { ok: true, raw, message } : refused(parsed.errors);
};

const tidy = (x: number) => Number(x.toPrecision(12));

/** Each callback policy with its own parameters and their defaults. */
const SERVE_DEFAULTS: Record<string, (s: Scenario) => Json> = {
  idle: () => ({ mode: 'idle', reserveAgents: 0 }),
  window: (s) => ({ mode: 'window', from: s.day.open }),
  dedicated: () => ({ mode: 'dedicated', agents: 2 }),
};

/** The scenario with one field set; the day's grid fields re-grid it, the callback policy brings its own parameters. */
export function setField(raw: Json, path: string, value: unknown): EditResult {
  const parsed = parseScenario(raw);
  if (!parsed.ok) return refused(parsed.errors);
  const s = parsed.scenario;
  const grid = { open: s.day.open, close: s.day.close, intervalMinutes: s.intervalMinutes };
  if (path === 'day.open' || path === 'day.close') {
    if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(value)) return checked(setAt(raw, path, value));
    return regrid(raw, s, { ...grid, [path === 'day.open' ? 'open' : 'close']: value });
  }
  if (path === 'intervalMinutes') {
    const minutes = Number(value);
    if (!fieldChoices('intervalMinutes').includes(minutes)) return checked(setAt(raw, path, value));
    return regrid(raw, s, { ...grid, intervalMinutes: minutes, close: closeOnGrid(grid.open, grid.close, minutes) });
  }
  if (path === 'callback.serve.mode') {
    const serve = SERVE_DEFAULTS[String(value)];
    return serve ? checked(setAt(raw, 'callback.serve', serve(s))) : checked(setAt(raw, path, value));
  }
  return checked(setAt(raw, path, value, s));
}

/** The scenario with agents `value` in interval `index` (per-interval staffing). */
export function setAgents(raw: Json, index: number, value: number): EditResult {
  const parsed = parseScenario(raw);
  if (!parsed.ok) return refused(parsed.errors);
  const agents = agentsPerInterval(parsed.scenario).slice();
  agents[index] = value;
  return checked(setAt(raw, 'staffing.agents', agents));
}

/** The largest factor demand or AHT can be scaled by in one action: a hundred times is past any peak. */
export const MAX_SCALE_FACTOR = 100;

const badFactor = (factor: number): EditResult | null =>
  Number.isFinite(factor) && factor > 0 && factor <= MAX_SCALE_FACTOR
    ? null
    : { ok: false, errors: [`factor: must be a number above 0 and at most ${MAX_SCALE_FACTOR}, got ${factor}`] };

/** Demand × factor (every interval's calls, or the normal day's calls): one action after an import. */
export function scaleDemand(raw: Json, factor: number): EditResult {
  const bad = badFactor(factor);
  if (bad) return bad;
  const demand = raw.demand as Json;
  if (Array.isArray(demand.calls))
    return checked(
      setAt(
        raw,
        'demand.calls',
        demand.calls.map((c: number) => tidy(c * factor)),
      ),
    );
  return checked(setAt(raw, 'demand.dailyCalls', tidy(Number(demand.dailyCalls) * factor)));
}

/** AHT × factor, per interval or for the day. */
export function scaleAht(raw: Json, factor: number): EditResult {
  const bad = badFactor(factor);
  if (bad) return bad;
  const aht = raw.ahtSeconds;
  return checked({
    ...raw,
    ahtSeconds: Array.isArray(aht) ? aht.map((a: number) => tidy(a * factor)) : tidy(Number(aht) * factor),
  });
}

/** The scenario's own shift templates; null removes them (standard templates are then used). */
export function setTemplates(raw: Json, templates: ShiftTemplate[] | null): EditResult {
  if (templates === null) {
    const { shifts: _, ...rest } = raw;
    return checked(rest);
  }
  return checked({ ...raw, shifts: { ...((raw.shifts as Json | undefined) ?? {}), templates } });
}

export interface NewDay extends Grid {
  date?: string;
  calls: number[];
  ahtSeconds?: number[];
  agents?: number[];
}

/**
 * A new day's demand (a CSV import, a forecast): the scenario moves to the new
 * grid by the one re-gridding rule, then takes the calls, and the AHT and agents
 * where the new day has them.
 */
export function withDay(raw: Json, day: NewDay): EditResult {
  const parsed = parseScenario(raw);
  if (!parsed.ok) return refused(parsed.errors);
  const moved = regrid(raw, parsed.scenario, day, {
    calls: true,
    ahtSeconds: day.ahtSeconds !== undefined,
    agents: day.agents !== undefined,
  });
  if (!moved.ok) return moved;
  let next: Json = { ...moved.raw, demand: { calls: day.calls } };
  if (day.date) next = setAt(next, 'day.date', day.date);
  if (day.ahtSeconds) next.ahtSeconds = day.ahtSeconds;
  if (day.agents) next = setAt(next, 'staffing.agents', day.agents);
  return checked(next, moved.message);
}

/**
 * The scenario on another grid: per-interval calls summed, AHT (call-weighted)
 * and agents (rounded) by time-weighted mean; intervals cut are dropped, added
 * ones get no calls and the nearest interval's AHT and agents. Shift templates
 * and a callback window move inside the new day. The message says what changed.
 */
function regrid(raw: Json, s: Scenario, to: Grid, replaced = { calls: false, ahtSeconds: false, agents: false }): EditResult {
  const from = { open: s.day.open, close: s.day.close, intervalMinutes: s.intervalMinutes };
  const open = minutesOf(to.open);
  const close = minutesOf(to.close);
  let next: Json = { ...raw, day: { ...(raw.day as Json), open: to.open, close: to.close }, intervalMinutes: to.intervalMinutes };
  if (close <= open || (close - open) % to.intervalMinutes !== 0) return checked(next);
  const calls = callsPerInterval(s);
  const notes: string[] = [];
  if ('calls' in s.demand) {
    next.demand = { calls: resample(calls, from, to, 'count').map(tidy) };
  } else {
    const profile = resample(s.demand.profile, from, to, 'count');
    const before = sum(s.demand.profile);
    const after = profile.reduce((a, b) => a + b, 0);
    const peak = Math.max(0, ...profile);
    const dailyCalls = before > 0 ? tidy((s.demand.dailyCalls * after) / before) : s.demand.dailyCalls;
    next.demand = { ...(raw.demand as Json), dailyCalls, profile: profile.map((w) => tidy(peak > 1000 ? (w * 1000) / peak : w)) };
    if (dailyCalls !== s.demand.dailyCalls) {
      notes.push(`calls on a normal day ${Math.round(s.demand.dailyCalls)} → ${Math.round(dailyCalls)}`);
    }
  }
  const total = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0));
  const newCalls = resample(calls, from, to, 'count');
  if (!replaced.calls) {
    notes.push(`calls per interval summed (day total ${total(calls)} → ${total(newCalls)})`);
    if (open < minutesOf(from.open) || close > minutesOf(from.close)) notes.push('added minutes have no calls yet');
  }
  if (Array.isArray(s.ahtSeconds)) {
    next.ahtSeconds = resample(s.ahtSeconds, from, to, 'level', calls).map((a) => tidy(Math.max(1, a)));
    if (!replaced.ahtSeconds) notes.push('AHT by call-weighted mean');
  }
  if (Array.isArray(s.staffing.agents)) {
    next = setAt(next, 'staffing.agents', resample(s.staffing.agents, from, to, 'level').map(Math.round));
    if (!replaced.agents) notes.push('agents by time-weighted mean');
  }
  next = fitTemplates(next, s, to, notes);
  const serve = s.callback.serve;
  if (serve.mode === 'window' && (minutesOf(serve.from) < open || minutesOf(serve.from) >= close)) {
    const from = clockOf(Math.min(Math.max(minutesOf(serve.from), open), close - to.intervalMinutes));
    next = setAt(next, 'callback.serve.from', from);
    notes.push(`callbacks dialled from ${from}`);
  }
  const message = `Day re-gridded: ${describeGrid(from)} → ${describeGrid(to)}${notes.length ? `; ${notes.join('; ')}` : ''}.`;
  return checked(next, message);
}

/** Shift templates moved inside the new day on its grid; a template longer than the day is dropped. */
function fitTemplates(raw: Json, s: Scenario, to: Grid, notes: string[]): Json {
  if (!s.shifts) return raw;
  const open = minutesOf(to.open);
  const close = minutesOf(to.close);
  const step = to.intervalMinutes;
  const down = (m: number) => open + Math.floor((m - open) / step) * step;
  const up = (m: number) => open + Math.ceil((m - open) / step) * step;
  const kept: ShiftTemplate[] = [];
  for (const t of s.shifts.templates) {
    const lastStart = down(close - t.lengthMinutes);
    if (lastStart < open) {
      notes.push(`shift template "${t.name}" dropped (longer than the day)`);
      continue;
    }
    const earliest = Math.min(up(Math.max(minutesOf(t.earliestStart), open)), lastStart);
    const latest = Math.max(earliest, down(Math.min(Math.max(minutesOf(t.latestStart), open), lastStart)));
    const moved = { ...t, earliestStart: clockOf(earliest), latestStart: clockOf(latest) };
    if (moved.earliestStart !== t.earliestStart || moved.latestStart !== t.latestStart) {
      notes.push(`shift template "${t.name}" starts ${moved.earliestStart}–${moved.latestStart}`);
    }
    kept.push(moved);
  }
  if (kept.length === 0) {
    const { shifts: _, ...rest } = raw;
    return rest;
  }
  return { ...raw, shifts: { ...(raw.shifts as Json), templates: kept } };
}
