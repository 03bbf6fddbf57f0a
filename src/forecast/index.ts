export { type Backtest, type BacktestScore, backtest, type Coverage } from './backtest';
export {
  type Calendar,
  calendarOf,
  type DayKind,
  dayKind,
  readCalendar,
  readMonthDays,
  SPECIAL_KINDS,
  type SpecialDay,
} from './calendar';
export { rfssaToHistory } from './convert';
export { type Forecast, type Forecaster, forecastDay, forecaster, type SpecialEffect } from './forecast';
export {
  addDays,
  dayTotal,
  type History,
  type HistoryColumns,
  type HistoryReport,
  historyColumns,
  isRealDate,
  readHistory,
  weekday,
} from './history';
export { COVERAGE, dayRatio, type PredictionInterval, predictionInterval, type TrackDay } from './intervals';
export { METHOD_FORMULAS, METHODS, type Method } from './methods';
export { estimatePatience, type PatienceEstimate, type QueuedCall, readQueuedCalls } from './patience';
export { forecastScenario, type RiskResult, riskRun } from './risk';
