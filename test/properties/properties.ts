/**
 * Properties over the whole scenario schema, shared by the test suite
 * (scenario.test.ts, a fixed seed under CI) and `npm run fuzz` (fuzz.ts, many
 * more runs). Checks throw plain errors, so both runners can use them.
 */

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { planDay } from '../../src/plan';
import {
  checkScenario,
  formatScenarioError,
  parseScenario,
  type Scenario,
  type ScenarioInput,
  type ScenarioParse,
  scenarioJsonSchema,
} from '../../src/scenario';
import { resultAggregator, simulateReplication } from '../../src/sim';
import { scenarioInput } from './scenarioArbitrary';
import { type JsonSchema, schemaFields, valueFields } from './schemaPaths';

/** Plan fields that are shares; every other number a plan gives is a count, a time or a load, never negative. */
const SHARES = new Set([
  'pWait',
  'occupancy',
  'occupancyAll',
  'serviceLevel',
  'serviceLevelC',
  'pCallbackOffer',
  'answerRate',
  'handledRate',
]);

/** Every number in a result is finite; shares lie in [0, 1], everything else is ≥ 0 (−0 included: never printed). */
export function checkFigures(value: unknown, path = 'plan', shares = SHARES): void {
  if (typeof value === 'number') {
    const field = path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
    if (!Number.isFinite(value)) throw new Error(`${path} = ${value}`);
    if (value < 0 || Object.is(value, -0)) throw new Error(`${path} = ${value} is negative`);
    if (shares.has(field) && value > 1) throw new Error(`${path} = ${value} is a share above 1`);
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkFigures(v, `${path}[${i}]`, shares);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) checkFigures(v, `${path}.${k}`, shares);
  }
}

function accepted(input: ScenarioInput): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`a valid draw was refused:\n${parsed.errors.map(formatScenarioError).join('\n')}`);
  return parsed.scenario;
}

/** An error the CLI and the app can show as one line naming the field. */
function checkErrors(parsed: ScenarioParse & { ok: false }): void {
  if (parsed.errors.length === 0) throw new Error('refused without an error');
  for (const e of parsed.errors) {
    if (typeof e.path !== 'string' || e.path === '' || typeof e.message !== 'string' || e.message === '') {
      throw new Error(`an error without a path or message: ${JSON.stringify(e)}`);
    }
    const line = formatScenarioError(e);
    if (/[\r\n]/.test(line)) throw new Error(`an error of more than one line: ${line}`);
    if (line.length > 600) throw new Error(`an error of ${line.length} characters: ${line.slice(0, 200)}…`);
  }
}

/** Options: at most this many intervals per drawn day (planning time grows with them). */
const MAX_INTERVALS = 4;

/** Valid scenarios plan to finite figures: shares in [0, 1], counts ≥ 0. */
export const validScenariosPlan = fc.property(scenarioInput({ maxIntervals: MAX_INTERVALS }), (input) => {
  checkFigures(planDay(accepted(input)));
});

/** Values that break a field: wrong types, non-finite numbers, sizes and nestings no scenario has. */
const HOSTILE: unknown[] = [
  -1,
  -1e-300,
  0,
  0.5,
  1,
  2 ** 53,
  1e308,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  '',
  'x',
  '2026-13-45',
  '25:00',
  null,
  true,
  [],
  {},
  [Number.POSITIVE_INFINITY],
  { colour: 'blue' },
  Array(200).fill(1),
  'y'.repeat(100_000),
];

const fields = schemaFields(scenarioJsonSchema() as JsonSchema);
const ranges = new Map(fields.filter(([, n]) => n.maximum !== undefined).map(([p, n]) => [p, n]));

/** A value just outside a field's range (from the published schema), or a hostile one. */
function replacement(path: string, pick: number): unknown {
  const node = ranges.get(path);
  const outside = node && [
    (node.maximum as number) * (1 + 1e-9) + 1e-9,
    (node.minimum ?? 0) - 1e-9 - Math.abs(node.minimum ?? 0) * 1e-9,
  ];
  const choices = outside ? [...outside, ...HOSTILE] : HOSTILE;
  return choices[pick % choices.length];
}

type Mutation = { at: number; kind: 'replace' | 'remove' | 'unknownField'; pick: number };

function mutate(input: ScenarioInput, m: Mutation): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  const found = valueFields(copy).filter((f) => f.key.length > 0);
  const target = found[m.at % found.length];
  const parent = target.key.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], copy) as Record<
    string | number,
    unknown
  >;
  const last = target.key[target.key.length - 1];
  if (m.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (m.kind === 'unknownField' && typeof target.value === 'object' && target.value !== null) {
    (target.value as Record<string, unknown>).surprise = 1;
  } else parent[last] = replacement(target.path, m.pick);
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace' as const, 'remove' as const, 'unknownField' as const),
  pick: fc.nat(),
});

/**
 * A valid scenario with one field broken is either still valid (and plans
 * finitely) or refused with one-line errors naming fields; never an exception.
 */
export const brokenScenariosAreNamed = fc.property(
  scenarioInput({ maxIntervals: MAX_INTERVALS }),
  fc.array(mutation, { minLength: 1, maxLength: 3 }),
  (input, mutations) => {
    const broken = mutations.reduce<unknown>((raw, m) => mutate(raw as ScenarioInput, m), input);
    const parsed = parseScenario(broken);
    if (parsed.ok) checkFigures(planDay(parsed.scenario));
    else checkErrors(parsed);
  },
);

const valueAt = (value: unknown, key: (string | number)[]) =>
  key.reduce<unknown>(
    (o, k) => (typeof o === 'object' && o !== null ? (o as Record<string | number, unknown>)[k] : undefined),
    value,
  );

/**
 * The workers' check (checkScenario, no schema library) on a validated
 * scenario with fields broken: it passes the scenario untouched, and it
 * passes a broken one only if the schema would accept that very value
 * unchanged; whatever the schema refuses or would rewrite, it refuses, with
 * one-line errors naming fields.
 */
export const workersRefuseWhatTheSchemaWould = fc.property(
  scenarioInput({ maxIntervals: MAX_INTERVALS }),
  fc.array(mutation, { minLength: 1, maxLength: 3 }),
  (input, mutations) => {
    const valid = accepted(input);
    if (!checkScenario(valid).ok) throw new Error(`a validated scenario was refused: ${JSON.stringify(checkScenario(valid))}`);
    const broken = mutations.reduce<unknown>((raw, m) => mutate(raw as ScenarioInput, m), valid);
    const checked = checkScenario(broken);
    if (!checked.ok) return checkErrors(checked);
    const parsed = parseScenario(broken);
    if (parsed.ok && isDeepStrictEqual(parsed.scenario, broken)) return;
    const refusedFor = parsed.ok ? [] : parsed.errors.map((e) => e.path);
    const rewritten = parsed.ok
      ? valueFields(broken)
          .reverse()
          .find((f) => !isDeepStrictEqual(valueAt(parsed.scenario, f.key), f.value))
      : null;
    throw new Error(
      `the worker check passed what the schema ${parsed.ok ? `rewrites at ${rewritten?.path ?? '(scenario)'}` : `refuses: ${refusedFor.join(', ')}`}`,
    );
  },
);

/** Simulation figures that are shares; half-widths and means of counts are ≥ 0. */
const SIM_SHARES = new Set([
  'answerRate',
  'handledRate',
  'serviceLevel',
  'slAbandonsCount',
  'slAnsweredOnly',
  'slShortAbandonsExcluded',
  'occupancy',
  'customerAnsweredShare',
]);

/** One replication of a small valid scenario (few intervals, few calls) gives finite counts and figures. */
export const smallScenariosSimulate = fc.property(scenarioInput({ maxIntervals: 3, maxCalls: 60, maxTraffic: 1 }), (input) => {
  const s = accepted(input);
  const counts = simulateReplication(s, 0);
  checkFigures(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Array.from(v)])), 'counts');
  const aggregate = resultAggregator(s);
  aggregate.add(counts);
  const result = aggregate.result();
  for (const [name, e] of Object.entries(result.day)) {
    if (e.mean !== null) checkFigures({ [name]: e.mean }, 'day', SIM_SHARES);
  }
});
