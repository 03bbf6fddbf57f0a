export { agentCalendars, agentId } from './export';
export { optimality } from './optimality';
export { dayTimeline, defaultTemplates, onPhones, type ShiftPattern, shiftPatterns, type Timeline } from './patterns';
export { type FinalCheck, presentStaffing, type RepairResult, type RepairStep, repairSchedule } from './repair';
export {
  type IntervalCoverage,
  type Schedule,
  type ScheduledShift,
  type ScheduleOptions,
  type ScheduleStatus,
  scheduleDay,
  shiftRequirement,
} from './solve';
export { type ScheduleWorkerApi, scheduleWorkerApi } from './workerApi';
