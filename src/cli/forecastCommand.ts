import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  backtest,
  calendarOf,
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
  rfssaToHistory,
  riskRun,
} from '../forecast';
import { clockOf, formatScenarioError, parseScenario } from '../scenario';
import { parseFlags, UsageError } from './flags';

function readText(path: string): string {
  try {
    const bytes = readFileSync(path);
    return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

export async function forecastCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    values: ['day', 'method', 'interval', 'holidays', 'scenario', 'out', 'risk', 'queue'],
    switches: ['json'],
  });
  const [file, extra] = flags.positional;
  if (!file) throw new UsageError('HISTORY: give a CSV of date-time and calls (see wfm convert for the public data sets)');
  if (extra) throw new UsageError(`${extra}: unexpected argument`);
  const day = flags.values.get('day');
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new UsageError(`--day: must be a date YYYY-MM-DD, got ${JSON.stringify(day ?? null)}`);
  const interval = Number(flags.values.get('interval') ?? 30);
  if (![15, 30, 60].includes(interval))
    throw new UsageError(`--interval: must be 15, 30 or 60, got "${flags.values.get('interval')}"`);
  const asked = flags.values.get('method') as Method | undefined;
  if (asked !== undefined && !METHODS.includes(asked))
    throw new UsageError(`--method: must be one of ${METHODS.join(', ')}, got "${asked}"`);
  const holidaysFile = flags.values.get('holidays');
  const calendar = calendarOf(holidaysFile ? readCalendar(readText(holidaysFile)) : []);

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
  const band = predictionInterval(forecast, score);
  const intervals = [...forecast.calls].map((calls, i) => ({
    start: clockOf(history.firstMinute + i * interval),
    calls,
    low: band.low[i],
    high: band.high[i],
    ahtSeconds: forecast.aht ? forecast.aht[i] : null,
  }));
  const scenarioOut = scenarioWithForecast(flags.values, forecast, history, day, score.ratios);
  const result = {
    ...scenarioOut,
    day,
    method,
    chosen: asked ? 'asked' : 'suggested by the backtest',
    formula: METHOD_FORMULAS[method],
    total: forecast.total,
    totalLow: band.totalLow,
    totalHigh: band.totalHigh,
    special: forecast.special,
    intervals,
    backtest: tested.scores.map(({ ratios, ...s }) => s),
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
  const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
  const r = history.report;
  const lines = [
    `History: ${history.dates.length} days ${result.history.from} – ${result.history.to}, ${r.rows} rows; ${r.unparseable.length} unreadable, ${r.duplicates.length} duplicates, ${r.gaps.length} gaps${r.otherQueues ? `, ${r.otherQueues} rows of other queues left out` : ''}${r.unparseable[0] ? ` (first: ${r.unparseable[0]})` : ''}`,
    '',
    `Backtest (rolling origin, every day after the first 5 weeks, ${interval}-minute intervals):`,
    'method           days   WAPE  normal  special  MAPE(day)',
    ...tested.scores.map(
      (s) =>
        `${s.method.padEnd(15)} ${String(s.days).padStart(5)}  ${pct(s.wape).padStart(6)}  ${pct(s.wapeNormal).padStart(6)}  ${pct(s.wapeSpecial).padStart(7)}  ${pct(s.mapeDay).padStart(8)}${s.method === tested.suggested ? '  ← suggested' : ''}`,
    ),
    '',
    `Forecast of ${day} by ${method} (${result.chosen}): ${Math.round(forecast.total).toLocaleString('en-US')} calls, 80 % interval ${Math.round(band.totalLow).toLocaleString('en-US')}–${Math.round(band.totalHigh).toLocaleString('en-US')}`,
    `  ${METHOD_FORMULAS[method]}`,
    forecast.special
      ? `  ${forecast.special.kind} day: × ${forecast.special.uplift.toFixed(2)} learned from ${forecast.special.learnedFrom.join(', ') || 'no earlier day (none applied)'}`
      : '  a normal day',
    '',
    `start   calls   80 % interval${forecast.aht ? '    AHT' : ''}`,
    ...intervals.map(
      (x) =>
        `${x.start}  ${x.calls.toFixed(1).padStart(6)}  ${`${x.low.toFixed(0).padStart(5)}–${x.high.toFixed(0)}`.padEnd(13)}${x.ahtSeconds === null ? '' : `  ${x.ahtSeconds.toFixed(0).padStart(4)} s`}`,
    ),
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
  const raw = JSON.parse(readText(base)) as Record<string, unknown>;
  const next = forecastScenario(raw, forecast, history, day);
  const parsed = parseScenario(next);
  if (!parsed.ok)
    throw new UsageError(
      `--scenario: with the forecast the scenario is not valid:\n  ${parsed.errors.map(formatScenarioError).join('\n  ')}`,
    );
  if (out) writeFileSync(out, `${JSON.stringify(next, null, 2)}\n`);
  let risk: RiskResult | null = null;
  if (riskText !== undefined) {
    const replications = Number(riskText);
    if (!Number.isInteger(replications) || replications < 1 || replications > 10_000) {
      throw new UsageError(`--risk: must be a whole number of simulated days from 1 to 10000, got "${riskText}"`);
    }
    risk = riskRun(parsed.scenario, ratios, replications);
  }
  return { written: out ?? null, risk };
}

/** `wfm convert rfssa FILE.csv.gz`: a public data set to the history import format, on stdout. */
export async function convertCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { values: [], switches: [] });
  const [format, file] = flags.positional;
  if (format !== 'rfssa')
    throw new UsageError(
      `FORMAT: must be rfssa (the 6-minute series of the Israeli bank; the US bank's CSV imports as it is), got ${JSON.stringify(format ?? null)}`,
    );
  if (!file) throw new UsageError('FILE: give the path of callcenter_6min_1999.csv.gz');
  process.stdout.write(rfssaToHistory(readText(file)));
}
