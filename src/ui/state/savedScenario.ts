import { formatScenarioError, type Json, parseScenario } from '../../scenario';
import type { SimulationResult } from '../../sim';

/** A scenario as saved: always a valid scenario's JSON, its revision (bumped on each save) and its last simulation. */
export interface SavedScenario {
  id: string;
  raw: Json;
  updatedAt: number;
  /** counts the saves of this record, so two tabs can tell a conflicting edit from a fresh one */
  revision: number;
  /** the tab that saved this revision, so a tab can tell its own saves from another's */
  writer?: string;
  /** the last simulation, with the scenario version (its JSON) it was run on */
  simulation?: { version: string; result: SimulationResult };
}

/** A stored value that is not a valid saved scenario: kept aside with the reason, never opened. */
export interface QuarantinedRecord {
  key: string;
  value: unknown;
  error: string;
}

export type RecordRead = { ok: true; record: SavedScenario } | { ok: false; error: string };

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

const looksLikeSimulation = (x: unknown): x is SavedScenario['simulation'] =>
  isObject(x) &&
  typeof x.version === 'string' &&
  isObject(x.result) &&
  Array.isArray(x.result.intervals) &&
  isObject(x.result.day) &&
  typeof x.result.replications === 'number';

/**
 * Reads a value from storage as a saved scenario, whatever it holds (an older
 * version's draft, another app's data, a hand-edited record). A simulation of
 * an unknown shape is dropped; a scenario that is not valid fails the record.
 */
export function readRecord(value: unknown): RecordRead {
  if (!isObject(value) || typeof value.id !== 'string') return { ok: false, error: 'not a saved scenario (no id)' };
  const parsed = parseScenario(value.raw);
  if (!parsed.ok)
    return { ok: false, error: `the scenario is not valid: ${parsed.errors.slice(0, 3).map(formatScenarioError).join('; ')}` };
  const record: SavedScenario = {
    id: value.id,
    raw: value.raw as Json,
    updatedAt: Number.isFinite(value.updatedAt) ? (value.updatedAt as number) : 0,
    revision: Number.isInteger(value.revision) ? (value.revision as number) : 0,
  };
  if (typeof value.writer === 'string') record.writer = value.writer;
  if (looksLikeSimulation(value.simulation)) record.simulation = value.simulation;
  return { ok: true, record };
}

export function newScenarioId(): string {
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
