import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario';
import { scenarioInput } from './scenarioArbitrary';
import { type JsonSchema, schemaFields, valueFields } from './schemaPaths';

describe('the scenario arbitrary', () => {
  it('writes every field the schema has, so a new field cannot be left out of the property tests', () => {
    const wanted = new Set(schemaFields(scenarioJsonSchema() as JsonSchema).map(([path]) => path));
    const samples = fc.sample(scenarioInput({ maxIntervals: 4 }), { numRuns: 300, seed: 7 });
    const written = new Set(samples.flatMap((s) => valueFields(s).map((f) => f.path)));
    expect([...wanted].filter((p) => !written.has(p))).toEqual([]);
    expect(wanted.size).toBeGreaterThan(80);
  });
});
