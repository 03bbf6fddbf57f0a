export { agentsPerInterval, ahtPerInterval, callsPerInterval, clockOf, intervalCount, intervalStarts, minutesOf } from './day';
export { mergePatch } from './mergePatch';
export {
  type Distribution,
  distributionSchema,
  type Scenario,
  type ScenarioInput,
  type Shifts,
  type ShiftTemplate,
  scenarioJsonSchema,
  scenarioSchema,
} from './schema';
export { formatPath, parseScenario, parseScenarioText, type ScenarioParse } from './validate';
export { applyVolumes, guessMapping, parseCsv, readVolumes, type VolumeImport, type VolumeMapping } from './volumes';
