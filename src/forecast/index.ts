export { readCalendar, rfssaToHistory } from './convert';
export {
  type Backtest,
  type BacktestScore,
  backtest,
  calendarOf,
  type Forecast,
  forecastDay,
  predictionInterval,
  type SpecialEffect,
} from './forecast';
export {
  addDays,
  dayTotal,
  type History,
  type HistoryColumns,
  type HistoryReport,
  historyColumns,
  readHistory,
  weekday,
} from './history';
export { type DayKind, dayKind, METHOD_FORMULAS, METHODS, type Method, type SpecialDay } from './methods';
export { estimatePatience, type PatienceEstimate, type QueuedCall, readQueuedCalls } from './patience';
export { forecastScenario, type RiskResult, riskRun } from './risk';
