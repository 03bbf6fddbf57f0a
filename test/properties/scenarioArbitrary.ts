/**
 * Valid scenario files drawn over the whole allowed range of every field of
 * the schema (src/scenario/schema.ts), alone and combined. Kept next to the
 * schema's own ranges: coverage.test.ts fails when the schema has a field
 * these never write. Traffic (calls per interval) is drawn as a share of what
 * the traffic limits of src/scenario/limits.ts allow, so the extremes of every
 * limit come up, and the scenarios are valid by construction.
 */
import fc from 'fast-check';
import {
  isPartTime,
  MAX_AGENTS,
  MAX_CALLS_PER_INTERVAL,
  MAX_LINES,
  MAX_LOAD_ERLANGS,
  MAX_REDIAL_SHARE,
  MAX_WAITING_CALLERS,
  type ScenarioInput,
} from '../../src/scenario';
import { DISTRIBUTION_KINDS, TARGET_SCOPES } from '../../src/scenario/schema';

/** A number anywhere in [min, max], the bounds themselves often. */
const real = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const whole = (min: number, max: number) => fc.integer({ min, max });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** A share of a limit: 0 and 1 often, small values more than large ones (large traffic is slow to plan). */
const fraction = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0, 1) },
  { weight: 4, arbitrary: real(0, 1).map((x) => x ** 3) },
);
const clock = (minutes: number) =>
  minutes === 1440 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const anyClock = whole(0, 1440).map(clock);
const scope = fc.constantFrom(...TARGET_SCOPES);
/** Any text, lone surrogates included, of min to max UTF-16 units (as the schema counts them). */
const text = (min: number, max: number) =>
  fc.string({ minLength: min, maxLength: max, unit: 'binary' }).map((t) => t.slice(0, max));

/** Drops undefined fields, as a JSON file would not have them. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A duration distribution; empirical ones carry a short list of observed durations (up to 100,000 are allowed). */
export const distribution = fc
  .record({
    kind: optional(fc.constantFrom(...DISTRIBUTION_KINDS)),
    meanSeconds: real(0.001, 86_400),
    shape: optional(real(0.05, 50)),
    values: optional(fc.array(real(0, 86_400), { minLength: 1, maxLength: 20 })),
  })
  .map((d) => defined(d.kind === 'empirical' && d.values === undefined ? { ...d, values: [d.meanSeconds] } : d));

/** Options for drawing: how many intervals at most (planning time grows with them). */
export interface DrawOptions {
  maxIntervals: number;
  /** largest share of the traffic limits to draw (small for simulation checks) */
  maxTraffic?: number;
  /** cap on calls per interval (simulation checks) */
  maxCalls?: number;
}

/** The day's grid: interval length, opening on the grid, and the number of intervals. */
const grid = (maxIntervals: number) =>
  fc.constantFrom(15 as const, 30 as const, 60 as const).chain((minutes) => {
    const perDay = 1440 / minutes;
    return whole(1, Math.min(maxIntervals, perDay)).chain((n) =>
      whole(0, perDay - n).map((slot) => ({ minutes, n, open: slot * minutes, close: (slot + n) * minutes })),
    );
  });

const date = fc.record({ y: whole(0, 9999), m: whole(1, 12), d: whole(1, 31) }).map(({ y, m, d }) => {
  const last = new Date(0);
  last.setUTCFullYear(y, m, 0);
  const day = Math.min(d, last.getUTCDate());
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
});

/** Shift templates that fit the open day and its grid. */
function shifts(open: number, close: number, minutes: number) {
  const template = whole(60, Math.min(960, close - open)).chain((lengthMinutes) => {
    const slots = Math.floor((close - lengthMinutes - open) / minutes);
    return fc
      .record({
        name: text(1, 60),
        first: whole(0, slots),
        spread: whole(0, slots),
        breaks: fc.array(
          whole(5, Math.min(120, lengthMinutes)).chain((m) =>
            fc
              .record({ a: whole(0, lengthMinutes - m), b: whole(0, lengthMinutes - m), paid: optional(fc.boolean()) })
              .map(({ a, b, paid }) =>
                defined({ minutes: m, paid, earliestAfterMinutes: Math.min(a, b), latestAfterMinutes: Math.max(a, b) }),
              ),
          ),
          { maxLength: 3 },
        ),
        minAgents: optional(whole(0, MAX_AGENTS)),
        extra: optional(whole(0, MAX_AGENTS)),
        partTime: optional(fc.boolean()),
      })
      .map((t) => {
        const first = Math.min(t.first, t.spread);
        const last = Math.max(t.first, t.spread);
        const minAgents = t.minAgents ?? 0;
        return defined({
          name: t.name,
          lengthMinutes,
          earliestStart: clock(open + first * minutes),
          latestStart: clock(open + last * minutes),
          breaks: t.breaks.filter((b) => b.latestAfterMinutes + b.minutes <= lengthMinutes),
          minAgents: t.minAgents,
          maxAgents: t.extra === undefined ? undefined : Math.min(MAX_AGENTS, minAgents + t.extra),
          partTime: t.partTime,
        });
      });
  });
  return fc
    .record({
      templates: fc.array(template, { minLength: 1, maxLength: 3 }),
      maxPaidHours: optional(real(0, 10_000_000)),
      absenceShrinkage: optional(real(0, 0.9)),
      requirement: optional(fc.constantFrom('erlangA' as const, 'erlangC' as const)),
      timeLimitSeconds: optional(whole(1, 600)),
      partTimeShare: optional(fc.record({ a: optional(real(0, 1)), b: optional(real(0, 1)) })),
    })
    .map(({ partTimeShare, ...shifts }) => {
      // A share the templates can give: a min only with a part-time template, a max below 1 only with a full-time one.
      const partTime = shifts.templates.filter(isPartTime).length;
      const [low, high] = [partTimeShare?.a ?? 0, partTimeShare?.b ?? 1].sort((x, y) => x - y);
      const min = partTime > 0 && partTimeShare?.a !== undefined ? low : undefined;
      const max = partTime < shifts.templates.length && partTimeShare?.b !== undefined ? high : undefined;
      return defined({ ...shifts, partTimeShare: partTimeShare && defined({ min, max }) });
    });
}

/**
 * A valid scenario file. Every field of the schema is written by some draw;
 * optional fields are sometimes left out so that their defaults are used.
 */
export function scenarioInput(options: DrawOptions): fc.Arbitrary<ScenarioInput> {
  return grid(options.maxIntervals).chain(({ minutes, n, open, close }) => {
    const perInterval = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: n, maxLength: n });
    const containment = real(0, 1);
    return fc
      .record({
        $schema: optional(fc.constant('./scenario.schema.json')),
        name: text(1, 200),
        description: optional(fc.oneof(text(0, 100), text(4_990, 5_000))),
        date,
        traffic: perInterval(fraction),
        demandKind: fc.constantFrom('calls', 'daily'),
        profile: perInterval(real(0, 1_000)),
        uplift: optional(real(0.01, 100)),
        aht: fc.oneof(real(1, 86_400), perInterval(real(1, 86_400))),
        handleTime: optional(
          fc.record({ kind: optional(fc.constantFrom(...DISTRIBUTION_KINDS)), shape: optional(real(0.05, 50)) }).map(defined),
        ),
        lines: optional(fc.option(whole(1, MAX_LINES), { nil: null })),
        ivrTime: optional(distribution),
        containment,
        escapeFraction: real(0, 1),
        escapeAfter: optional(real(0, 3_600)),
        escapeTo: optional(fc.constantFrom('priority' as const, 'callback' as const)),
        patience: optional(distribution),
        redialAbandoned: optional(fc.record({ share: optional(real(0, MAX_REDIAL_SHARE)), delay: optional(distribution) })),
        redialBlocked: optional(fc.record({ share: optional(real(0, MAX_REDIAL_SHARE)), delay: optional(distribution) })),
        redialMaxAttempts: optional(whole(1, 100)),
        callback: optional(
          fc.record({
            enabled: optional(fc.boolean()),
            offerWhen: optional(
              fc.oneof(
                fc.record({ waitAboveSeconds: real(0, 86_400), positionAbove: optional(whole(0, 100_000)) }),
                fc.record({ positionAbove: whole(0, 100_000) }),
              ),
            ),
            acceptance: optional(real(0, 1)),
            serve: optional(
              fc.oneof(
                fc.record({ mode: fc.constant('idle' as const), reserveAgents: optional(whole(0, MAX_AGENTS)) }),
                whole(open, close - 1).map((m) => ({ mode: 'window' as const, from: clock(m) })),
                fc.record({ mode: fc.constant('dedicated' as const), agents: whole(0, MAX_AGENTS) }),
              ),
            ),
            reachProbability: optional(real(0, 1)),
            maxAttempts: optional(whole(1, 20)),
            retryDelaySeconds: optional(real(0, 86_400)),
            deadline: optional(anyClock),
            handleTimeMultiplier: optional(real(0.1, 10)),
            declinedPatienceMultiplier: optional(real(0.1, 10)),
            unreachedAttemptSeconds: optional(real(0, 3_600)),
          }),
        ),
        agents: fc.oneof(whole(0, MAX_AGENTS), perInterval(whole(0, MAX_AGENTS)), perInterval(whole(0, 200))),
        shrinkage: optional(real(0, 0.95)),
        targets: optional(
          fc.record({
            serviceLevel: optional(real(0, 0.9999)),
            targetSeconds: optional(real(0, 3_600)),
            slDefinition: optional(
              fc.constantFrom('abandonsCount', 'answeredOnly', 'shortAbandonsExcluded') as fc.Arbitrary<
                'abandonsCount' | 'answeredOnly' | 'shortAbandonsExcluded'
              >,
            ),
            maxAsaSeconds: optional(real(0.1, 86_400)),
            maxAbandonRate: optional(real(0.0001, 0.9999)),
            maxOccupancy: optional(real(0.01, 1)),
            answerRate: optional(real(0, 0.9999)),
            callbacksInTime: optional(real(0, 1)),
            holdFor: optional(
              fc
                .record({
                  serviceLevel: optional(scope),
                  answerRate: optional(scope),
                  maxAsaSeconds: optional(scope),
                  maxAbandonRate: optional(scope),
                  maxOccupancy: optional(scope),
                  callbacksInTime: optional(scope),
                })
                .map(defined),
            ),
          }),
        ),
        cost: optional(
          fc.record({
            currency: optional(fc.string({ maxLength: 8 })),
            hourlyRate: real(0, 10_000),
            overtime: optional(fc.record({ afterPaidHours: real(0, 10_000_000), multiplier: optional(real(1, 5)) }).map(defined)),
            premiums: optional(
              fc.array(
                fc
                  .record({
                    name: optional(fc.string({ maxLength: 100 })),
                    from: whole(0, 1_439),
                    length: whole(1, 1_440),
                    multiplier: real(1, 5),
                  })
                  .map(({ from, length, ...p }) =>
                    defined({ ...p, from: clock(from), to: clock(Math.min(1_440, from + length)) }),
                  ),
                { maxLength: 24 },
              ),
            ),
            perLine: optional(real(0, 1_000_000)),
            perCallbackAttempt: optional(real(0, 10_000)),
          }),
        ),
        simulation: optional(fc.record({ replications: optional(whole(1, 10_000)), seed: optional(whole(0, 2 ** 32 - 1)) })),
        shifts: close - open >= 60 ? optional(shifts(open, close, minutes)) : fc.constant(undefined),
      })
      .map((r) => {
        const L = minutes * 60;
        const aht = Array.isArray(r.aht) ? r.aht : Array<number>(n).fill(r.aht);
        const patience = r.patience?.meanSeconds ?? 300;
        const share = (x: { share?: number } | undefined) => x?.share ?? 0;
        const redial = Math.max(share(r.redialAbandoned), share(r.redialBlocked));
        const perCaller = (1 - redial ** (r.redialMaxAttempts ?? 10)) / (1 - redial);
        // The most first attempts each interval may have under every traffic limit, just inside it.
        const allowed = aht.map(
          (a) =>
            Math.min(
              options.maxCalls ?? MAX_CALLS_PER_INTERVAL,
              (MAX_LOAD_ERLANGS * L) / a,
              (MAX_WAITING_CALLERS * L) / (perCaller * patience),
            ) *
            (1 - 1e-9) *
            (options.maxTraffic ?? 1),
        );
        const calls = r.traffic.map((u, i) => u * allowed[i]);
        const weights = r.profile.reduce((a, b) => a + b, 0);
        const uplift = r.uplift ?? 1;
        // dailyCalls × uplift × w_i / Σw ≤ allowed_i for every interval with weight.
        const dailyMax = Math.min(
          100_000_000,
          ...r.profile.map((w, i) => (w > 0 ? (allowed[i] / uplift) * (weights / w) : Number.POSITIVE_INFINITY)),
        );
        const demand =
          r.demandKind === 'calls'
            ? { calls }
            : defined({ dailyCalls: r.traffic[0] * dailyMax * (1 - 1e-9), profile: r.profile, uplift: r.uplift });
        // Just inside containment + escape ≤ 1, whatever the rounding.
        const escapeShare = r.escapeFraction * (1 - r.containment) * (1 - 1e-12);
        const callback = r.callback === undefined ? undefined : defined(r.callback);
        if (callback?.enabled && callback.offerWhen === undefined) callback.offerWhen = { positionAbove: 0 };
        const input: ScenarioInput = defined({
          $schema: r.$schema,
          schema: 1 as const,
          name: r.name,
          description: r.description,
          day: { date: r.date, open: clock(open), close: clock(close) },
          intervalMinutes: minutes,
          demand,
          ahtSeconds: r.aht,
          handleTime: r.handleTime,
          ivr: defined({
            lines: r.lines,
            time: r.ivrTime,
            containment: r.containment,
            escape: defined({ share: escapeShare, afterSeconds: r.escapeAfter, to: r.escapeTo }),
          }),
          patience: r.patience,
          redial: defined({
            abandoned: r.redialAbandoned && defined(r.redialAbandoned),
            blocked: r.redialBlocked && defined(r.redialBlocked),
            maxAttempts: r.redialMaxAttempts,
          }),
          callback,
          staffing: { agents: r.agents },
          shrinkage: r.shrinkage,
          targets: r.targets && defined(r.targets),
          cost: r.cost && defined(r.cost),
          simulation: r.simulation && defined(r.simulation),
          shifts: r.shifts,
        });
        return input;
      });
  });
}
