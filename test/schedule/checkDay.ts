import type { RepairStep } from '../../src/schedule';

/** A ten-hour day of 30-minute intervals with a midday peak and a target in every interval: what the checks by simulation are tried on. */
export const CHECK_DAY = {
  schema: 1,
  name: 'check',
  day: { date: '2026-12-24', open: '08:00', close: '18:00' },
  intervalMinutes: 30,
  demand: { calls: [40, 60, 80, 100, 120, 140, 160, 160, 140, 120, 100, 90, 80, 70, 60, 60, 50, 40, 30, 20] },
  ahtSeconds: 240,
  staffing: { agents: 10 },
  patience: { meanSeconds: 180 },
  targets: { serviceLevel: 0.8, targetSeconds: 20 },
  simulation: { replications: 8, seed: 7 },
};

/** The step a check answers with: the last that met every target, else the least short, the cheapest of those. */
export function chosen(steps: RepairStep[]): RepairStep {
  const met = steps.filter((x) => x.meetsTargets).at(-1);
  if (met) return met;
  return steps.reduce((a, b) =>
    b.short.length < a.short.length || (b.short.length === a.short.length && b.paidHours < a.paidHours) ? b : a,
  );
}
