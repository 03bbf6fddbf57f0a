import type { z } from 'zod';
import { SL_DEFINITION_NAMES, type SlDefinition } from '../../../erlang';
import {
  agentsAllDay,
  ahtForTheDay,
  fieldChoices,
  fieldNullable,
  fieldOptional,
  getAt,
  normalDayCalls,
  peakDayUplift,
} from '../../../scenario';

/**
 * The scenario form's fields, grouped the way a planner thinks. Each is bound
 * to a JSON path; its choices and whether blank means null come from the
 * schema, its range from the schema's messages; only labels, units and the
 * per-cent scale are the form's own.
 */
export interface Field {
  path: string;
  label: string;
  unit: string;
  /** the typed value × scale is the stored one (% → share) */
  scale?: number;
  kind?: 'text' | 'checkbox';
  /** what the planner reads for each of the schema's choices */
  names?: (choice: string | number) => string;
  /** shown only when the scenario (with its defaults filled in) has this shape */
  when?: (scenario: unknown) => boolean;
  /** the field's own value schema, where the scenario's allows other shapes too (one value or one per interval) */
  value?: z.ZodType;
  /** the schema's choices (a select when there are any), whether blank means null, and whether blank leaves it out */
  choices: (string | number)[];
  nullable: boolean;
  optional: boolean;
}

type Spec = Omit<Field, 'choices' | 'nullable' | 'optional'>;
const field = (spec: Spec): Field => ({
  ...spec,
  choices: fieldChoices(spec.path),
  nullable: fieldNullable(spec.path),
  optional: fieldOptional(spec.path),
});
const fields = (specs: Spec[]) => specs.map(field);
const named = (names: Record<string, string>) => (choice: string | number) => names[String(choice)] ?? String(choice);

const isNumberAt = (path: string) => (scenario: unknown) => typeof getAt(scenario, path) === 'number';
const isArrayAt = (path: string) => (scenario: unknown) => Array.isArray(getAt(scenario, path));
const serveMode = (mode: string) => (scenario: unknown) => getAt(scenario, 'callback.serve.mode') === mode;
const share = (path: string, label: string): Spec => ({ path, label, unit: '%', scale: 0.01 });
const seconds = (path: string, label: string): Spec => ({ path, label, unit: 's' });
const SCOPES = named({ day: 'for the day', interval: 'in every interval', both: 'day and every interval' });
const holdFor = (target: string, label: string): Spec => ({
  path: `targets.holdFor.${target}`,
  label: `${label} must hold`,
  unit: '',
  names: SCOPES,
});
const callbacksOn = (scenario: unknown) => getAt(scenario, 'callback.enabled') === true;
/** Shift settings need the templates they hold (the Shifts page writes them). */
const hasShifts = (scenario: unknown) => getAt(scenario, 'shifts') !== undefined;

export const GROUPS: { title: string; fields: Field[]; note?: (scenario: unknown) => string | null }[] = [
  {
    title: 'Scenario',
    fields: fields([
      { path: 'name', label: 'Name', unit: '', kind: 'text' },
      { path: 'day.date', label: 'Date', unit: '', kind: 'text' },
      { path: 'day.open', label: 'Opens', unit: 'HH:MM', kind: 'text' },
      { path: 'day.close', label: 'Closes', unit: 'HH:MM', kind: 'text' },
      { path: 'intervalMinutes', label: 'Interval', unit: '', names: (m) => `${m} min` },
    ]),
  },
  {
    title: 'Demand',
    note: (s) => (isArrayAt('demand.calls')(s) ? 'Calls per interval come from the scenario file or a CSV import.' : null),
    fields: fields([
      {
        path: 'demand.dailyCalls',
        label: 'Calls on a normal day',
        unit: 'calls',
        when: isNumberAt('demand.dailyCalls'),
        value: normalDayCalls,
      },
      { path: 'demand.uplift', label: 'Peak-day uplift', unit: '×', when: isNumberAt('demand.uplift'), value: peakDayUplift },
      { ...seconds('ahtSeconds', 'Average handle time'), when: isNumberAt('ahtSeconds'), value: ahtForTheDay },
    ]),
  },
  {
    title: 'IVR',
    fields: fields([
      { path: 'ivr.lines', label: 'Lines (trunks)', unit: 'lines' },
      seconds('ivr.time.meanSeconds', 'Mean time in IVR'),
      share('ivr.containment', 'Self-service (containment)'),
      share('ivr.escape.share', 'IVR failures (escapes)'),
      seconds('ivr.escape.afterSeconds', 'Escape after'),
      {
        path: 'ivr.escape.to',
        label: 'Escapes go to',
        unit: '',
        names: named({ priority: 'the front of the queue', callback: 'a callback offer' }),
      },
    ]),
  },
  {
    title: 'Queue and patience',
    fields: fields([
      seconds('patience.meanSeconds', 'Mean patience'),
      share('redial.abandoned.share', 'Abandoned who redial'),
      seconds('redial.abandoned.delay.meanSeconds', '…after on average'),
      share('redial.blocked.share', 'Busy signals who redial'),
      seconds('redial.blocked.delay.meanSeconds', '…after on average'),
    ]),
  },
  {
    title: 'Callbacks',
    fields: fields([
      { path: 'callback.enabled', label: 'Offer callbacks', unit: '', kind: 'checkbox' },
      seconds('callback.offerWhen.waitAboveSeconds', 'Offer when wait above'),
      share('callback.acceptance', 'Callers who accept'),
      {
        path: 'callback.serve.mode',
        label: 'Callbacks are dialled',
        unit: '',
        names: named({ idle: 'by idle agents', window: 'from a set time', dedicated: 'by dedicated agents' }),
      },
      { path: 'callback.serve.reserveAgents', label: 'Keep free for inbound', unit: 'agents', when: serveMode('idle') },
      { path: 'callback.serve.from', label: 'Dial from', unit: 'HH:MM', kind: 'text', when: serveMode('window') },
      { path: 'callback.serve.agents', label: 'Dedicated agents', unit: 'agents', when: serveMode('dedicated') },
      share('callback.reachProbability', 'Attempts that reach'),
      { path: 'callback.maxAttempts', label: 'Attempts at most', unit: '' },
      seconds('callback.retryDelaySeconds', 'Retry after'),
      { path: 'callback.deadline', label: 'Deadline', unit: 'HH:MM', kind: 'text' },
    ]),
  },
  {
    title: 'Staffing',
    note: (s) => (isArrayAt('staffing.agents')(s) ? 'Agents per interval: edit them in the interval table.' : null),
    fields: fields([
      {
        path: 'staffing.agents',
        label: 'Agents on the phones',
        unit: 'agents',
        when: isNumberAt('staffing.agents'),
        value: agentsAllDay,
      },
      share('shrinkage', 'Shrinkage'),
    ]),
  },
  {
    title: 'Targets',
    fields: fields([
      share('targets.serviceLevel', 'Service level'),
      seconds('targets.targetSeconds', 'answered within'),
      { path: 'targets.slDefinition', label: 'SL definition', unit: '', names: (d) => SL_DEFINITION_NAMES[d as SlDefinition] },
      holdFor('serviceLevel', 'SL'),
      // Blank leaves a target out: the day is not judged on it.
      share('targets.answerRate', 'Answer rate at least'),
      holdFor('answerRate', 'Answer rate'),
      seconds('targets.maxAsaSeconds', 'ASA at most'),
      holdFor('maxAsaSeconds', 'ASA'),
      share('targets.maxAbandonRate', 'Abandonment at most'),
      holdFor('maxAbandonRate', 'Abandonment'),
      share('targets.maxOccupancy', 'Occupancy at most'),
      holdFor('maxOccupancy', 'Occupancy'),
      { ...share('targets.callbacksInTime', 'Callbacks in time at least'), when: callbacksOn },
      { ...holdFor('callbacksInTime', 'Callbacks in time'), when: callbacksOn },
    ]),
  },
  {
    title: 'Shifts',
    note: (s) =>
      hasShifts(s)
        ? 'Templates are edited on the Shifts page; these hold what their cover may use.'
        : 'No shift templates yet: the Shifts page sets them, and then the limits of their cover are set here.',
    fields: fields([
      { path: 'shifts.maxPaidHours', label: 'Paid hours at most', unit: 'h', when: hasShifts },
      { ...share('shifts.absenceShrinkage', 'Absence the shifts cover'), when: hasShifts },
      // A part-time shift is a template's partTime flag, else one under 6 h (scenario/partTime.ts).
      { ...share('shifts.partTimeShare.min', 'Part-time shifts at least'), when: hasShifts },
      { ...share('shifts.partTimeShare.max', 'Part-time shifts at most'), when: hasShifts },
    ]),
  },
  {
    title: 'Simulation',
    fields: fields([
      { path: 'simulation.replications', label: 'Replications', unit: 'runs' },
      { path: 'simulation.seed', label: 'Random seed', unit: '' },
    ]),
  },
];

/** Every field of the form, for messages that name a field the way the planner sees it. */
export const FIELDS: Field[] = GROUPS.flatMap((g) => g.fields);

/** The fields the scenario has now (the callback policy's own, one-value demand, AHT and staffing). */
export const visibleFields = (scenario: unknown): Field[] => FIELDS.filter((f) => !f.when || f.when(scenario));
