import { intervalCount, minutesOf } from './day';
import { trafficErrors } from './limits';
import { partTimeShareErrors } from './partTime';
import type { Scenario, ShiftTemplate } from './schema';
import type { ScenarioError } from './validate';

/** Rules that tie fields together, which the field-by-field schema cannot see. */
export function crossFieldErrors(s: Scenario): ScenarioError[] {
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
  if (!isCalendarDate(s.day.date)) {
    fail('day.date', `must be a real calendar date YYYY-MM-DD (month 01–12, a day the month has), got "${s.day.date}"`);
  }
  for (const [path, d] of [
    ['ivr.time', s.ivr.time],
    ['patience', s.patience],
    ['redial.abandoned.delay', s.redial.abandoned.delay],
    ['redial.blocked.delay', s.redial.blocked.delay],
  ] as const) {
    if (d.kind === 'empirical' && d.values === undefined) fail(`${path}.values`, 'required for an empirical distribution');
  }
  for (const [i, p] of (s.cost?.premiums ?? []).entries()) {
    if (p.to <= p.from) fail(`cost.premiums[${i}].to`, `must be after from (${p.from}), got "${p.to}"`);
  }
  // Traffic limits need one value per interval to be read.
  if (errors.length === 0) errors.push(...trafficErrors(s));
  errors.push(...shiftErrors(s, open, close));
  return errors;
}

/** A real calendar day: 2026-02-29 and 2026-13-45 are not. */
function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function shiftErrors(s: Scenario, open: number, close: number): ScenarioError[] {
  const templates = s.shifts?.templates ?? [];
  const errors = templateErrors(templates, s.intervalMinutes, s.day.open);
  const fail = (path: string, message: string) => errors.push({ path, message });
  for (const [t, template] of templates.entries()) {
    const at = `shifts.templates[${t}]`;
    if (minutesOf(template.earliestStart) < open)
      fail(`${at}.earliestStart`, `must be at or after the opening, ${s.day.open}, got "${template.earliestStart}"`);
    if (minutesOf(template.latestStart) + template.lengthMinutes > close) {
      fail(
        `${at}.latestStart`,
        `a ${template.lengthMinutes}-minute shift starting then ends after closing (${s.day.close}), got "${template.latestStart}"`,
      );
    }
  }
  errors.push(...partTimeShareErrors(s.shifts));
  return errors;
}

/**
 * What is wrong in shift templates whatever day they are worked on (a day's
 * schedule or a week's roster, whose shifts may cross midnight): starts in
 * order and on the interval grid from `open`, breaks inside their shift, head
 * counts in order, and names that tell the templates apart (rosters and
 * earlier rosters name shifts by them).
 */
export function templateErrors(templates: ShiftTemplate[], grid: number, open: string, at = 'shifts'): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  const names = new Set<string>();
  for (const [t, template] of templates.entries()) {
    const here = `${at}.templates[${t}]`;
    if (names.has(template.name)) fail(`${here}.name`, `"${template.name}" names an earlier template; names must differ`);
    names.add(template.name);
    if (minutesOf(template.latestStart) < minutesOf(template.earliestStart))
      fail(`${here}.latestStart`, `must not be before earliestStart (${template.earliestStart}), got "${template.latestStart}"`);
    for (const [name, clock] of [
      ['earliestStart', template.earliestStart],
      ['latestStart', template.latestStart],
    ] as const) {
      if ((((minutesOf(clock) - minutesOf(open)) % grid) + grid) % grid !== 0)
        fail(`${here}.${name}`, `must be on the ${grid}-minute interval grid from ${open}, got "${clock}"`);
    }
    for (const [b, brk] of template.breaks.entries()) {
      if (brk.latestAfterMinutes < brk.earliestAfterMinutes) {
        fail(
          `${here}.breaks[${b}].latestAfterMinutes`,
          `must be at least earliestAfterMinutes (${brk.earliestAfterMinutes}), got ${brk.latestAfterMinutes}`,
        );
      }
      if (brk.latestAfterMinutes + brk.minutes > template.lengthMinutes) {
        fail(
          `${here}.breaks[${b}].latestAfterMinutes`,
          `the break must end within the ${template.lengthMinutes}-minute shift, got ${brk.latestAfterMinutes}`,
        );
      }
    }
    if (template.maxAgents !== undefined && template.maxAgents < template.minAgents)
      fail(`${here}.maxAgents`, `must be at least minAgents (${template.minAgents}), got ${template.maxAgents}`);
  }
  return errors;
}
