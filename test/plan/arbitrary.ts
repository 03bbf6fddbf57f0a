import fc from 'fast-check';
import { formatScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario';

/** Random but plausible scenarios: 1–8 hourly intervals with every part of the call flow in play. */
export const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      calls: fc.array(fc.double({ min: 0, max: 1500, noNaN: true }), { minLength: n, maxLength: n }),
      agents: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: n, maxLength: n }),
      aht: fc.double({ min: 60, max: 600, noNaN: true }),
      patience: fc.double({ min: 20, max: 900, noNaN: true }),
      lines: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
      containment: fc.double({ min: 0, max: 0.6, noNaN: true }),
      escape: fc.double({ min: 0, max: 0.2, noNaN: true }),
      escapeTo: fc.constantFrom('priority', 'callback') as fc.Arbitrary<'priority' | 'callback'>,
      redialAbandoned: fc.double({ min: 0, max: 0.9, noNaN: true }),
      redialBlocked: fc.double({ min: 0, max: 0.9, noNaN: true }),
      callbacks: fc.boolean(),
      offerSeconds: fc.double({ min: 0, max: 600, noNaN: true }),
      acceptance: fc.double({ min: 0, max: 1, noNaN: true }),
      serve: fc.constantFrom('idle', 'window', 'dedicated'),
      target: fc.constantFrom(10, 20, 60),
      slDefinition: fc.constantFrom('abandonsCount', 'answeredOnly', 'shortAbandonsExcluded') as fc.Arbitrary<
        'abandonsCount' | 'answeredOnly' | 'shortAbandonsExcluded'
      >,
    }),
  )
  .map((r) => {
    const n = r.calls.length;
    const input: ScenarioInput = {
      schema: 1,
      name: 'random',
      day: { date: '2026-12-24', open: '08:00', close: `${String(8 + n).padStart(2, '0')}:00` },
      intervalMinutes: 60,
      demand: { calls: r.calls },
      ahtSeconds: r.aht,
      ivr: { lines: r.lines, containment: r.containment, escape: { share: r.escape, to: r.escapeTo } },
      patience: { meanSeconds: r.patience },
      redial: { abandoned: { share: r.redialAbandoned }, blocked: { share: r.redialBlocked } },
      callback: {
        enabled: r.callbacks,
        offerWhen: { waitAboveSeconds: r.offerSeconds },
        acceptance: r.acceptance,
        serve:
          r.serve === 'idle'
            ? { mode: 'idle', reserveAgents: 1 }
            : r.serve === 'window'
              ? { mode: 'window', from: '09:00' }
              : { mode: 'dedicated', agents: 2 },
      },
      staffing: { agents: r.agents },
      targets: { targetSeconds: r.target, slDefinition: r.slDefinition },
    };
    if (n === 1 && r.serve === 'window') (input.callback as { serve: unknown }).serve = { mode: 'window', from: '08:00' };
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
    return parsed.scenario;
  });
