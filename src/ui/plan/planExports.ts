import type { DayPlan } from '../../plan';
import type { DayCost } from '../../plan/cost';
import { reportCsv, reportSheet, workbook } from '../../report/files';
import { planReport } from '../../report/plan';
import { simulationReport } from '../../report/simulation';
import type { SimulationResult } from '../../sim';
import { download, fileSlug } from '../download';
import type { SavedSimulation } from './simulation/saved';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The plan as CSV: the same file as `wfm plan --out FILE.csv`. */
export function exportPlanCsv(name: string, plan: DayPlan, cost: DayCost | null): void {
  const { intervals, day } = planReport(plan, cost);
  download(`${fileSlug(name)}-plan.csv`, reportCsv(intervals, day), 'text/csv');
}

/** The simulation as CSV: the same file as `wfm simulate --out FILE.csv`. */
export function exportSimulationCsv(result: SimulationResult, plan: DayPlan): void {
  const { intervals, day } = simulationReport(result, plan);
  download(`${fileSlug(result.name)}-simulation.csv`, reportCsv(intervals, day), 'text/csv');
}

/** The plan's workbook, with the simulation's sheet when it is of this version (the sheets `--out FILE.xlsx` writes). */
export function exportWorkbook(name: string, plan: DayPlan, cost: DayCost | null, simulation: SavedSimulation | null): void {
  const { intervals, day } = planReport(plan, cost);
  const sim = simulation && !simulation.stale ? simulationReport(simulation.result, plan) : null;
  const sheets = [reportSheet('Plan', intervals, day), ...(sim ? [reportSheet('Simulation', sim.intervals, sim.day)] : [])];
  download(`${fileSlug(name)}.xlsx`, workbook(sheets), XLSX);
}
