import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC } from '../../src/erlang';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';
import { type Counts, resultAggregator, simulateDay, simulateReplication, t975 } from '../../src/sim';

/** A stationary day: 24 hourly intervals at one rate, one staffing level. */
function stationary(extra: Partial<ScenarioInput>, callsPerHour: number, agents: number): Scenario {
  const parsed = parseScenario({
    schema: 1,
    name: 'stationary',
    day: { date: '2026-01-01', open: '00:00', close: '24:00' },
    intervalMinutes: 60,
    demand: { calls: Array(24).fill(callsPerHour) },
    ahtSeconds: 180,
    staffing: { agents },
    ivr: { time: { kind: 'deterministic', meanSeconds: 0.001 } },
    patience: { meanSeconds: 86_400 },
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

/** Sums counters over intervals 2…23 (the first two hours are warm-up from an empty center) and replications. */
function steadyTotals(s: Scenario, replications: number) {
  const runs = Array.from({ length: replications }, (_, r) => simulateReplication(s, r));
  /** a ratio and its 95% half-width from the spread of the per-replication ratios */
  const ratio = (num: keyof Counts, den: (c: Counts) => number) => {
    const values = runs.map((c) => sumFrom2(c[num]) / den(c));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    return { mean, halfWidth: (t975(values.length - 1) * sd) / Math.sqrt(values.length) };
  };
  return { ratio };
}

/**
 * The exact value lies within 1.5 half-widths of the 95% CI (about 3 standard errors), and that band
 * is narrower than `sharp` of the value, so an engine off by 2 % fails.
 */
function expectAgreement(estimate: { mean: number; halfWidth: number }, exact: number, sharp = 0.02) {
  expect(Math.abs(estimate.mean - exact)).toBeLessThanOrEqual(1.5 * estimate.halfWidth);
  expect((1.5 * estimate.halfWidth) / exact).toBeLessThan(sharp);
}

const sumFrom2 = (a: Float64Array) => a.slice(2).reduce((x, y) => x + y, 0);

describe('simulation against the analytic models where they must agree', () => {
  // 900 calls an hour, AHT 180 s: 45 Erlangs.
  const callsPerHour = 900;
  const load = (callsPerHour / 3600) * 180;
  const replications = 30;

  it('M/M/N matches Erlang C: SL(20 s), P(wait) and ASA', () => {
    const agents = 52;
    const c = erlangC({ agents, load, ahtSeconds: 180, targetSeconds: 20 });
    if (!c.stable) throw new Error('expected stable');
    const s = stationary({ handleTime: { kind: 'exponential' }, targets: { targetSeconds: 20 } }, callsPerHour, agents);
    const { ratio } = steadyTotals(s, replications);
    const answered = (k: Counts) => sumFrom2(k.answered);
    expectAgreement(ratio('answeredWithin', answered), c.serviceLevel);
    expectAgreement(ratio('waitAnswered', answered), c.asa, 0.2); // ASA is the noisiest figure
    // P(wait > 0) from a run whose SL threshold is 0: answered within 0 s = answered at once.
    const immediate = steadyTotals({ ...s, targets: { ...s.targets, targetSeconds: 0 } }, replications).ratio(
      'answeredWithin',
      answered,
    );
    expectAgreement(immediate, 1 - c.erlangC);
  });

  // With one AHT for the day the calls in service end as one clock; with an AHT per interval each has its own end.
  const cases: [string, number | number[]][] = [
    ['one service clock', 180],
    ['an end event per call', [200, ...Array(23).fill(180)]],
  ];
  for (const [how, ahtSeconds] of cases) {
    it(`M/M/N+M matches the exact Erlang A (${how}): P(abandon), P(answered within 20 s), occupancy`, () => {
      const agents = 44; // a little under the load, where abandonment matters
      const a = erlangA({ agents, arrivalRate: callsPerHour / 3600, ahtSeconds: 180, patienceSeconds: 120, targetSeconds: 20 });
      const s = stationary({ ahtSeconds, patience: { meanSeconds: 120 }, targets: { targetSeconds: 20 } }, callsPerHour, agents);
      const { ratio } = steadyTotals(s, replications);
      const offered = (k: Counts) => sumFrom2(k.offered);
      expectAgreement(ratio('abandoned', offered), a.pAbandon, 0.05);
      expectAgreement(ratio('answeredWithin', offered), a.pServedWithin);
      expectAgreement(
        ratio('busySeconds', (k) => sumFrom2(k.availableSeconds)),
        a.occupancy,
      );
    });
  }

  it('would catch an engine 2 % off', () => {
    // The same run read against the model at 2 % more load must not agree.
    const c = erlangC({ agents: 52, load: load * 1.02, ahtSeconds: 180, targetSeconds: 20 });
    if (!c.stable) throw new Error('expected stable');
    const s = stationary({ handleTime: { kind: 'exponential' } }, callsPerHour, 52);
    const sl = steadyTotals(s, replications).ratio('answeredWithin', (k) => sumFrom2(k.answered));
    expect(Math.abs(sl.mean - c.serviceLevel)).toBeGreaterThan(1.5 * sl.halfWidth);
  });

  it('lines with ample agents block as Erlang B says, whatever the talk-time shape', () => {
    const lines = 40;
    const s = stationary(
      { ivr: { lines, time: { kind: 'deterministic', meanSeconds: 0.001 } }, handleTime: { kind: 'lognormal', shape: 0.8 } },
      callsPerHour,
      60,
    );
    const blocked = steadyTotals(s, replications).ratio('blocked', (k) => sumFrom2(k.calls));
    expectAgreement(blocked, erlangB(lines, load), 0.05);
  });
});

describe('a day that varies', () => {
  function peakDay(peakAt: number): Scenario {
    const calls = Array.from({ length: 16 }, (_, i) => 300 + 900 * Math.exp(-((i - peakAt) ** 2) / 3));
    const parsed = parseScenario({
      schema: 1,
      name: 'peak',
      day: { date: '2026-12-24', open: '08:00', close: '16:00' },
      demand: { calls },
      ahtSeconds: 240,
      staffing: { agents: 140 },
      patience: { meanSeconds: 200 },
      simulation: { replications: 8, seed: 7 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
    return parsed.scenario;
  }

  it('carries the queue over from one interval to the next as the peak rises', () => {
    const r = simulateDay(peakDay(6));
    const queueAtStart = r.intervals.map((x) => x.metrics.queueAtStart.mean ?? 0);
    expect(Math.max(...queueAtStart.slice(5, 8))).toBeGreaterThan(5);
    expect(queueAtStart[0]).toBe(0);
  });

  it('moves the worst interval when the peak moves', () => {
    const worst = (s: Scenario) => {
      const sl = simulateDay(s).intervals.map((x) => x.metrics.serviceLevel.mean ?? 1);
      return sl.indexOf(Math.min(...sl));
    };
    const early = worst(peakDay(4));
    const late = worst(peakDay(10));
    expect(late - early).toBeGreaterThanOrEqual(5);
    expect(late - early).toBeLessThanOrEqual(7);
  });
});

describe('per-interval figures at low volume: ratios of sums, not means of ratios', () => {
  // Nine calls a quarter hour on two agents (AHT 120 s: 1.2 Erlangs), read in an interval after 2¼ h of warm-up
  // and with 45 min left for its callers to be answered. Exact: Erlang A with the same (very long) patience.
  const parsed = parseScenario({
    schema: 1,
    name: 'low volume',
    day: { date: '2026-01-01', open: '00:00', close: '03:00' },
    intervalMinutes: 15,
    demand: { calls: Array(12).fill(9) },
    ahtSeconds: 120,
    staffing: { agents: 2 },
    ivr: { time: { kind: 'deterministic', meanSeconds: 0.001 } },
    patience: { meanSeconds: 86_400 },
    targets: { targetSeconds: 20 },
    simulation: { replications: 3000, seed: 3 },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  const s = parsed.scenario;
  const i = 9;
  const exact = erlangA({ agents: 2, arrivalRate: 9 / 900, ahtSeconds: 120, patienceSeconds: 86_400, targetSeconds: 20 });
  const runs = Array.from({ length: s.simulation.replications }, (_, r) => simulateReplication(s, r));
  const aggregate = resultAggregator(s);
  for (const c of runs) aggregate.add(c);
  const figures = aggregate.result().intervals[i].metrics;

  /** The old estimator: the mean over replications of each one's ratio, with its Student-t half-width. */
  const meanOfRatios = (numerator: (c: Counts) => number) => {
    const values = runs
      .filter((c) => c.answered[i] + c.abandoned[i] > 0)
      .map((c) => numerator(c) / (c.answered[i] + c.abandoned[i]));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    return { mean, halfWidth: (t975(values.length - 1) * sd) / Math.sqrt(values.length) };
  };

  it('agree with the exact P(wait) and SL within 3.3 standard errors (their 95% half-width × 1.68)', () => {
    // A 95 % interval misses the truth once in 20 seeds by design; at 3.3 standard errors, once in 1,000.
    for (const [metric, value] of [
      ['pWait', exact.pWait],
      ['serviceLevel', exact.pServedWithin],
      ['answerRate', 1 - exact.pAbandon],
    ] as const) {
      const e = figures[metric];
      expect(Math.abs((e.mean ?? 0) - value)).toBeLessThanOrEqual((e.halfWidth ?? 0) * (3.29 / 1.96));
      expect(e.halfWidth ?? 1).toBeLessThan(0.02); // and the interval is tight enough to mean something
    }
  });

  it('where the mean of per-replication ratios is off by several of its own half-widths', () => {
    // Busy replications have more calls and more waiting; averaging ratios gives quiet ones the same weight.
    const pWait = meanOfRatios((c) => c.waited[i]);
    const sl = meanOfRatios((c) => c.answeredWithin[i]);
    expect(exact.pWait - pWait.mean).toBeGreaterThan(3 * pWait.halfWidth);
    expect(sl.mean - exact.pServedWithin).toBeGreaterThan(3 * sl.halfWidth);
  });
});
