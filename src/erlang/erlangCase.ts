import { erlangA } from './erlangA';
import { erlangB } from './erlangB';
import { erlangC } from './erlangC';
import { erlangX } from './erlangX';
import { DEFAULT_SL_DEFINITION, SL_DEFINITIONS, type SlDefinition, serviceLevel, slFormula } from './serviceLevel';
import { requiredAgents, SCHEDULING_RULE, type StaffingTargets, scheduledAgents } from './staffing';

/**
 * One Erlang question as the `wfm erlang` command and the calculator ask it:
 * plain fields (DESIGN.md §6), validated with the field name and its range.
 */
export interface ErlangCase {
  model: 'B' | 'C' | 'A' | 'X';
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** the staffing to evaluate; omit it (C, A) to ask for the required agents instead */
  agents?: number;
  targetSeconds: number;
  patienceSeconds?: number;
  lines?: number;
  redialShare: number;
  slDefinition: SlDefinition;
  serviceLevelTarget?: number;
  maxAsaSeconds?: number;
  maxAbandonRate?: number;
  maxOccupancy?: number;
  shrinkage: number;
  fractional: boolean;
}

export interface FieldError {
  field: string;
  /** what is wrong, without the field name: "must be a number from 0 to 10 (s), got -1" */
  problem: string;
}

/** "field: problem", or with another name for the field (a CLI flag). */
export function formatFieldError(e: FieldError, name = e.field): string {
  return `${name}: ${e.problem}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface NumberRule {
  min: number;
  max: number;
  /** min itself is not allowed */
  minExclusive?: boolean;
  /** max itself is not allowed */
  maxExclusive?: boolean;
  integer?: boolean;
  unit: string;
}

/** Every numeric field, its allowed range and unit: the one place the limits live. */
export const ERLANG_FIELDS: Record<string, NumberRule> = {
  calls: { min: 0, max: 10_000_000, unit: 'calls per interval' },
  intervalSeconds: { min: 1, max: 86_400, unit: 's' },
  ahtSeconds: { min: 0, max: 86_400, minExclusive: true, unit: 's' },
  agents: { min: 0, max: 50_000, unit: 'agents' },
  targetSeconds: { min: 0, max: 86_400, unit: 's' },
  patienceSeconds: { min: 0, max: 86_400, minExclusive: true, unit: 's' },
  lines: { min: 1, max: 100_000, integer: true, unit: 'lines' },
  redialShare: { min: 0, max: 0.99, unit: 'share 0–1' },
  serviceLevelTarget: { min: 0, max: 1, minExclusive: true, maxExclusive: true, unit: 'share 0–1' },
  maxAsaSeconds: { min: 0, max: 86_400, minExclusive: true, unit: 's' },
  maxAbandonRate: { min: 0, max: 1, minExclusive: true, maxExclusive: true, unit: 'share 0–1' },
  maxOccupancy: { min: 0, max: 1, minExclusive: true, unit: 'share 0–1' },
  shrinkage: { min: 0, max: 0.95, unit: 'share 0–1' },
};

/** Largest offered load the engine is held accurate for (DESIGN.md §3), with up to 50,000 agents. */
export const MAX_LOAD = 45_000;

/**
 * The one load guard of every Erlang front-end (`wfm erlang`, the calculator page):
 * what is wrong with the offered load calls ÷ intervalSeconds × ahtSeconds, or null.
 * Past it the answer would leave the range the engine is tested for, and a search
 * could run for seconds.
 */
export function loadProblem(calls: number, intervalSeconds: number, ahtSeconds: number): FieldError | null {
  const load = (calls / intervalSeconds) * ahtSeconds;
  if (load <= MAX_LOAD) return null;
  return {
    field: 'calls',
    problem: `the load calls ÷ intervalSeconds × ahtSeconds must be at most ${MAX_LOAD} Erlangs, got ${load.toFixed(1)}`,
  };
}

const MODELS = ['B', 'C', 'A', 'X'] as const;
const OTHER_FIELDS = ['model', 'slDefinition', 'fractional'];

export function describeRange(r: NumberRule): string {
  const range =
    r.minExclusive || r.maxExclusive
      ? `${r.minExclusive ? 'above' : 'at least'} ${r.min} and ${r.maxExclusive ? 'below' : 'at most'} ${r.max}`
      : `from ${r.min} to ${r.max}`;
  return `${r.integer ? 'a whole number' : 'a number'} ${range} (${r.unit})`;
}

/** Checks one numeric value; what is wrong with it (naming the range), or null when it is fine. */
export function checkNumber(value: unknown, rule: NumberRule): string | null {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.minExclusive ? value > rule.min : value >= rule.min) &&
    (rule.maxExclusive ? value < rule.max : value <= rule.max) &&
    (!rule.integer || Number.isInteger(value));
  return ok ? null : `must be ${describeRange(rule)}, got ${JSON.stringify(value) ?? 'nothing'}`;
}

/** Validates a raw object (a JSON line, parsed flags, a form) into an ErlangCase, or lists every error. */
export function parseErlangCase(raw: unknown): Parsed<ErlangCase> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: 'input', problem: 'must be a JSON object' }] };
  }
  const input = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (field: string, problem: string) => errors.push({ field, problem });

  for (const key of Object.keys(input)) {
    if (!(key in ERLANG_FIELDS) && !OTHER_FIELDS.includes(key)) fail(key, 'unknown field');
  }
  const model = input.model ?? 'C';
  if (!MODELS.includes(model as ErlangCase['model'])) fail('model', `must be one of B, C, A, X, got ${JSON.stringify(model)}`);
  const slDefinition = input.slDefinition ?? DEFAULT_SL_DEFINITION;
  if (!SL_DEFINITIONS.includes(slDefinition as SlDefinition)) {
    fail('slDefinition', `must be one of ${SL_DEFINITIONS.join(', ')}, got ${JSON.stringify(slDefinition)}`);
  }
  const fractional = input.fractional ?? false;
  if (typeof fractional !== 'boolean') fail('fractional', `must be true or false, got ${JSON.stringify(fractional)}`);

  const defaults: Record<string, number> = { targetSeconds: 20, redialShare: 0, shrinkage: 0 };
  const required = ['calls', 'intervalSeconds', 'ahtSeconds'];
  if (model === 'A' || model === 'X') required.push('patienceSeconds');
  if (model === 'B' || model === 'X') required.push('agents');
  const numbers: Record<string, number | undefined> = {};
  for (const [field, rule] of Object.entries(ERLANG_FIELDS)) {
    const value = input[field] ?? defaults[field];
    if (value === undefined) {
      if (required.includes(field)) fail(field, `required, ${describeRange(rule)}`);
      continue;
    }
    const problem = checkNumber(value, rule);
    if (problem) fail(field, problem);
    else numbers[field] = value as number;
  }
  const { calls, intervalSeconds, ahtSeconds, agents, lines } = numbers;
  if ((model === 'A' || model === 'X') && agents !== undefined && !Number.isInteger(agents)) {
    fail('agents', `must be a whole number for Erlang ${model}, got ${agents}`);
  }
  if (lines !== undefined && agents !== undefined && lines < agents) {
    fail('lines', `must be at least agents (${agents}), got ${lines}`);
  }
  const staffingTargets = ['serviceLevelTarget', 'maxAsaSeconds', 'maxAbandonRate', 'maxOccupancy'];
  if ((model === 'C' || model === 'A') && agents === undefined && !staffingTargets.some((f) => numbers[f] !== undefined)) {
    fail(
      'agents',
      'required: give the agents to evaluate, or a target (serviceLevelTarget, maxAsaSeconds, maxAbandonRate, maxOccupancy) to staff for',
    );
  }
  if (calls !== undefined && intervalSeconds !== undefined && ahtSeconds !== undefined) {
    const problem = loadProblem(calls, intervalSeconds, ahtSeconds);
    if (problem) errors.push(problem);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...(numbers as Pick<
        ErlangCase,
        'calls' | 'intervalSeconds' | 'ahtSeconds' | 'targetSeconds' | 'redialShare' | 'shrinkage'
      >),
      agents,
      patienceSeconds: numbers.patienceSeconds,
      lines,
      serviceLevelTarget: numbers.serviceLevelTarget,
      maxAsaSeconds: numbers.maxAsaSeconds,
      maxAbandonRate: numbers.maxAbandonRate,
      maxOccupancy: numbers.maxOccupancy,
      model: model as ErlangCase['model'],
      slDefinition: slDefinition as SlDefinition,
      fractional: fractional as boolean,
    },
  };
}

/** The answer, with the fields DESIGN.md §6 names; extra fields say how it was reached. */
export type ErlangAnswer = Record<string, number | boolean | string | null>;

export function solveErlangCase(c: ErlangCase): ErlangAnswer {
  const load = (c.calls / c.intervalSeconds) * c.ahtSeconds;
  const arrivalRate = c.calls / c.intervalSeconds;
  if (c.model === 'B') return { model: 'B', agents: c.agents ?? 0, load, erlangB: erlangB(c.agents ?? 0, load) };
  if (c.model === 'X') {
    const r = erlangX({
      agents: c.agents ?? 0,
      firstAttemptRate: arrivalRate,
      ahtSeconds: c.ahtSeconds,
      patienceSeconds: c.patienceSeconds ?? 0,
      targetSeconds: c.targetSeconds,
      lines: c.lines,
      redialShare: c.redialShare,
    });
    const { iterations, ...metrics } = r;
    return {
      model: 'X',
      agents: c.agents ?? 0,
      lines: c.lines ?? null,
      ...metrics,
      callsWithRedials: r.arrivalRate * c.intervalSeconds,
      ...slFields(c, {
        answeredWithin: r.pServedWithin,
        answered: 1 - r.pBlock - r.pAbandon,
        abandoned: r.pAbandon,
        abandonedWithin: r.pAbandonWithin,
      }),
    };
  }
  if (c.agents === undefined) return staffingAnswer(c);
  if (c.model === 'C') {
    const r = erlangC({ agents: c.agents, load, ahtSeconds: c.ahtSeconds, targetSeconds: c.targetSeconds });
    return {
      model: 'C',
      agents: c.agents,
      ...r,
      ...(r.stable ? { slDefinition: slFormula(c.slDefinition, c.targetSeconds) } : {}),
    };
  }
  const r = erlangA({
    agents: c.agents,
    arrivalRate,
    ahtSeconds: c.ahtSeconds,
    patienceSeconds: c.patienceSeconds ?? 0,
    targetSeconds: c.targetSeconds,
  });
  const { pBlock, ...metrics } = r;
  return {
    model: 'A',
    agents: c.agents,
    ...metrics,
    ...slFields(c, {
      answeredWithin: r.pServedWithin,
      answered: 1 - r.pAbandon,
      abandoned: r.pAbandon,
      abandonedWithin: r.pAbandonWithin,
    }),
  };
}

function slFields(c: ErlangCase, counts: Parameters<typeof serviceLevel>[1]) {
  return { serviceLevel: serviceLevel(c.slDefinition, counts), slDefinition: slFormula(c.slDefinition, c.targetSeconds) };
}

function staffingAnswer(c: ErlangCase): ErlangAnswer {
  const model = c.model === 'A' ? 'A' : 'C';
  const targets: StaffingTargets = {
    serviceLevel: c.serviceLevelTarget,
    maxAsaSeconds: c.maxAsaSeconds,
    maxAbandonRate: c.maxAbandonRate,
    maxOccupancy: c.maxOccupancy,
  };
  const { agents, metrics } = requiredAgents({ ...c, model }, targets, c.fractional);
  return {
    model,
    requiredAgents: agents,
    scheduledAgents: scheduledAgents(agents, c.shrinkage),
    shrinkage: c.shrinkage,
    schedulingRule: SCHEDULING_RULE,
    ...metrics,
    slDefinition: slFormula(c.slDefinition, c.targetSeconds),
  };
}
