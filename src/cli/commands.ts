import { describeRange, ERLANG_FIELDS } from '../erlang/erlangCase';
import { SL_DEFINITIONS } from '../erlang/serviceLevel';
import { CHECK_LENGTH } from '../schedule/checkLength';
import type { CommandSpec, Flag } from './flags';

/**
 * Every `wfm` command: what `wfm help` says of it, and where its code is. The code is loaded only
 * when the command runs, so `wfm schema` never loads the solver or the simulation.
 */

/** `--out FILE`: where a command writes a file, and which files it accepts. */
const outFlag = (range: string, help: string): Flag => ({ name: 'out', kind: 'file', range, help });

const reportOut = outFlag(
  'a path ending in .csv or .xlsx, in an existing folder',
  'also write every column, by interval and for the day, as CSV (JSON key names) or XLSX (labels with units)',
);

const json: Flag = {
  name: 'json',
  kind: 'switch',
  help: 'print JSON (described by schemas/<command>.schema.json) instead of a table',
};

/** How long a schedule's or roster's check by simulation runs (`--check`). */
const checkFlags: Flag[] = [
  {
    name: 'check-replications',
    kind: 'integer',
    min: 1,
    max: 1_000,
    default: String(CHECK_LENGTH.replications),
    unit: 'simulated days',
    help: 'replications per check step (of each day)',
  },
  {
    name: 'check-steps',
    kind: 'integer',
    min: 1,
    max: 50,
    default: String(CHECK_LENGTH.maxSteps),
    help: 'most repair steps of the check',
  },
];

/** `wfm erlang` flag → field of an Erlang case (DESIGN.md §6); its range comes from the engine's own rules. */
export const ERLANG_FLAG_FIELDS: Record<string, string> = {
  calls: 'calls',
  interval: 'intervalSeconds',
  aht: 'ahtSeconds',
  agents: 'agents',
  target: 'targetSeconds',
  patience: 'patienceSeconds',
  lines: 'lines',
  redial: 'redialShare',
  sl: 'serviceLevelTarget',
  'max-asa': 'maxAsaSeconds',
  'max-abandon': 'maxAbandonRate',
  'max-occupancy': 'maxOccupancy',
  shrinkage: 'shrinkage',
};

const ERLANG_HELP: Record<string, [string, string?]> = {
  calls: ['calls offered in the interval'],
  interval: ['interval length'],
  aht: ['average handle time (talk + hold + wrap-up)'],
  agents: ['agents on the phones to evaluate; omit it (C, A) to staff for the targets instead'],
  target: ['SL threshold T', '20'],
  patience: ['mean caller patience (models A and X)'],
  lines: ['Erlang X: lines (trunks); a call finding all busy is blocked'],
  redial: ['Erlang X: share of blocked and abandoned callers who redial', '0'],
  sl: ['staffing target: share answered within T'],
  'max-asa': ['staffing target: most average speed of answer'],
  'max-abandon': ['staffing target: most share abandoned'],
  'max-occupancy': ['staffing target: most occupancy'],
  shrinkage: ['share of paid time off the phones, for scheduled agents', '0'],
};

const erlangFlags: Flag[] = [
  { name: 'model', kind: 'choice', choices: ['B', 'C', 'A', 'X'], default: 'C', help: 'Erlang B, C, A or X' },
  ...Object.entries(ERLANG_FLAG_FIELDS).map(([name, field]): Flag => {
    const rule = ERLANG_FIELDS[field];
    const [help, fallback] = ERLANG_HELP[name];
    return {
      name,
      kind: rule.integer ? 'integer' : 'number',
      unit: rule.unit,
      range: describeRange(rule),
      default: fallback,
      help,
    };
  }),
  {
    name: 'sl-definition',
    kind: 'choice',
    choices: SL_DEFINITIONS,
    default: 'abandonsCount',
    help: 'SL = answered within T ÷ (answered + abandoned), ÷ answered, or ÷ (answered + abandoned after T)',
  },
  { name: 'fractional', kind: 'switch', help: 'staff with fractional agents (continuous Erlang C)' },
  { name: 'batch', kind: 'switch', help: 'read one JSON case per line on stdin, write one JSON answer per line' },
  json,
];

const redis: Flag = {
  name: 'redis',
  kind: 'text',
  range: 'a redis:// or rediss:// URL (redis://:PASSWORD@HOST:6379)',
  help: 'run on the wfm workers connected to this Redis server (BullMQ), with exactly the figures of a local run',
};

const chunk: Flag = {
  name: 'chunk',
  kind: 'integer',
  min: 1,
  max: 10_000,
  unit: 'replications',
  default: 'about 20 million simulated calls a job (10–15 s)',
  help: 'with --redis: replications a job (the same command always makes the same jobs)',
};

const replications: Flag = {
  name: 'replications',
  kind: 'integer',
  min: 1,
  max: 10_000,
  unit: 'simulated days',
  default: "the scenario's simulation.replications",
  help: 'independent replications of the day',
};

const seed: Flag = {
  name: 'seed',
  kind: 'integer',
  min: 0,
  max: 2 ** 32 - 1,
  default: "the scenario's simulation.seed",
  help: 'random seed; the same seed gives the same figures on any number of workers',
};

const workers: Flag = { name: 'workers', kind: 'integer', min: 1, max: 256, default: 'one per core', help: 'worker threads' };

const maxCalls: Flag = {
  name: 'max-calls',
  kind: 'integer',
  min: 1,
  max: 1e15,
  unit: 'calls',
  default: '100000000',
  help: 'refuse a run estimated to simulate more calls than this (first attempts × most calls per customer × replications)',
};

const scenarioNote = 'SCENARIO is a scenario JSON file (see wfm schema and scenarios/*.json).';

export const COMMANDS: readonly (CommandSpec & { load: () => Promise<(argv: string[]) => Promise<void>> })[] = [
  {
    name: 'erlang',
    summary: 'one Erlang B / C / A / X case from flags, or JSON lines on stdin (--batch)',
    args: '',
    flags: erlangFlags,
    example: 'wfm erlang --model A --calls 100 --interval 1800 --aht 180 --agents 12 --patience 300',
    notes: ['Without --agents (models C and A) it staffs for the targets given (--sl, --max-asa, …).'],
    load: async () => (await import('./erlangCommand')).erlangCommand,
  },
  {
    name: 'plan',
    summary: 'the interval-by-interval analytic plan of a scenario',
    args: 'SCENARIO',
    flags: [reportOut, json],
    example: 'wfm plan scenarios/christmas-eve.json',
    notes: [scenarioNote],
    load: async () => (await import('./planCommand')).planCommand,
  },
  {
    name: 'simulate',
    summary: 'the day simulated event by event, every figure with its 95% confidence interval',
    args: 'SCENARIO',
    flags: [
      replications,
      seed,
      workers,
      maxCalls,
      {
        name: 'progress',
        kind: 'switch',
        help: 'on a pipe or file, write a plain progress line (share, replications, workers connected with --redis, ETA) to stderr every 2 s and at the end (a terminal always gets the bar)',
      },
      {
        name: 'shard',
        kind: 'text',
        range: 'k/n: n from 1 to 100000, k from 0 to n − 1',
        help: 'simulate only shard k of n (replications ⌊k·R/n⌋ … ⌊(k+1)·R/n⌋ − 1) and write it to --out PART.wfmpart for wfm merge',
      },
      redis,
      chunk,
      { ...reportOut, range: 'a path ending in .csv or .xlsx (with --shard: .wfmpart), in an existing folder' },
      json,
    ],
    example: 'wfm simulate scenarios/christmas-eve.json --replications 100 --seed 7',
    notes: [
      scenarioNote,
      'Ctrl-C stops the run (exit 130).',
      'On a batch scheduler (Slurm array, Kubernetes Indexed Job): run --shard 0/n … --shard n−1/n --out part-k.wfmpart, then wfm merge.',
    ],
    load: async () => (await import('./simulateCommand')).simulateCommand,
  },
  {
    name: 'sweep',
    summary: 'a base scenario and named variants (JSON merge patches), each simulated: one wfm simulate --json line a variant',
    args: 'SWEEP',
    flags: [
      { ...redis, help: 'run the variants on the wfm workers connected to this Redis server' },
      chunk,
      { ...workers, help: 'worker threads (without --redis)' },
      { ...maxCalls, help: 'refuse a variant estimated to simulate more calls than this, before any variant runs' },
      outFlag(
        'a path ending in .jsonl, in an existing folder',
        'append each variant’s line here as it finishes; a re-run skips the variants already in it',
      ),
    ],
    example: 'wfm sweep sweep.json --out results.jsonl',
    notes: [
      'SWEEP is a JSON file: {"base": "scenario.json" (beside it) or a scenario object, "replications": R, "seed": S, "variants": [{"name": "…", "patch": {…}}]}.',
      'Each variant is the base with its patch applied (RFC 7386) and its name as the scenario name; its line is exactly what wfm simulate --json prints for that scenario.',
    ],
    load: async () => (await import('./sweepCommand')).sweepCommand,
  },
  {
    name: 'worker',
    summary: 'a compute process for wfm simulate --redis: takes jobs from Redis until stopped',
    args: '',
    flags: [
      { ...redis, help: 'the Redis server the coordinators (wfm simulate --redis) use (required)' },
      {
        name: 'threads',
        kind: 'integer',
        min: 1,
        max: 256,
        default: 'one per core',
        help: 'jobs simulated at once, each on its own worker thread',
      },
    ],
    example: 'wfm worker --redis redis://127.0.0.1:6379 --threads 4',
    notes: [
      'It takes only jobs of its own engine build (wfm version, worker bundle, V8, CPU architecture): results are identical only between identical engines.',
      'SIGTERM or Ctrl-C finishes the active jobs, then exits; a second signal exits at once (the jobs return to the queue when their locks expire).',
    ],
    load: async () => (await import('./workerCommand')).workerCommand,
  },
  {
    name: 'merge',
    summary: 'the result of a run simulated in shards (wfm simulate --shard k/n), identical to one local run',
    args: 'PART.wfmpart…',
    flags: [reportOut, json],
    example: 'wfm merge parts/*.wfmpart --json',
    notes: [
      'The parts must be of one scenario, seed, replication count and engine build (wfm version, worker bundle, V8, CPU architecture), and their ranges must cover every replication exactly once; otherwise nothing is printed and the file at fault is named (exit 2).',
    ],
    load: async () => (await import('./mergeCommand')).mergeCommand,
  },
  {
    name: 'compare',
    summary: '2–4 scenarios side by side, with differences from the first (the app’s Compare rows)',
    args: 'SCENARIO SCENARIO [SCENARIO SCENARIO]',
    flags: [
      {
        name: 'simulate',
        kind: 'integer',
        min: 1,
        max: 10_000,
        unit: 'simulated days',
        help: 'simulate each scenario with this many replications and compare the simulated figures (else the analytic plans)',
      },
      { ...workers, help: 'worker threads for --simulate' },
      {
        name: 'baseline',
        kind: 'integer',
        min: 1,
        max: 4,
        default: '1',
        help: 'which scenario (1–4, in the order given) the differences are from',
      },
      outFlag('a path ending in .csv or .xlsx, in an existing folder', 'also write the comparison as CSV or XLSX'),
      { name: 'csv', kind: 'switch', help: 'print the comparison as CSV instead of a table' },
      json,
    ],
    example: 'wfm compare scenarios/black-friday-no-callbacks.json scenarios/black-friday-callbacks.json --simulate 30',
    notes: [scenarioNote, 'Figures are for the day; shares as 0–1 in JSON and CSV, differences in percentage points on screen.'],
    load: async () => (await import('./compareCommand')).compareCommand,
  },
  {
    name: 'staff',
    summary: 'the fewest agents per interval that meet the targets: by Erlang A, Erlang C, or verified by simulation',
    args: 'SCENARIO',
    flags: [
      {
        name: 'by',
        kind: 'choice',
        choices: ['erlang-a', 'erlang-c', 'simulation'],
        default: 'erlang-a',
        help: 'analytic (per-interval targets by exact Erlang A or Erlang C), or by simulation from the Erlang A answer',
      },
      {
        name: 'confidence',
        kind: 'number',
        min: 0.5,
        max: 0.999,
        default: '0.95',
        unit: 'share',
        help: '--by simulation: targets must hold at this confidence (the end of the interval that matters)',
      },
      // A confidence interval needs at least two replications.
      { ...replications, min: 2, help: '--by simulation: replications per round (the same seeds every round)' },
      { ...seed, help: '--by simulation: seed of the rounds' },
      { name: 'max-rounds', kind: 'integer', min: 1, max: 50, default: '12', help: '--by simulation: most rounds of the search' },
      { ...workers, help: '--by simulation: worker threads (without --redis)' },
      {
        ...redis,
        help: '--by simulation: run every round on the wfm workers connected to this Redis server, with exactly the rounds of a local search',
      },
      chunk,
      outFlag('a .json path in an existing folder', 'write the staffed scenario (valid input for every other command)'),
      json,
    ],
    example: 'wfm staff scenarios/christmas-eve.json --by simulation --out out/staffed.json',
    notes: [scenarioNote, 'With --by simulation it reports its rounds and a final check on seeds the search never used.'],
    load: async () => (await import('./staffCommand')).staffCommand,
  },
  {
    name: 'schedule',
    summary: 'the shifts covering the plan at the fewest paid hours (HiGHS)',
    args: 'SCENARIO',
    flags: [
      outFlag(
        'a path ending in .csv, .xlsx or .ics, in an existing folder',
        'write the roster: .csv (plus NAME-coverage.csv), .xlsx (Shifts and Coverage sheets), .ics (one calendar per agent)',
      ),
      { name: 'check', kind: 'switch', help: 'simulate the schedule and add shifts until the targets hold with 95% confidence' },
      ...checkFlags,
      {
        ...redis,
        help: '--check: simulate every step on the wfm workers connected to this Redis server, with exactly the steps of a local check',
      },
      chunk,
      json,
    ],
    example: 'wfm schedule scenarios/christmas-eve.json --out roster.xlsx',
    notes: [scenarioNote],
    load: async () => (await import('./scheduleCommand')).scheduleCommand,
  },
  {
    name: 'roster',
    summary: 'a week of shifts given to named people, by contract and availability (HiGHS, then assignment)',
    args: 'WEEK',
    flags: [
      outFlag(
        'a path ending in .csv, .xlsx or .ics, in an existing folder',
        'write every shift of every person: .csv (plus NAME-coverage.csv), .xlsx (Roster and Coverage sheets), .ics (one calendar per person, NAME-Person-Name.ics)',
      ),
      {
        name: 'previous',
        kind: 'file',
        range: 'a roster CSV this command wrote',
        help: 'an earlier roster of the week: people keep the shifts they had wherever the new cover still has them',
      },
      {
        name: 'check',
        kind: 'switch',
        help: 'simulate each day with the people expected to show up, and re-roster with more asked where a target misses, less where all hold with room',
      },
      ...checkFlags,
      {
        ...redis,
        help: '--check: simulate every step on the wfm workers connected to this Redis server, with exactly the steps of a local check',
      },
      chunk,
      json,
    ],
    example: 'wfm roster scenarios/weeks/christmas-week.json --out out/roster.csv',
    notes: [
      'WEEK is a week file: a base scenario, a merge patch per consecutive day, shift templates, contracts and an agents CSV (see README).',
    ],
    load: async () => (await import('./rosterCommand')).rosterCommand,
  },
  {
    name: 'forecast',
    summary: 'backtest every forecasting method on a history and forecast one day',
    args: 'HISTORY.csv',
    flags: [
      { name: 'day', kind: 'text', range: 'a date YYYY-MM-DD', help: 'the day to forecast (required)' },
      {
        name: 'method',
        kind: 'text',
        range: 'a method of the backtest table',
        default: 'the backtest’s best',
        help: 'the method',
      },
      { name: 'interval', kind: 'choice', choices: ['15', '30', '60'], default: '30', unit: 'min', help: 'interval length' },
      {
        name: 'holidays',
        kind: 'file',
        help: 'special-day calendar CSV (date,name[,kind]: closed, reduced, observance, after, or your own word)',
      },
      {
        name: 'month-days',
        kind: 'text',
        range: 'day-of-month groups such as 1-3 or 1-10,25-31',
        help: 'day-of-month flags (pay-cycle days) for the factor model',
      },
      { name: 'queue', kind: 'text', help: 'only the rows of this queue, where the history has a queue column' },
      { name: 'scenario', kind: 'file', help: 'a scenario whose demand the forecast replaces (with --out or --risk)' },
      outFlag('a .json path in an existing folder', 'write that scenario with the forecast'),
      {
        name: 'risk',
        kind: 'integer',
        min: 1,
        max: 10_000,
        unit: 'simulated days',
        help: 'simulate the scenario with demand drawn from the backtest errors',
      },
      json,
    ],
    example:
      'wfm forecast data/anonymous-bank-1999/calls_30min_1999.csv --day 1999-09-19 --holidays data/anonymous-bank-1999/holidays_1999.csv',
    notes: ['HISTORY.csv has a date-time column and a calls column, optionally AHT and queue columns.'],
    load: async () => (await import('./forecastCommand')).forecastCommand,
  },
  {
    name: 'convert',
    summary: 'a public data set in the history import format, on stdout',
    args: 'FORMAT FILE',
    flags: [],
    example: 'wfm convert rfssa callcenter_6min_1999.csv.gz > history.csv',
    notes: ['FORMAT: rfssa (the Israeli bank’s 6-minute series).'],
    load: async () => (await import('./forecastCommand')).convertCommand,
  },
  {
    name: 'validate',
    summary: 'check a scenario file, listing every error with its JSON path',
    args: 'SCENARIO',
    flags: [],
    example: 'wfm validate scenarios/black-friday-callbacks.json',
    notes: ['Exit 0 when valid, 2 with every error otherwise.'],
    load: async () => (await import('./planCommand')).validateCommand,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of scenario files, or of a command’s --json output',
    args: '',
    flags: [
      {
        name: 'output',
        kind: 'choice',
        choices: ['erlang', 'plan', 'simulate', 'compare', 'staff', 'schedule', 'roster', 'forecast'],
        help: 'the schema of that command’s --json output instead (also in schemas/)',
      },
      {
        name: 'normalized',
        kind: 'switch',
        help: 'the schema of a scenario as the commands read it, every default filled in (checks only; schemas/scenario.normalized.schema.json)',
      },
    ],
    example: 'wfm schema --output simulate > simulate.schema.json',
    load: async () => (await import('./planCommand')).schemaCommand,
  },
];

export function commandSpec(name: string): CommandSpec {
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) throw new Error(`no command ${name}`);
  return spec;
}
