export { type IntervalFunnel, type IntervalInput, intervalFunnel } from './interval';
export { type DayPlan, type DayTotals, type IntervalPlan, PLAN_NOTES, planDay } from './plan';
export { type PlannedRaw, planRaw } from './planned';
