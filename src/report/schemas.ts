import { z } from 'zod';
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

function planOutput() {
  const row = rowSchema(planColumns(SL), () => false);
  return z
    .object({
      name: z.string().describe('scenario name'),
      slDefinition: z.string().describe('the service-level formula in use'),
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
      intervals: z.array(row).describe('one record per interval, in time order'),
      day: row.describe('the day'),
      notes: z.array(z.string()).describe('how the figures are counted'),
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
      baseline: z.string().describe('the first scenario: differences are from it'),
      scenarios: z
        .array(
          z
            .object({
              name: z.string(),
              source: z.string().describe('"analytic plan", or "simulated, R replications"'),
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
              unit: z.enum(['hours', 'share', 'seconds', 'calls']),
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

export const OUTPUT_SCHEMAS = {
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
