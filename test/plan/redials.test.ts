import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDay } from '../../src/plan';
import { geometricSum } from '../../src/plan/geometric';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';

function scenario(input: Partial<ScenarioInput>): Scenario {
  const parsed = parseScenario({
    schema: 1,
    name: 'redials',
    day: { date: '2026-12-24', open: '08:00', close: '10:00' },
    demand: { calls: [100, 300, 500, 200] },
    ahtSeconds: 180,
    staffing: { agents: [14, 20, 20, 20] },
    ...input,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  return parsed.scenario;
}

describe('the truncated geometric series', () => {
  it('sums 1 + r + … + r^(m−1) accurately, up to r = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 100 }), (r, m) => {
        let direct = 0;
        for (let k = m - 1; k >= 0; k--) direct = direct * r + 1; // Horner: exact enough in positive terms
        expect(Math.abs(geometricSum(r, m) - direct)).toBeLessThanOrEqual(1e-12 * direct);
      }),
    );
    expect(geometricSum(1, 10)).toBe(10);
    expect(geometricSum(0, 10)).toBe(1);
    expect(geometricSum(1 - 1e-15, 3)).toBeCloseTo(3, 12);
  });
});

describe('redials in the plan stop at redial.maxAttempts calls a customer', () => {
  it('solves λ = λ₀ · (1 + ρ + … + ρ^(m−1)) with ρ the share of calls that redial', () => {
    for (const maxAttempts of [1, 2, 5, 10, 100]) {
      const plan = planDay(scenario({ redial: { abandoned: { share: 0.9 }, maxAttempts } }));
      for (const x of plan.intervals) {
        const rho = (0.9 * x.abandoned) / x.attempts;
        expect(x.attempts).toBeCloseTo(x.calls * geometricSum(rho, maxAttempts), 5);
      }
      if (maxAttempts === 1) expect(plan.totals.redials).toBe(0);
    }
  });

  it('stays finite when almost every blocked and abandoned caller redials (0.99, the most allowed)', () => {
    const plan = planDay(
      scenario({ ivr: { lines: 10 }, staffing: { agents: 2 }, redial: { abandoned: { share: 0.99 }, blocked: { share: 0.99 } } }),
    );
    for (const x of plan.intervals) {
      expect(Number.isFinite(x.attempts)).toBe(true);
      expect(x.attempts).toBeLessThanOrEqual(x.calls * 10 * (1 + 1e-9));
      expect(x.attempts).toBeGreaterThan(x.calls * 5); // almost every call fails
    }
  });
});

describe('callback work in the plan', () => {
  it('charges callback.unreachedAttemptSeconds for each expected unreached attempt', () => {
    const callbacks = (unreachedAttemptSeconds: number) =>
      planDay(
        scenario({
          staffing: { agents: [60, 60, 60, 60] },
          callback: {
            enabled: true,
            offerWhen: { waitAboveSeconds: 10 },
            acceptance: 0.8,
            serve: { mode: 'dedicated', agents: 50 },
            reachProbability: 0.6,
            maxAttempts: 3,
            unreachedAttemptSeconds,
          },
        }),
      );
    const [free, charged] = [callbacks(0), callbacks(45)];
    // Ample dedicated agents: every request is processed, reached 1 − 0.4³ of the time, after 0.4 + 0.4² + 0.4³ unreached attempts.
    const unreached = 0.4 + 0.4 ** 2 + 0.4 ** 3;
    const processed = charged.totals.callbacksCompleted / (1 - 0.4 ** 3);
    const work = (p: typeof free) => p.intervals.reduce((a, x) => a + x.callbackWorkSeconds, 0);
    expect(processed).toBeCloseTo(charged.totals.callbacksRequested, 9);
    expect(work(charged) - work(free)).toBeCloseTo(processed * unreached * 45, 6);
  });
});
