export { type CalculatorInput, type CalculatorResult, calculate, type Requirement } from './calculator';
export { type ErlangAInput, type ErlangAResult, erlangA } from './erlangA';
export { erlangB } from './erlangB';
export { type ErlangCInput, type ErlangCResult, erlangC, UNSTABLE_REASON } from './erlangC';
export {
  checkNumber,
  describeRange,
  ERLANG_FIELDS,
  type ErlangAnswer,
  type ErlangCase,
  type FieldError,
  formatFieldError,
  loadProblem,
  MAX_LOAD,
  type NumberRule,
  parseErlangCase,
  solveErlangCase,
} from './erlangCase';
export { type ErlangXInput, type ErlangXResult, erlangX } from './erlangX';
export {
  DEFAULT_SL_DEFINITION,
  SL_DEFINITION_NAMES,
  SL_DEFINITIONS,
  type SlDefinition,
  serviceLevel,
  slFormula,
} from './serviceLevel';
export {
  missedTargets,
  type QueueMetrics,
  type QueueModel,
  queueMetrics,
  requiredAgents,
  SCHEDULING_RULE,
  type StaffingCase,
  type StaffingResult,
  type StaffingTargets,
  scheduledAgents,
} from './staffing';
