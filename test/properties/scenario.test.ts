import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  brokenScenariosAreNamed,
  smallScenariosSimulate,
  validScenariosPlan,
  workersRefuseWhatTheSchemaWould,
} from './properties';

// `npm run fuzz -- --runs 10000` runs the same properties many more times (fuzz.ts).
describe('any scenario, drawn over the whole schema', () => {
  it('plans to finite figures when valid: shares in [0, 1], counts ≥ 0', () => {
    fc.assert(validScenariosPlan, { numRuns: 40 });
  });

  it('is refused with one-line errors naming fields when a field is broken, never with an exception', () => {
    fc.assert(brokenScenariosAreNamed, { numRuns: 300 });
  });

  it('is refused by the workers’ check whenever the schema would refuse or rewrite it', () => {
    fc.assert(workersRefuseWhatTheSchemaWould, { numRuns: 300 });
  });

  it('simulates one replication of a small valid scenario to finite figures', () => {
    fc.assert(smallScenariosSimulate, { numRuns: 60 });
  });
});
