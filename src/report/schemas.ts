import { z } from 'zod';
import { BACKTEST_COLUMNS, forecastColumns } from './backtest';
import { ERLANG_OUTPUT_FIELDS } from './erlang';
import { planColumns } from './plan';
import { simulationColumns } from './simulation';
import type { Column } from './table';

/**
 * JSON Schemas of the `--json` outputs, generated from the same column lists that produce them,
 * so a field cannot be added to an output without its description (schemas/*.schema.json).
 */

const describe = (c: Omit<Column<never>, 'value'>) =>
  `${c.label}${c.unit === 'time' || c.unit === 'text' ? '' : ` (${c.unit})`}${c.definition ? `: ${c.definition}` : ''}`;

const estimate = z
  .object({
    mean: z.number().nullable().describe('mean over replications; null where the figure is undefined (e.g. no calls)'),
    halfWidth: z.number().nullable().describe('half-width of the 95% confidence interval; null with one replication'),
  })
  .strict();

function rowSchema(columns: readonly Omit<Column<never>, 'value'>[], isEstimate: (key: string) => boolean) {
  return z
    .object(
      Object.fromEntries(
        columns.map((c) => {
          const type = c.unit === 'time' || c.unit === 'text' ? z.string() : isEstimate(c.key) ? estimate : z.number().nullable();
          return [c.key, type.describe(describe(c))];
        }),
      ),
    )
    .strict();
}

const SL = 'answered within T s ÷ …';

const status = z
  .enum(['meets', 'misses', 'unclear', 'no calls'])
  .describe('unclear: a simulated figure whose 95% interval straddles the target');

/** The verdict against the scenario's targets (src/plan/verdict.ts). */
export const verdictSchema = z
  .object({
    source: z.enum(['analytic plan', 'simulation']),
    meets: z.boolean().describe('every target holds (from a simulation: with 95% confidence)'),
    checks: z.array(
      z
        .object({
          key: z.enum(['serviceLevel', 'answerRate', 'asaSeconds', 'abandonRate', 'occupancy', 'callbacksInTime']),
          label: z.string(),
          unit: z.enum(['share', 'seconds']),
          direction: z.enum(['at least', 'at most']),
          target: z.number(),
          scope: z.enum(['day', 'interval', 'both']).describe('where the target must hold'),
          day: z
            .object({
              value: z.number().nullable(),
              halfWidth: z.number().nullable().describe('95% half-width (simulation); null for the plan'),
              status,
              margin: z.number().nullable().describe('how far the figure is on the right side of the target (negative: short)'),
            })
            .strict()
            .nullable(),
          intervals: z
            .object({
              failing: z.number().int(),
              of: z.number().int().describe('intervals with calls'),
              worst: z
                .object({ start: z.string(), value: z.number().nullable(), margin: z.number().nullable() })
                .strict()
                .nullable(),
            })
            .strict()
            .nullable(),
          meets: z.boolean(),
        })
        .strict(),
    ),
    staffing: z
      .object({
        perInterval: z.array(z.number().nullable()).describe('net staffing: agents on the phones − the Erlang A requirement'),
        shortIntervals: z.number().int(),
        intervals: z.number().int(),
        worst: z.object({ start: z.string(), agentsShort: z.number() }).strict().nullable(),
        agentHoursShort: z.number(),
        agentHoursOver: z.number(),
      })
      .strict(),
    summary: z.array(z.string()).describe('the verdict in words'),
  })
  .strict();

const costSchema = z
  .object({
    currency: z.string(),
    paidHours: z.number(),
    wages: z.number().describe('paid hours at the hourly rate with premiums'),
    overtime: z.number().describe('the extra for overtime hours'),
    lines: z.number(),
    callbackAttempts: z.number(),
    total: z.number(),
    perAnsweredCall: z.number().nullable(),
  })
  .strict()
  .nullable()
  .describe("the day's cost; null when the scenario has no cost section");

function planOutput() {
  const row = rowSchema(planColumns(SL), () => false);
  return z
    .object({
      name: z.string().describe('scenario name'),
      slDefinition: z.string().describe('the service-level formula in use'),
      verdict: verdictSchema,
      cost: costSchema,
      intervals: z.array(row).describe('one record per interval, in time order'),
      day: row.describe('the day: counts summed, rates recomputed from the counts'),
      notes: z.array(z.string()).describe('what the analytic plan assumes'),
    })
    .strict();
}

function simulationOutput() {
  const columns = simulationColumns(SL);
  const row = rowSchema(columns, (key) => key !== 'start' && !key.startsWith('plan'));
  return z
    .object({
      name: z.string().describe('scenario name'),
      replications: z.number().int().describe('simulated days'),
      seed: z.number().int().describe('random seed: the same seed gives the same figures on any number of workers'),
      slDefinition: z.string().describe('the service-level formula in use'),
      verdict: verdictSchema.describe('the targets against the simulation: met when they hold with 95% confidence'),
      planOutsideSimulation: z
        .array(
          z
            .object({
              key: z.string(),
              label: z.string(),
              plan: z.number().nullable(),
              simulated: z.number().nullable(),
              halfWidth: z.number().nullable(),
            })
            .strict(),
        )
        .describe('day figures where the analytic plan falls outside the simulation’s 95% interval'),
      planDifferenceReasons: z.array(z.string()).describe('why the analytic plan can differ, for this scenario'),
      intervals: z.array(row).describe('one record per interval, in time order'),
      day: row.describe('the day'),
      notes: z.array(z.string()).describe('how the figures are counted'),
      scenarioKey: z
        .string()
        .describe(
          'SHA-256 (hex) of the scenario as simulated, its simulation block aside: the key a shard file carries; wfm sweep --out knows a variant’s line by it',
        ),
    })
    .strict();
}

function erlangOutput() {
  const field = (t: (typeof ERLANG_OUTPUT_FIELDS)[string]) =>
    ({ number: z.number(), string: z.string(), boolean: z.boolean(), 'null-number': z.number().nullable() })[t.type].describe(
      t.description,
    );
  return z
    .object(Object.fromEntries(Object.entries(ERLANG_OUTPUT_FIELDS).map(([k, t]) => [k, field(t).optional()])))
    .strict()
    .describe('one Erlang case answered (one line per case with --batch)');
}

function comparisonOutput() {
  return z
    .object({
      baseline: z.string().describe('the scenario the differences are from (--baseline; the first by default)'),
      cheapestMeetingTargets: z
        .string()
        .nullable()
        .describe('the cheapest scenario (by cost, else paid hours) that meets every target; null when none does'),
      scenarios: z
        .array(
          z
            .object({
              name: z.string(),
              source: z.string().describe('"analytic plan", or "simulated, R replications"'),
              currency: z.string().nullable().describe('the currency of its costs; null without a cost section'),
            })
            .strict(),
        )
        .describe('the scenarios compared, in order'),
      figures: z
        .array(
          z
            .object({
              key: z.string().describe('the figure, by the same name as in plan and simulate outputs'),
              label: z.string().describe('the figure in words, with its definition'),
              unit: z.enum(['hours', 'share', 'seconds', 'calls', 'money', 'flag']).describe('flag: 1 yes, 0 no'),
              higherIsBetter: z.boolean().nullable().describe('how to read a difference; null where neither way is better'),
              values: z.array(z.number().nullable()).describe('one per scenario, for the day'),
              deltas: z.array(z.number().nullable()).describe('each scenario minus the baseline; null for the baseline'),
            })
            .strict(),
        )
        .describe('the day figures, one per row of the app’s Compare table'),
    })
    .strict();
}

const num = z.number();
const maybe = z.number().nullable();
const clockText = z.string().describe('HH:MM');
const estimateOut = z.object({ mean: maybe, halfWidth: maybe, n: z.number().int() }).strict();

function scheduleOutput() {
  const breakOut = z.object({ start: clockText, end: clockText, paid: z.boolean() }).strict();
  return z
    .object({
      status: z
        .enum(['optimal', 'work limit', 'time limit', 'infeasible'])
        .describe('optimal only at gap 0 against the proved bound'),
      gap: maybe.describe('relative gap between the schedule and the best bound (0–1); 0 when optimal'),
      bound: maybe.describe('the proved lower bound on paid hours'),
      timeLimitSeconds: num.describe('the safety-net wall clock (shifts.timeLimitSeconds)'),
      paidHours: num,
      agents: num.describe('agents scheduled'),
      shifts: z.array(
        z
          .object({
            template: z.string(),
            start: clockText,
            end: clockText,
            breaks: z.array(breakOut),
            agents: num,
            paidHours: num.describe('paid hours of one such shift'),
          })
          .loose(),
      ),
      coverage: z
        .array(z.object({ start: clockText, required: num, scheduled: num, short: num }).loose())
        .describe('agents on the phones per interval'),
      shortfalls: z.array(z.string()).describe('intervals the rules cannot cover, with the shortfall'),
      templates: z.array(z.object({ name: z.string() }).loose()).describe('the shift templates used'),
      ...checkOutput('schedule'),
    })
    .strict();
}

/** `--check` of a schedule or a week's roster: its steps and its final check. */
function checkOutput(of: 'schedule' | 'roster') {
  return {
    checks: z
      .array(
        z
          .object({
            paidHours: num,
            agents: num.describe(of === 'roster' ? 'people with at least one shift' : 'agents scheduled'),
            answerRate: estimateOut,
            serviceLevel: estimateOut,
            ...(of === 'roster'
              ? { date: z.string().describe('the day the answer rate and SL are of: the lowest simulated answer rate') }
              : {}),
            meetsTargets: z.boolean(),
            short: z.array(z.string()),
            raised: z.array(z.string()),
            trimmed: z.array(z.string()),
          })
          .loose(),
      )
      .describe('--check: each simulation step, the trade-off of paid hours against answer rate'),
    finalCheck: z
      .object({ seed: num, replications: num, meetsTargets: z.boolean(), short: z.array(z.string()) })
      .nullable()
      .describe(`--check: the ${of} chosen, simulated again on seeds the search never used`),
  };
}

function rosterOutput() {
  const local = z.string().describe('local time, YYYY-MM-DD HH:MM');
  const shift = z
    .object({
      date: z.string().describe('the day the shift starts, YYYY-MM-DD'),
      template: z.string(),
      start: local,
      end: local,
      breaks: z.array(z.object({ start: local, end: local, paid: z.boolean() }).strict()),
      paidHours: num,
    })
    .strict();
  return z
    .object({
      name: z.string(),
      status: z
        .enum(['optimal', 'work limit', 'time limit', 'infeasible'])
        .describe('how the covering search ended; optimal only at gap 0 against the proved bound'),
      gap: maybe.describe(
        'relative gap of the shift counts to the best bound (0–1), its objective with 1,000 h per agent-interval short',
      ),
      bound: maybe.describe('the proved lower bound of that objective'),
      coverPaidHours: num.describe('paid hours of the shifts the cover chose'),
      paidHoursBound: maybe.describe(
        'the fewest paid hours any cover short in no interval by more than this one could have (LP bound): the paid hours’ own gap where the week cannot be met',
      ),
      paidHoursGap: maybe.describe('(coverPaidHours − paidHoursBound) ÷ coverPaidHours'),
      paidHours: num.describe('paid hours of the shifts given to people (contract minimums included)'),
      agents: z
        .array(z.object({ agent: z.string(), contract: z.string(), paidHours: num, shifts: z.array(shift) }).strict())
        .describe('every person, with their shifts in order'),
      unassigned: z.array(shift).describe('shifts of the cover nobody may work (availability, contracts)'),
      coverage: z
        .array(z.object({ date: z.string(), start: clockText, required: num, scheduled: num, short: num }).strict())
        .describe('agents on the phones per interval of the horizon'),
      shortfalls: z.array(z.string()).describe('intervals short after assignment, with the agent-hours missing'),
      contractShortfalls: z.array(z.string()).describe('people below a weekly minimum of their contract'),
      intervalMinutes: num,
      ...checkOutput('roster'),
    })
    .strict();
}

function forecastOutput() {
  return z
    .object({
      written: z.string().nullable().describe('--out: the scenario file written'),
      risk: z.object({}).loose().nullable().describe('--risk: P(meeting the targets) per interval and for the day'),
      day: z.string().describe('the day forecast, YYYY-MM-DD'),
      method: z.string(),
      chosen: z.string().describe('asked, or suggested by the backtest'),
      formula: z.string().describe('the method in words'),
      total: num.describe('calls forecast for the day'),
      totalLow: num.describe('lower end of the 80% interval'),
      totalHigh: num.describe('upper end of the 80% interval'),
      intervalFrom: z.object({}).loose().describe('the earlier days the interval was sized from'),
      special: z.object({}).loose().nullable().describe('the special day, its kind and the effect applied, or null'),
      intervals: z.array(rowSchema(forecastColumns(true), () => false)).describe('the day by interval'),
      backtest: z.array(rowSchema(BACKTEST_COLUMNS, () => false)).describe('every method, rolling origin'),
      history: z.object({ days: num, from: z.string(), to: z.string() }).loose().describe('what the history file held'),
    })
    .loose();
}

function staffOutput() {
  const change = z
    .object({ agents: z.array(num), paidHours: num, cost: costSchema })
    .strict()
    .describe('agents on the phones per interval, paid hours and cost');
  return z
    .object({
      by: z.enum(['erlang-a', 'erlang-c', 'simulation']),
      confidence: num.optional(),
      replications: num.optional(),
      seed: num.optional(),
      agents: z.array(num).describe('the staffed agents on the phones per interval'),
      before: change.optional(),
      analytic: change.optional().describe('--by simulation: the Erlang A answer it started from'),
      after: change,
      kept: z.array(z.string()).optional().describe('intervals kept as staffed (requirement beyond the engine range)'),
      rounds: z
        .array(
          z
            .object({ round: num, paidHours: num, missing: z.array(z.string()), added: num, removed: num, meets: z.boolean() })
            .strict(),
        )
        .optional(),
      converged: z.boolean().optional(),
      finalCheckSeed: num.optional().describe('the seed of the final check, never used by the search'),
      finalCheckReplications: num.optional().describe('replications of the final check (four times the search’s)'),
      verdict: verdictSchema.describe('analytic: of the staffed plan; by simulation: of the final check on fresh seeds'),
      differences: z.array(z.object({ start: clockText, analytic: num, simulated: num }).strict()).optional(),
    })
    .strict();
}

export const OUTPUT_SCHEMAS = {
  schedule: scheduleOutput,
  roster: rosterOutput,
  forecast: forecastOutput,
  staff: staffOutput,
  erlang: erlangOutput,
  plan: planOutput,
  simulate: simulationOutput,
  compare: comparisonOutput,
} as const;
export type OutputCommand = keyof typeof OUTPUT_SCHEMAS;

export function outputJsonSchema(command: OutputCommand): Record<string, unknown> {
  return {
    title: `wfm ${command} --json`,
    ...(z.toJSONSchema(OUTPUT_SCHEMAS[command](), { target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}
