import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { intervalCount, parseScenario, type Scenario } from '../scenario';
import { COUNTERS, type Counts } from './counters';
import { crc32 } from './crc32';
import { resultAggregator, type SimulationResult } from './results';

/**
 * A partial result: the raw counts of replications `from` … `to − 1` of one
 * run, so that runs split over processes or machines merge into exactly the
 * figures of one local run. Replication r depends only on (scenario, seed, r),
 * and the merge folds the counts in replication order with the aggregator a
 * local run uses; merging running means instead would change the last bits
 * with the split. Counts travel as deflated little-endian Float64 (JSON
 * numbers lose −0 and are larger).
 *
 * File layout: `WFMPART <format> <crc32 of the rest, hex>\n`, a JSON header
 * line, then the deflated counts (the header gives their length).
 */
export const PART_FORMAT = 1;

/**
 * What computed the counts. A replication draws through portableMath's exp and log
 * (never the engine's Math), so its counts are the same bits in Chromium and
 * in Node; still, figures are promised identical only between identical
 * engines: the same wfm version and worker bundle on the same V8 and CPU architecture.
 */
export interface EngineFingerprint {
  version: string;
  /** a hash of the bytes of the worker bundle that simulates */
  bundle: string;
  v8: string;
  arch: string;
}

export interface PartialResult {
  engine: EngineFingerprint;
  /** a hash of the canonical parsed scenario (its simulation block aside: seed and replications are checked on their own) */
  scenarioKey: string;
  /** the parsed scenario; simulation.seed and simulation.replications (R) are those of the whole run */
  scenario: Scenario;
  from: number;
  to: number;
  /** one per replication, from `from` on */
  counts: Counts[];
}

/** A part that cannot be read, or parts that do not make one run. */
export class PartialResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartialResultError';
  }
}

/** JSON with every object's keys sorted: equal values give equal text, whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The text the scenario key hashes: the canonical scenario without its simulation block. */
export function scenarioKeyText(s: Scenario): string {
  const { simulation: _, ...rest } = s;
  return canonicalJson(rest);
}

const MAGIC = 'WFMPART';

export function encodePartial(p: PartialResult): Uint8Array {
  const intervals = intervalCount(p.scenario);
  if (p.counts.length !== p.to - p.from)
    throw new RangeError(`${p.counts.length} replications of counts for ${p.from}…${p.to - 1}`);
  const raw = new DataView(new ArrayBuffer(p.counts.length * COUNTERS.length * intervals * 8));
  let at = 0;
  for (const c of p.counts) {
    for (const k of COUNTERS) {
      for (let i = 0; i < intervals; i++, at += 8) raw.setFloat64(at, c[k][i], true);
    }
  }
  const counts = deflateSync(new Uint8Array(raw.buffer), { level: 6 });
  const header = strToU8(
    `${canonicalJson({ engine: p.engine, scenarioKey: p.scenarioKey, scenario: p.scenario, from: p.from, to: p.to, countsBytes: counts.length })}\n`,
  );
  const body = new Uint8Array(header.length + counts.length);
  body.set(header);
  body.set(counts, header.length);
  const first = strToU8(`${MAGIC} ${PART_FORMAT} ${crc32(body).toString(16).padStart(8, '0')}\n`);
  const file = new Uint8Array(first.length + body.length);
  file.set(first);
  file.set(body, first.length);
  return file;
}

const isWhole = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** Reads a part, refusing (PartialResultError) anything truncated, corrupt or of another format. */
export function decodePartial(bytes: Uint8Array): PartialResult {
  const firstEnd = bytes.indexOf(10);
  const first = firstEnd < 0 ? '' : strFromU8(bytes.subarray(0, Math.min(firstEnd, 64)));
  const m = /^WFMPART (\d+) ([0-9a-f]{8})$/.exec(first);
  if (!m) throw new PartialResultError('not a wfm partial result (.wfmpart)');
  if (Number(m[1]) !== PART_FORMAT)
    throw new PartialResultError(`partial-result format ${m[1]}; this wfm reads format ${PART_FORMAT}`);
  const body = bytes.subarray(firstEnd + 1);
  const headerEnd = body.indexOf(10);
  if (headerEnd < 0) throw new PartialResultError('truncated (the file ends early)');
  const corrupt = new PartialResultError('corrupt (its checksum does not match its content)');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(strFromU8(body.subarray(0, headerEnd)));
  } catch {
    throw corrupt;
  }
  if (typeof header !== 'object' || header === null) throw corrupt;
  const countsBytes = header.countsBytes;
  if (isWhole(countsBytes) && body.length - headerEnd - 1 < countsBytes)
    throw new PartialResultError('truncated (the file ends early)');
  if (crc32(body).toString(16).padStart(8, '0') !== m[2] || body.length - headerEnd - 1 !== countsBytes) throw corrupt;
  const { engine, scenarioKey, from, to } = header as Record<string, unknown>;
  const parsed = parseScenario(header.scenario);
  const e = engine as Record<string, unknown> | null;
  const fields = ['version', 'bundle', 'v8', 'arch'] as const;
  if (
    !parsed.ok ||
    typeof scenarioKey !== 'string' ||
    !isWhole(from) ||
    !isWhole(to) ||
    to < from ||
    to > parsed.scenario.simulation.replications ||
    typeof e !== 'object' ||
    e === null ||
    !fields.every((f) => typeof e[f] === 'string')
  )
    throw new PartialResultError('corrupt (its header is not that of a partial result)');
  const scenario = parsed.scenario;
  const intervals = intervalCount(scenario);
  let raw: Uint8Array;
  try {
    raw = inflateSync(body.subarray(headerEnd + 1));
  } catch {
    throw new PartialResultError('corrupt (its counts do not inflate)');
  }
  const n = to - from;
  if (raw.length !== n * COUNTERS.length * intervals * 8)
    throw new PartialResultError('corrupt (its counts have the wrong length)');
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  let at = 0;
  const counts = Array.from({ length: n }, () => {
    const c = {} as Counts;
    for (const k of COUNTERS) {
      c[k] = new Float64Array(intervals);
      for (let i = 0; i < intervals; i++, at += 8) c[k][i] = view.getFloat64(at, true);
    }
    return c;
  });
  return { engine: e as unknown as EngineFingerprint, scenarioKey, scenario, from, to, counts };
}

/** A part as the merge sees it: what it is called (its file), and what it holds. */
export interface NamedPartial {
  name: string;
  part: PartialResult;
}

/**
 * Merges the parts of one run into its result. They must come from one
 * engine, scenario, seed and replication count, and their ranges must tile
 * 0 … R − 1 exactly once; the counts are then folded in replication order,
 * as a local run folds them, so the figures are identical to one.
 */
export function mergePartials(parts: readonly NamedPartial[]): { scenario: Scenario; result: SimulationResult } {
  if (parts.length === 0) throw new PartialResultError('no parts to merge');
  const [first] = parts;
  const sim = first.part.scenario.simulation;
  for (const { name, part } of parts) {
    if (canonicalJson(part.engine) !== canonicalJson(first.part.engine))
      throw new PartialResultError(
        `${name}: computed by another engine build (${describeEngine(part.engine)}) than ${first.name} (${describeEngine(first.part.engine)}); results are identical only between identical engines`,
      );
    if (part.scenarioKey !== first.part.scenarioKey)
      throw new PartialResultError(
        `${name}: a part of another scenario ("${part.scenario.name}") than ${first.name} ("${first.part.scenario.name}")`,
      );
    if (part.scenario.simulation.seed !== sim.seed)
      throw new PartialResultError(`${name}: seed ${part.scenario.simulation.seed}, but ${first.name} has seed ${sim.seed}`);
    if (part.scenario.simulation.replications !== sim.replications)
      throw new PartialResultError(
        `${name}: a run of ${part.scenario.simulation.replications} replications, but ${first.name} is one of ${sim.replications}`,
      );
  }
  const ordered = [...parts].sort((a, b) => a.part.from - b.part.from || a.part.to - b.part.to);
  let next = 0;
  let previous = '';
  for (const { name, part } of ordered) {
    if (part.from === part.to) continue; // an empty shard (more shards than replications) holds nothing
    if (part.from > next)
      throw new PartialResultError(`replications ${next}–${part.from - 1} are in no part (the next part is ${name})`);
    if (part.from < next)
      throw new PartialResultError(
        `${name}: replications ${part.from}–${part.to - 1} overlap those of ${previous} (up to ${next - 1})`,
      );
    next = part.to;
    previous = name;
  }
  if (next < sim.replications)
    throw new PartialResultError(`replications ${next}–${sim.replications - 1} of ${sim.replications} are in no part`);
  const aggregate = resultAggregator(first.part.scenario);
  for (const { part } of ordered) for (const c of part.counts) aggregate.add(c);
  return { scenario: first.part.scenario, result: aggregate.result() };
}

const describeEngine = (e: EngineFingerprint) => `wfm ${e.version}, bundle ${e.bundle.slice(0, 12)}, V8 ${e.v8}, ${e.arch}`;
