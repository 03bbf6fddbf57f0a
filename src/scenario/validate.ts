import type { z } from 'zod';
import { crossFieldErrors } from './crossField';
import { type Scenario, scenarioSchema } from './schema';
import { checkShape, describeValue, formatPath, MAX_TEXT_CHARS } from './shape';

/** One validation error: the field's JSON path and, on one line, what is wrong and what is allowed. */
export interface ScenarioError {
  /** "demand.calls[3]"; "(scenario)" for the whole value, "(file)" for its text */
  path: string;
  message: string;
}

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export { formatScenarioError } from './shape';

/** Errors listed before the rest are counted: a file of a million bad values gets a readable answer. */
const MAX_ERRORS = 20;

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

/** A zod issue as errors that name their JSON path and the value found. */
export function describeIssue(issue: Issue, prefix: readonly PropertyKey[] = []): ScenarioError[] {
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
