import type { z } from 'zod';
import { intervalCount, minutesOf } from './day';
import { trafficErrors } from './limits';
import { type Scenario, scenarioSchema } from './schema';
import { checkShape, describeValue, MAX_TEXT_CHARS } from './shape';

/** One validation error: the field's JSON path and, on one line, what is wrong and what is allowed. */
export interface ScenarioError {
  /** "demand.calls[3]"; "(scenario)" for the whole value, "(file)" for its text */
  path: string;
  message: string;
}

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** "path: message", the one line a terminal or a list shows. */
export function formatScenarioError(e: ScenarioError): string {
  return `${e.path}: ${e.message}`;
}

/** Errors listed before the rest are counted: a file of a million bad values gets a readable answer. */
const MAX_ERRORS = 20;

/** "demand.calls[3]" from ["demand", "calls", 3]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

type Issue = z.core.$ZodIssue;

/**
 * Of a union's failed options, the one the value was meant for: not refused
 * for its type as a whole, and with the fewest complaints (unknown fields
 * weigh most). A number-or-list field with one bad element is then reported
 * at that element, with its range, instead of echoing the whole list.
 */
function intendedOption(options: Issue[][], input: unknown): Issue[] | null {
  const wrongKind = (i: Issue) =>
    i.path.length === 0 &&
    (i.code === 'invalid_value' ||
      (i.code === 'invalid_type' && !(typeof input === 'number' && (i.expected === 'number' || i.expected === 'int'))));
  const score = (issues: Issue[]) =>
    issues.some(wrongKind)
      ? Number.POSITIVE_INFINITY
      : issues.reduce((total, i) => total + (i.code === 'unrecognized_keys' && i.path.length === 0 ? 1000 : 1), 0);
  let best: Issue[] | null = null;
  for (const option of options) if (score(option) < (best === null ? Number.POSITIVE_INFINITY : score(best))) best = option;
  return best;
}

function describeIssue(issue: Issue, prefix: readonly PropertyKey[] = []): ScenarioError[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    const option = intendedOption(issue.errors, issue.input);
    if (option !== null) return option.flatMap((inner) => describeIssue(inner, path));
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'unknown field' }));
  }
  const where = formatPath(path) || '(scenario)';
  const got =
    'input' in issue && issue.input !== undefined
      ? `, got ${describeValue(issue.input)}`
      : issue.code === 'invalid_type'
        ? `, got ${'received' in issue && issue.received === 'Infinity' ? describeValue(Number.POSITIVE_INFINITY) : 'nothing'}`
        : '';
  return [{ path: where, message: `${issue.message}${got}` }];
}

/** At most MAX_ERRORS errors, then one line counting the rest. */
function capped(errors: ScenarioError[]): ScenarioError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [
    ...errors.slice(0, MAX_ERRORS),
    { path: '(scenario)', message: `and ${errors.length - MAX_ERRORS} more errors (the first ${MAX_ERRORS} are listed)` },
  ];
}

/**
 * Validates a parsed JSON value as a scenario: every error names its JSON path,
 * the value found (shortened) and what is allowed; unknown fields are errors.
 * A value that passes plans and simulates to finite numbers (see limits.ts).
 */
export function parseScenario(raw: unknown): ScenarioParse {
  const shape = checkShape(raw);
  if (shape !== null) return { ok: false, errors: [shape] };
  const result = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!result.success) return { ok: false, errors: capped(result.error.issues.flatMap((i) => describeIssue(i))) };
  const errors = crossFieldErrors(result.data);
  return errors.length > 0 ? { ok: false, errors: capped(errors) } : { ok: true, scenario: result.data };
}

/** Rules that tie fields together, which the field-by-field schema cannot see. */
function crossFieldErrors(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  const open = minutesOf(s.day.open);
  const close = minutesOf(s.day.close);
  if (close <= open) return [{ path: 'day.close', message: `must be after day.open (${s.day.open}), got "${s.day.close}"` }];
  if ((close - open) % s.intervalMinutes !== 0) {
    return [
      {
        path: 'day.close',
        message: `the open day must be a whole number of ${s.intervalMinutes}-minute intervals, got ${s.day.open}–${s.day.close}`,
      },
    ];
  }
  const n = intervalCount(s);
  const sameLength = (path: string, values: unknown) => {
    if (Array.isArray(values) && values.length !== n) {
      fail(path, `must have one value per interval (${n} from ${s.day.open} to ${s.day.close}), got ${values.length}`);
    }
  };
  if ('calls' in s.demand) sameLength('demand.calls', s.demand.calls);
  else sameLength('demand.profile', s.demand.profile);
  sameLength('ahtSeconds', s.ahtSeconds);
  sameLength('staffing.agents', s.staffing.agents);
  if (s.ivr.containment + s.ivr.escape.share > 1) {
    fail('ivr.escape.share', `containment + escape share must be at most 1, got ${s.ivr.containment} + ${s.ivr.escape.share}`);
  }
  const offer = s.callback.offerWhen;
  if (s.callback.enabled && offer.waitAboveSeconds === undefined && offer.positionAbove === undefined) {
    fail('callback.offerWhen', 'give waitAboveSeconds or positionAbove when callbacks are enabled');
  }
  const serve = s.callback.serve;
  if (serve.mode === 'window' && (minutesOf(serve.from) < open || minutesOf(serve.from) >= close)) {
    fail('callback.serve.from', `must be within the open day ${s.day.open}–${s.day.close}, got "${serve.from}"`);
  }
  // Traffic limits need one value per interval to be read.
  if (errors.length === 0) errors.push(...trafficErrors(s));
  errors.push(...shiftErrors(s, open, close));
  return errors;
}

function shiftErrors(s: Scenario, open: number, close: number): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  for (const [t, template] of (s.shifts?.templates ?? []).entries()) {
    const at = `shifts.templates[${t}]`;
    const earliest = minutesOf(template.earliestStart);
    const latest = minutesOf(template.latestStart);
    if (latest < earliest)
      fail(`${at}.latestStart`, `must not be before earliestStart (${template.earliestStart}), got "${template.latestStart}"`);
    if (earliest < open)
      fail(`${at}.earliestStart`, `must be at or after the opening, ${s.day.open}, got "${template.earliestStart}"`);
    if (latest + template.lengthMinutes > close) {
      fail(
        `${at}.latestStart`,
        `a ${template.lengthMinutes}-minute shift starting then ends after closing (${s.day.close}), got "${template.latestStart}"`,
      );
    }
    for (const [name, clock] of [
      ['earliestStart', template.earliestStart],
      ['latestStart', template.latestStart],
    ] as const) {
      if ((minutesOf(clock) - open) % s.intervalMinutes !== 0) {
        fail(`${at}.${name}`, `must be on the ${s.intervalMinutes}-minute interval grid from ${s.day.open}, got "${clock}"`);
      }
    }
    for (const [b, brk] of template.breaks.entries()) {
      if (brk.latestAfterMinutes < brk.earliestAfterMinutes) {
        fail(
          `${at}.breaks[${b}].latestAfterMinutes`,
          `must be at least earliestAfterMinutes (${brk.earliestAfterMinutes}), got ${brk.latestAfterMinutes}`,
        );
      }
      if (brk.latestAfterMinutes + brk.minutes > template.lengthMinutes) {
        fail(
          `${at}.breaks[${b}].latestAfterMinutes`,
          `the break must end within the ${template.lengthMinutes}-minute shift, got ${brk.latestAfterMinutes}`,
        );
      }
    }
    if (template.maxAgents !== undefined && template.maxAgents < template.minAgents) {
      fail(`${at}.maxAgents`, `must be at least minAgents (${template.minAgents}), got ${template.maxAgents}`);
    }
  }
  return errors;
}

/**
 * Parses scenario text (JSON); a syntax error is reported like any other. A
 * UTF-8 byte-order mark (as Windows editors write) is skipped; text longer
 * than any scenario can be is refused before it is parsed.
 */
export function parseScenarioText(text: string): ScenarioParse {
  if (text.length > MAX_TEXT_CHARS) {
    return {
      ok: false,
      errors: [
        { path: '(file)', message: `${text.length} characters is more than a scenario can hold (at most ${MAX_TEXT_CHARS})` },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return parseScenario(raw);
}
