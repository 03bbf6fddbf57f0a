import type { Highs } from 'highs';
import type { Scenario } from '../scenario';
import { type RepairStep, repairSchedule } from './repair';
import { scheduleDay } from './solve';

/**
 * What a scheduling worker does, as plain functions over an injected HiGHS
 * loader (the browser needs to tell it where the WebAssembly file is).
 */
export function scheduleWorkerApi(load: () => Promise<Highs>) {
  let highs: Promise<Highs> | null = null;
  const solver = () => {
    highs ??= load();
    return highs;
  };
  return {
    async solve(s: Scenario, requirement: number[]) {
      return scheduleDay(s, await solver(), { requirement });
    },
    async check(s: Scenario, requirement: number[], replications: number, maxSteps: number, onStep: (step: RepairStep) => void) {
      return repairSchedule(s, await solver(), requirement, { replications, maxSteps, onStep });
    },
  };
}

export type ScheduleWorkerApi = ReturnType<typeof scheduleWorkerApi>;
