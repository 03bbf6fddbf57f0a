export { checkScenario } from './check';
export { agentsPerInterval, ahtPerInterval, callsPerInterval, clockOf, intervalCount, intervalStarts, minutesOf } from './day';
export {
  type EditResult,
  getAt,
  type Json,
  MAX_SCALE_FACTOR,
  type NewDay,
  refused,
  scaleAht,
  scaleDemand,
  scenarioVersion,
  setAgents,
  setAt,
  setField,
  setTemplates,
  withDay,
} from './edit';
export { fieldChoices, fieldNullable, fieldOptional, fieldSchemas } from './fieldSchema';
export {
  attemptsPerCaller,
  MAX_AGENTS,
  MAX_CALLS_PER_INTERVAL,
  MAX_INTERVALS,
  MAX_LINES,
  MAX_LOAD_ERLANGS,
  MAX_REDIAL_SHARE,
  MAX_WAITING_CALLERS,
} from './limits';
export { mergePatch } from './mergePatch';
export { isPartTime, PART_TIME_BELOW_MINUTES } from './partTime';
export { type Grid, resample } from './regrid';
export {
  agentsAllDay,
  ahtForTheDay,
  type Distribution,
  distributionSchema,
  normalDayCalls,
  normalizedScenarioJsonSchema,
  peakDayUplift,
  type Scenario,
  type ScenarioInput,
  type Shifts,
  type ShiftTemplate,
  scenarioJsonSchema,
  scenarioSchema,
  shiftTemplateSchema,
} from './schema';
export { describeValue, formatPath } from './shape';
export {
  formatScenarioError,
  parseScenario,
  parseScenarioText,
  type ScenarioError,
  type ScenarioParse,
} from './validate';
export { applyVolumes, guessMapping, parseCsv, readVolumes, type VolumeImport, type VolumeMapping } from './volumes';
