import { z } from 'zod';
import { DEFAULT_SL_DEFINITION, SL_DEFINITIONS } from '../erlang/serviceLevel';
import { MAX_AGENTS, MAX_CALLS_PER_INTERVAL, MAX_INTERVALS, MAX_LINES, MAX_REDIAL_SHARE } from './limits';

/**
 * The scenario file, version 1: one peak day of one contact center.
 * This schema is the one place where fields, ranges and defaults live; the
 * published JSON Schema (scenarios/scenario.schema.json) is generated from it.
 */

/** A number field whose every error states the full allowed range. */
export function range(min: number, max: number, unit: string, description: string, whole = false) {
  const error = `must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}${unit ? ` (${unit})` : ''}`;
  const base = z.number({ error });
  return (whole ? base.int({ error }) : base)
    .min(min, { error })
    .max(max, { error })
    .meta(unit ? { description, unit } : { description });
}

const share = (description: string) => range(0, 1, 'share 0–1', description);
/** One value per planning interval: never longer than a day of 15-minute intervals. */
const perInterval = <T extends z.ZodType>(value: T) =>
  z.array(value).max(MAX_INTERVALS, { error: `must hold one value per interval, at most ${MAX_INTERVALS}` });
const agentCount = (description: string) => range(0, MAX_AGENTS, 'agents', description, true);
/** A date; that it is a real calendar day (not 2026-02-29 or 2026-13-45) is a cross-field rule (crossField.ts). */
export const calendarDate = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });
export const clock = (description: string) =>
  z
    .string({ error: 'must be a time of day HH:MM' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'must be a time of day HH:MM, 00:00 to 24:00' })
    .meta({ description });

export const DISTRIBUTION_KINDS = ['exponential', 'lognormal', 'gamma', 'weibull', 'deterministic', 'empirical'] as const;

/** A positive duration distribution given by its mean and one shape parameter (empirical: its values, crossField.ts). */
export const distributionSchema = z.strictObject({
  kind: z.enum(DISTRIBUTION_KINDS, { error: `must be one of ${DISTRIBUTION_KINDS.join(', ')}` }).default('exponential'),
  meanSeconds: range(0.001, 86_400, 's', 'mean duration'),
  shape: range(0.05, 50, '', 'lognormal: σ of ln X; gamma and Weibull: shape k (1 = exponential); unused otherwise').optional(),
  values: z
    .array(range(0, 86_400, 's', 'an observed duration'))
    .min(1, { error: 'must hold at least one duration' })
    .max(100_000, { error: 'must hold at most 100000 durations' })
    .optional()
    .meta({ description: 'empirical: observed durations, rescaled to meanSeconds' }),
});

/** The one-value fields of demand given by a normal day, for a field that edits just that value. */
export const normalDayCalls = range(0, 100_000_000, 'calls', 'first attempts over the open day on a normal day');
export const peakDayUplift = range(0.01, 100, '×', 'peak-day multiplier on dailyCalls');

const demandSchema = z.union(
  [
    z.strictObject({
      calls: perInterval(range(0, MAX_CALLS_PER_INTERVAL, 'calls', 'first attempts in the interval')).meta({
        description: 'one value per interval',
      }),
    }),
    z.strictObject({
      dailyCalls: normalDayCalls,
      profile: perInterval(range(0, 1_000, '', 'relative weight')).meta({
        description: 'intraday shape, one weight per interval; normalised to sum 1',
      }),
      uplift: peakDayUplift.default(1),
    }),
  ],
  { error: 'must be either {calls: [...]} or {dailyCalls, profile, uplift}' },
);

const redialSchema = z.strictObject({
  share: range(0, MAX_REDIAL_SHARE, 'share', 'share of these callers who call again').default(0),
  delay: distributionSchema.prefault({ meanSeconds: 600 }),
});

const callbackSchema = z.strictObject({
  enabled: z.boolean().default(false),
  offerWhen: z
    .strictObject({
      waitAboveSeconds: range(0, 86_400, 's', 'offer when the estimated wait exceeds this').optional(),
      positionAbove: range(0, 100_000, 'callers', 'offer when the queue position exceeds this', true).optional(),
    })
    .prefault({ waitAboveSeconds: 120 }),
  acceptance: share('share of callers who accept the offer').default(0.5),
  serve: z
    .discriminatedUnion(
      'mode',
      [
        z.strictObject({
          mode: z.literal('idle'),
          reserveAgents: agentCount('dial only when more than this many agents are free').default(0),
        }),
        z.strictObject({ mode: z.literal('window'), from: clock('callbacks are dialled from this time') }),
        z.strictObject({
          mode: z.literal('dedicated'),
          agents: agentCount('agents who only dial callbacks'),
        }),
      ],
      { error: 'mode must be idle, window or dedicated' },
    )
    .prefault({ mode: 'idle' }),
  reachProbability: share('chance one attempt reaches the customer').default(0.8),
  maxAttempts: range(1, 20, 'attempts', 'attempts before the callback fails', true).default(3),
  retryDelaySeconds: range(0, 86_400, 's', 'wait between attempts').default(900),
  unreachedAttemptSeconds: range(0, 3_600, 's', 'agent time an attempt takes when it does not reach the customer').default(30),
  deadline: clock('callbacks not completed by this time fail').default('24:00'),
  handleTimeMultiplier: range(0.1, 10, '×', 'handle time of a callback ÷ AHT').default(1),
  declinedPatienceMultiplier: range(0.1, 10, '×', 'patience of callers who declined ÷ patience').default(1),
});

const breakSchema = z.strictObject({
  minutes: range(5, 120, 'min', 'length of the break', true),
  paid: z.boolean().default(false).meta({ description: 'paid breaks count in paid hours' }),
  earliestAfterMinutes: range(0, 960, 'min', 'earliest start, after the shift starts', true),
  latestAfterMinutes: range(0, 960, 'min', 'latest start, after the shift starts', true),
});

export const shiftTemplateSchema = z.strictObject({
  name: z
    .string({ error: 'must be a text' })
    .min(1, { error: 'must not be empty' })
    .max(60, { error: 'must be at most 60 characters' }),
  lengthMinutes: range(60, 960, 'min', 'shift length, breaks included', true),
  earliestStart: clock('earliest start of the shift'),
  latestStart: clock('latest start of the shift'),
  breaks: z.array(breakSchema).max(3, { error: 'at most 3 breaks a shift' }).default([]),
  minAgents: agentCount('fewest agents on this template').default(0),
  maxAgents: agentCount('most agents on this template').optional(),
  partTime: z
    .boolean({ error: 'must be true or false' })
    .optional()
    .meta({ description: 'a part-time shift, for shifts.partTimeShare; without it, shifts shorter than 6 h are' }),
});

export const shiftsSchema = z.strictObject({
  templates: z
    .array(shiftTemplateSchema)
    .min(1, { error: 'give at least one template' })
    .max(50, { error: 'at most 50 templates' }),
  maxPaidHours: range(0, 10_000_000, 'h', 'cap on total paid hours').optional(),
  partTimeShare: z
    .strictObject(
      {
        min: share('fewest part-time shifts, as a share of all shifts').default(0),
        max: share('most part-time shifts, as a share of all shifts').default(1),
      },
      { error: 'must be an object { "min": share, "max": share }, shares 0–1' },
    )
    .optional()
    .meta({ description: 'the part-time / full-time mix: shifts on part-time templates ÷ all shifts (head count)' }),
  absenceShrinkage: range(0, 0.9, 'share 0–0.9', 'shrinkage other than the breaks (absence, training, meetings)').default(0.1),
  requirement: z
    .enum(['erlangA', 'erlangC'], { error: 'must be erlangA or erlangC' })
    .default('erlangA')
    .meta({ description: 'which per-interval requirement the shifts cover' }),
  timeLimitSeconds: range(1, 600, 's', 'time the solver may take', true).default(20),
});

/** Which part of the day a target must hold for: the day's figure, every interval's, or both. */
export const TARGET_SCOPES = ['day', 'interval', 'both'] as const;
const scope = (description: string, fallback: (typeof TARGET_SCOPES)[number]) =>
  z
    .enum(TARGET_SCOPES, { error: 'must be day, interval or both' })
    .default(fallback)
    .meta({ description: `${description}: the day's figure, every interval's, or both` });

const holdForSchema = z
  .strictObject({
    serviceLevel: scope('where the SL target must hold', 'both'),
    answerRate: scope('where the answer-rate target must hold', 'both'),
    maxAsaSeconds: scope('where the ASA target must hold', 'both'),
    maxAbandonRate: scope('where the abandonment target must hold', 'both'),
    maxOccupancy: scope('where the occupancy target must hold', 'interval'),
    callbacksInTime: scope('where the callbacks-in-time target must hold', 'day'),
  })
  .prefault({})
  .meta({ description: 'for each target, whether it must hold for the day, in every interval, or both' });

const premiumSchema = z.strictObject({
  name: z.string().max(100, { error: 'must be at most 100 characters' }).default('premium'),
  from: clock('first minute the premium applies, HH:MM'),
  to: clock('end of the premium, HH:MM (after from)'),
  multiplier: range(1, 5, '×', 'pay multiplier on the hourly rate in this window'),
});

/** What staffing costs: paid hours at an hourly rate, overtime and premiums (in order: crossField.ts), lines and callback attempts. */
const costSchema = z.strictObject({
  currency: z.string().max(8, { error: 'must be at most 8 characters, e.g. EUR' }).default('').meta({
    description: 'shown beside every amount, e.g. EUR or ¥',
  }),
  hourlyRate: range(0, 10_000, 'money per paid hour', 'cost of one paid agent hour'),
  overtime: z
    .strictObject({
      afterPaidHours: range(0, 10_000_000, 'h', "the day's paid hours at the normal rate; hours beyond are overtime"),
      multiplier: range(1, 5, '×', 'pay multiplier for overtime hours').default(1.5),
    })
    .optional(),
  premiums: z
    .array(premiumSchema)
    .max(24, { error: 'must hold at most 24 premiums' })
    .default([])
    .meta({ description: 'pay windows such as nights or a public holiday; overlapping windows take the highest' }),
  perLine: range(0, 1_000_000, 'money per line', 'cost of one IVR line for the day').default(0),
  perCallbackAttempt: range(0, 10_000, 'money', 'cost of one callback dial').default(0),
});

/** The one-value forms of AHT and staffing, for a field that edits just that value. */
export const ahtForTheDay = range(1, 86_400, 's', 'AHT for every interval');
export const agentsAllDay = agentCount('agents on the phones all day');

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'path or URL of this JSON Schema, for editors' }),
    schema: z.literal(1, { error: 'must be 1 (this version of the scenario format)' }),
    name: z
      .string({ error: 'must be a text' })
      .min(1, { error: 'must not be empty' })
      .max(200, { error: 'must be at most 200 characters' }),
    description: z.string({ error: 'must be a text' }).max(5_000, { error: 'must be at most 5000 characters' }).default(''),
    day: z.strictObject({
      date: calendarDate.meta({ description: 'the day planned' }),
      open: clock('first interval starts'),
      close: clock('last interval ends'),
    }),
    intervalMinutes: z
      .union([z.literal(15), z.literal(30), z.literal(60)], { error: 'must be 15, 30 or 60' })
      .default(30)
      .meta({ description: 'planning interval, minutes' }),
    demand: demandSchema,
    ahtSeconds: z
      .union([ahtForTheDay, perInterval(range(1, 86_400, 's', 'AHT of the interval'))], {
        error: 'must be a number of seconds or one per interval',
      })
      .meta({ description: 'average handle time: talk + hold + wrap-up' }),
    handleTime: z
      .strictObject({
        kind: z.enum(DISTRIBUTION_KINDS).default('exponential'),
        shape: range(0.05, 50, '', 'shape parameter').optional(),
      })
      .prefault({})
      .meta({ description: 'shape of the handle-time distribution; its mean is ahtSeconds' }),
    ivr: z
      .strictObject({
        lines: range(1, MAX_LINES, 'lines', 'trunks: calls beyond this many in the system get a busy signal', true)
          .nullable()
          .default(null),
        time: distributionSchema.prefault({ meanSeconds: 45 }),
        containment: share('share of callers the IVR resolves').default(0),
        escape: z
          .strictObject({
            share: share('share of IVR callers who fail (asked 3 times, or too long in IVR)').default(0),
            afterSeconds: range(0, 3_600, 's', 'time in IVR before such a caller escapes').default(300),
            to: z.enum(['priority', 'callback'], { error: 'must be priority or callback' }).default('priority'),
          })
          .prefault({}),
      })
      .prefault({}),
    patience: distributionSchema.prefault({ meanSeconds: 300 }),
    redial: z
      .strictObject({
        abandoned: redialSchema.prefault({}),
        blocked: redialSchema.prefault({}),
        maxAttempts: range(
          1,
          100,
          'calls',
          'most calls one customer makes in the day, the first included; then they give up',
          true,
        ).default(10),
      })
      .prefault({}),
    callback: callbackSchema.prefault({}),
    staffing: z.strictObject({
      agents: z
        .union([agentsAllDay, perInterval(agentCount('agents on the phones'))], {
          error: 'must be a whole number of agents or one per interval',
        })
        .meta({ description: 'agents available for calls (after shrinkage) per interval' }),
    }),
    shrinkage: range(0, 0.95, 'share 0–0.95', 'share of paid time off the phones').default(0.3),
    targets: z
      .strictObject({
        callbacksInTime: share(
          'smallest acceptable callbacks completed ÷ callbacks requested (within their deadline)',
        ).optional(),
        holdFor: holdForSchema,
        // 1 is out of reach: some callers always wait (Erlang C) or abandon (Erlang A), whatever the staffing.
        serviceLevel: range(0, 0.9999, 'share', 'smallest acceptable SL').default(0.8),
        targetSeconds: range(0, 3_600, 's', 'SL threshold T').default(20),
        slDefinition: z
          .enum(SL_DEFINITIONS, { error: `must be ${SL_DEFINITIONS.slice(0, -1).join(', ')} or ${SL_DEFINITIONS.at(-1)}` })
          .default(DEFAULT_SL_DEFINITION),
        maxAsaSeconds: range(0.1, 86_400, 's', 'largest acceptable ASA').optional(),
        maxAbandonRate: range(0.0001, 0.9999, 'share', 'largest acceptable abandonment').optional(),
        maxOccupancy: range(0.01, 1, 'share', 'highest acceptable occupancy').optional(),
        answerRate: range(0, 0.9999, 'share', 'smallest acceptable answered ÷ (answered + abandoned)').optional(),
      })
      .prefault({}),
    simulation: z
      .strictObject({
        replications: range(1, 10_000, 'runs', 'independent replications', true).default(30),
        seed: range(0, 2 ** 32 - 1, '', 'random seed', true).default(1),
      })
      .prefault({}),
    cost: costSchema.optional().meta({ description: 'what staffing costs; without it, costs are not shown' }),
    shifts: shiftsSchema
      .optional()
      .meta({ description: 'shift templates for scheduling; without them, standard full- and part-time shifts' }),
  })
  .meta({
    title: 'WFM peak-day scenario',
    description: 'One day of one contact center: demand, IVR, queue, callbacks, staffing, targets.',
  });

/** A scenario as written in a file (defaults may be missing). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Distribution = z.output<typeof distributionSchema>;
export type ShiftTemplate = z.output<typeof shiftTemplateSchema>;
export type Shifts = z.output<typeof shiftsSchema>;
export type Cost = z.output<typeof costSchema>;
export type TargetScope = (typeof TARGET_SCOPES)[number];

/** The JSON Schema of scenario files as written (defaults optional), for editors and other tools. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** Keywords for people and editors, not checks: left out of the normalized form. */
const NOTES = new Set(['description', 'title', 'default']);
/** A schema without NOTES; the fields under `properties` keep their names, whatever they are. */
function checksOnly(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(checksOnly);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v).flatMap(([k, x]) =>
      NOTES.has(k)
        ? []
        : k === 'properties'
          ? [[k, Object.fromEntries(Object.entries(x as object).map(([name, field]) => [name, checksOnly(field)]))]]
          : [[k, checksOnly(x)]],
    ),
  );
}

/**
 * The JSON Schema of a scenario as every command reads it, each default
 * filled in, checks only: what the simulation and schedule workers hold a
 * scenario to (src/scenario/check.ts) without loading the schema library.
 * Cross-field rules are not in it; the workers apply those from crossField.ts.
 */
export function normalizedScenarioJsonSchema(): Record<string, unknown> {
  return checksOnly(z.toJSONSchema(scenarioSchema, { io: 'output', target: 'draft-2020-12' })) as Record<string, unknown>;
}
