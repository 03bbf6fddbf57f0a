import type { z } from 'zod';
import { intervalCount, minutesOf } from './day';
import { type Scenario, scenarioSchema } from './schema';

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** "demand.calls[3]" from ["demand", "calls", 3]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path) || '(scenario)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field`).join('\n');
  }
  const got =
    'input' in issue && issue.input !== undefined
      ? `, got ${JSON.stringify(issue.input)}`
      : issue.code === 'invalid_type'
        ? ', got nothing'
        : '';
  return `${where}: ${issue.message}${got}`;
}

/**
 * Validates a parsed JSON value as a scenario: every error names its JSON path,
 * the value found and what is allowed; unknown fields are errors.
 */
export function parseScenario(raw: unknown): ScenarioParse {
  const result = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!result.success) return { ok: false, errors: result.error.issues.flatMap((i) => describeIssue(i).split('\n')) };
  const errors = crossFieldErrors(result.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: result.data };
}

/** Rules that tie fields together, which the field-by-field schema cannot see. */
function crossFieldErrors(s: Scenario): string[] {
  const errors: string[] = [];
  const open = minutesOf(s.day.open);
  const close = minutesOf(s.day.close);
  if (close <= open) return [`day.close: must be after day.open (${s.day.open}), got "${s.day.close}"`];
  if ((close - open) % s.intervalMinutes !== 0) {
    return [
      `day.close: the open day must be a whole number of ${s.intervalMinutes}-minute intervals, got ${s.day.open}–${s.day.close}`,
    ];
  }
  const n = intervalCount(s);
  const sameLength = (path: string, values: unknown) => {
    if (Array.isArray(values) && values.length !== n) {
      errors.push(`${path}: must have one value per interval (${n} from ${s.day.open} to ${s.day.close}), got ${values.length}`);
    }
  };
  if ('calls' in s.demand) sameLength('demand.calls', s.demand.calls);
  else sameLength('demand.profile', s.demand.profile);
  sameLength('ahtSeconds', s.ahtSeconds);
  sameLength('staffing.agents', s.staffing.agents);
  if (s.ivr.containment + s.ivr.escape.share > 1) {
    errors.push(
      `ivr.escape.share: containment + escape share must be at most 1, got ${s.ivr.containment} + ${s.ivr.escape.share}`,
    );
  }
  const offer = s.callback.offerWhen;
  if (s.callback.enabled && offer.waitAboveSeconds === undefined && offer.positionAbove === undefined) {
    errors.push('callback.offerWhen: give waitAboveSeconds or positionAbove when callbacks are enabled');
  }
  const serve = s.callback.serve;
  if (serve.mode === 'window' && (minutesOf(serve.from) < open || minutesOf(serve.from) >= close)) {
    errors.push(`callback.serve.from: must be within the open day ${s.day.open}–${s.day.close}, got "${serve.from}"`);
  }
  errors.push(...shiftErrors(s, open, close));
  return errors;
}

function shiftErrors(s: Scenario, open: number, close: number): string[] {
  const errors: string[] = [];
  for (const [t, template] of (s.shifts?.templates ?? []).entries()) {
    const at = `shifts.templates[${t}]`;
    const earliest = minutesOf(template.earliestStart);
    const latest = minutesOf(template.latestStart);
    if (latest < earliest)
      errors.push(
        `${at}.latestStart: must not be before earliestStart (${template.earliestStart}), got "${template.latestStart}"`,
      );
    if (earliest < open)
      errors.push(`${at}.earliestStart: must be at or after the opening, ${s.day.open}, got "${template.earliestStart}"`);
    if (latest + template.lengthMinutes > close) {
      errors.push(
        `${at}.latestStart: a ${template.lengthMinutes}-minute shift starting then ends after closing (${s.day.close}), got "${template.latestStart}"`,
      );
    }
    for (const [name, clock] of [
      ['earliestStart', template.earliestStart],
      ['latestStart', template.latestStart],
    ] as const) {
      if ((minutesOf(clock) - open) % s.intervalMinutes !== 0) {
        errors.push(`${at}.${name}: must be on the ${s.intervalMinutes}-minute interval grid from ${s.day.open}, got "${clock}"`);
      }
    }
    for (const [b, brk] of template.breaks.entries()) {
      if (brk.latestAfterMinutes < brk.earliestAfterMinutes) {
        errors.push(
          `${at}.breaks[${b}].latestAfterMinutes: must be at least earliestAfterMinutes (${brk.earliestAfterMinutes}), got ${brk.latestAfterMinutes}`,
        );
      }
      if (brk.latestAfterMinutes + brk.minutes > template.lengthMinutes) {
        errors.push(
          `${at}.breaks[${b}].latestAfterMinutes: the break must end within the ${template.lengthMinutes}-minute shift, got ${brk.latestAfterMinutes}`,
        );
      }
    }
    if (template.maxAgents !== undefined && template.maxAgents < template.minAgents) {
      errors.push(`${at}.maxAgents: must be at least minAgents (${template.minAgents}), got ${template.maxAgents}`);
    }
  }
  return errors;
}

/** Parses scenario text (JSON); a syntax error is reported like any other. */
export function parseScenarioText(text: string): ScenarioParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`(file): not valid JSON: ${(error as Error).message}`] };
  }
  return parseScenario(raw);
}
