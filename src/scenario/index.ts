export { agentsPerInterval, ahtPerInterval, callsPerInterval, clockOf, intervalCount, intervalStarts, minutesOf } from './day';
export {
  type EditResult,
  getAt,
  type Json,
  type NewDay,
  scaleAht,
  scaleDemand,
  scenarioVersion,
  setAgents,
  setAt,
  setField,
  setTemplates,
  withDay,
} from './edit';
export { type Grid, resample } from './regrid';
export {
  agentsAllDay,
  ahtForTheDay,
  type Distribution,
  distributionSchema,
  normalDayCalls,
  peakDayUplift,
  type Scenario,
  type ScenarioInput,
  type Shifts,
  type ShiftTemplate,
  scenarioJsonSchema,
  scenarioSchema,
} from './schema';
export { formatPath, parseScenario, parseScenarioText, type ScenarioParse } from './validate';
export { applyVolumes, guessMapping, parseCsv, readVolumes, type VolumeImport, type VolumeMapping } from './volumes';
