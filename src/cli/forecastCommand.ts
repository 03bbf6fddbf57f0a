import {
  type Backtest,
  backtest,
  calendarOf,
  dayKind,
  dayRatio,
  type Forecast,
  forecastDay,
  forecastScenario,
  type History,
  METHOD_FORMULAS,
  METHODS,
  type Method,
  predictionInterval,
  type RiskResult,
  readCalendar,
  readHistory,
  readMonthDays,
  rfssaToHistory,
  riskRun,
} from '../forecast';
import { backtestJson, backtestReport, forecastJson, forecastReport } from '../report/backtest';
import { textTable } from '../report/terminal';
import { formatScenarioError, parseScenario } from '../scenario';
import { commandSpec } from './commands';
import { checkOutputPath, readTextFile, writeOutput } from './files';
import { numberFlag, parseFlags, positionals, UsageError } from './flags';

/** A real YYYY-MM-DD date (not 2026-13-45 or 2026-02-30). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const readText = (path: string) => readTextFile(path, 'a CSV or JSON text file');

export async function forecastCommand(argv: string[]): Promise<void> {
  const spec = commandSpec('forecast');
  const flags = parseFlags(argv, spec);
  const [file] = positionals(flags, spec, 1);
  if (!file) throw new UsageError('HISTORY: give a CSV of date-time and calls (see wfm convert for the public data sets)');
  // Everything that can be checked before the backtest is checked first.
  const outPath = flags.values.get('out');
  if (outPath) checkOutputPath('out', outPath, ['.json']);
  numberFlag(flags, spec, 'risk');
  const day = flags.values.get('day');
  if (!day || !isCalendarDate(day)) throw new UsageError(`--day: must be a date YYYY-MM-DD, got ${JSON.stringify(day ?? null)}`);
  const interval = Number(flags.values.get('interval') ?? 30);
  if (![15, 30, 60].includes(interval))
    throw new UsageError(`--interval: must be 15, 30 or 60, got "${flags.values.get('interval')}"`);
  const asked = flags.values.get('method') as Method | undefined;
  if (asked !== undefined && !METHODS.includes(asked))
    throw new UsageError(`--method: must be one of ${METHODS.join(', ')}, got "${asked}"`);
  const holidaysFile = flags.values.get('holidays');
  const read = holidaysFile ? readCalendar(readText(holidaysFile)) : { days: [], errors: [] };
  if (read.errors.length > 0) throw new UsageError(`--holidays: ${holidaysFile}: ${read.errors[0]}`);
  let monthDays: number[][];
  try {
    monthDays = readMonthDays(flags.values.get('month-days') ?? '');
  } catch (error) {
    throw new UsageError(`--month-days: ${(error as Error).message}`);
  }
  const calendar = calendarOf(read.days, monthDays);

  const history = readHistory(readText(file), interval, { queue: flags.values.get('queue') });
  if (history.dates.length === 0)
    throw new UsageError(`${file}: no rows could be read (${history.report.unparseable[0] ?? 'empty file'})`);
  if (day <= history.dates[history.dates.length - 1] && history.dates.includes(day)) {
    process.stderr.write(`note: ${day} is in the history; it is forecast from the days before it only\n`);
  }
  const tested = backtest(history, calendar);
  const method = asked ?? tested.suggested;
  const forecast = forecastDay(history, day, method, calendar);
  if (!forecast)
    throw new UsageError(`--day: not enough history before ${day} for ${method} (needs at least two earlier same weekdays)`);
  const score = tested.scores.find((s) => s.method === method) ?? tested.scores[0];
  // Only the days before the forecast day size its interval and its risk run.
  const earlier = score.track.filter((t) => t.date < day);
  const band = predictionInterval(forecast, earlier, dayKind(day, calendar));
  const ratios = earlier.map(dayRatio).filter((x): x is number => x !== null);
  const scenarioOut = scenarioWithForecast(flags.values, forecast, history, day, ratios);
  const result = {
    ...scenarioOut,
    day,
    method,
    chosen: asked ? 'asked' : 'suggested by the backtest',
    formula: METHOD_FORMULAS[method],
    total: forecast.total,
    totalLow: band.totalLow,
    totalHigh: band.totalHigh,
    intervalFrom: { basis: band.basis, days: band.days },
    special: forecast.special,
    intervals: forecastJson(forecast, band, history),
    backtest: backtestJson(tested),
    history: {
      days: history.dates.length,
      from: history.dates[0],
      to: history.dates[history.dates.length - 1],
      ...history.report,
    },
  };
  if (flags.switches.has('json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const r = history.report;
  const lines = [
    `History: ${history.dates.length} days ${result.history.from} – ${result.history.to}, ${r.rows} rows; ${r.unparseable.length} unreadable, ${r.duplicates.length} duplicates, ${r.gaps.length} gaps${r.otherQueues ? `, ${r.otherQueues} rows of other queues left out` : ''}${r.unparseable[0] ? ` (first: ${r.unparseable[0]})` : ''}`,
    '',
    `Backtest (rolling origin, every day after the first 5 weeks forecast from the days before it, ${interval}-minute intervals; 80 % intervals likewise from earlier days only):`,
    backtestText(tested),
    '',
    `Forecast of ${day} by ${method} (${result.chosen}): ${Math.round(forecast.total).toLocaleString('en-US')} calls, 80 % interval ${Math.round(band.totalLow).toLocaleString('en-US')}–${Math.round(band.totalHigh).toLocaleString('en-US')} (sized from the errors of ${band.days} earlier ${band.basis})`,
    `  ${METHOD_FORMULAS[method]}`,
    forecast.special
      ? `  ${forecast.special.kind} day${forecast.special.name ? ` (${forecast.special.name})` : ''}: ${forecast.special.note}${forecast.special.learnedFrom.length > 0 ? ` (${forecast.special.learnedFrom.join(', ')})` : ''}`
      : '  a normal day',
    '',
    (({ intervals, day }) => textTable(intervals, day))(forecastReport(forecast, band, history)),
  ];
  if (scenarioOut.written) lines.push('', `Scenario with this demand written to ${scenarioOut.written}.`);
  if (scenarioOut.risk) {
    const risk = scenarioOut.risk;
    const p = (x: number | null) => (x === null ? '—' : `${Math.round(100 * x)} %`);
    lines.push(
      '',
      `Risk run (${risk.replications} simulated days, demand drawn from the backtest's actual ÷ forecast): P(day answer-rate target) ${p(risk.day.pAnswerRate)}, P(day SL target) ${p(risk.day.pServiceLevel)}`,
      'Intervals least likely to meet the SL target:',
      ...[...risk.intervals]
        .sort((a, b) => a.pServiceLevel - b.pServiceLevel)
        .slice(0, 5)
        .map((x) => `  ${x.start}  P(SL) ${p(x.pServiceLevel)}  P(answer rate) ${p(x.pAnswerRate)}`),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The backtest as a terminal table, the suggested method marked. */
function backtestText(tested: Backtest): string {
  const { table, suggested } = backtestReport(tested);
  return textTable(table)
    .split('\n')
    .map((line, i) => (i === suggested + 1 ? `${line}  ← suggested` : line))
    .join('\n');
}

/** With --scenario and --out: the base scenario with the forecast as its demand, written and validated; with --risk R, its risk run. */
function scenarioWithForecast(values: Map<string, string>, forecast: Forecast, history: History, day: string, ratios: number[]) {
  const base = values.get('scenario');
  const out = values.get('out');
  const riskText = values.get('risk');
  if (!base) {
    if (out || riskText)
      throw new UsageError('--scenario: give the scenario whose demand the forecast replaces (with --out or --risk)');
    return { written: null, risk: null };
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readText(base).replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--scenario: ${base} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new UsageError(`--scenario: ${base} must hold a JSON object`);
  const next = forecastScenario(raw, forecast, history, day);
  const parsed = parseScenario(next);
  if (!parsed.ok)
    throw new UsageError(
      `--scenario: with the forecast the scenario is not valid:\n  ${parsed.errors.map(formatScenarioError).join('\n  ')}`,
    );
  if (out) writeOutput(out, `${JSON.stringify(next, null, 2)}\n`);
  let risk: RiskResult | null = null;
  if (riskText !== undefined) {
    const replications = Number(riskText);
    risk = riskRun(parsed.scenario, ratios, replications);
  }
  return { written: out ?? null, risk };
}

/** `wfm convert rfssa FILE.csv.gz`: a public data set to the history import format, on stdout. */
export async function convertCommand(argv: string[]): Promise<void> {
  const spec = commandSpec('convert');
  const [format, file] = positionals(parseFlags(argv, spec), spec, 2);
  if (format !== 'rfssa')
    throw new UsageError(
      `FORMAT: must be rfssa (the 6-minute series of the Israeli bank; the US bank's CSV imports as it is), got ${JSON.stringify(format ?? null)}`,
    );
  if (!file) throw new UsageError('FILE: give the path of callcenter_6min_1999.csv.gz');
  let history: string;
  try {
    history = rfssaToHistory(readText(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    history = '';
  }
  if (history.split('\n').filter(Boolean).length < 2)
    throw new UsageError(`${file}: not the rfssa 6-minute series (a CSV with columns calls, u and Date)`);
  process.stdout.write(history);
}
