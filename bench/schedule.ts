/**
 * Shift scheduling with HiGHS: 10 templates over a 24-hour day whose requirement peaks so that about 500 agents
 * work, at 48 and at 96 intervals. Each figure gives the paid hours, the proved bound, the gap between them (%),
 * why the search stopped (optimal, work limit, or the safety-net time limit) and its CPU time; and the bundled
 * peak week rostered to its 300 people.
 */
import { readFileSync } from 'node:fs';
import loadHighs from 'highs';
import { formatScenarioError, parseScenario, type ShiftTemplate } from '../src/scenario';
import { parseWeek } from '../src/scenario/week';
import { dayTimeline, scheduleDay, shiftPatterns } from '../src/schedule';
import { rosterWeek } from '../src/schedule/roster';
import { timed } from './measure';

export async function scheduleFigures() {
  const highs = await loadHighs();
  const solve = async (intervalMinutes: 15 | 30) => {
    const n = (24 * 60) / intervalMinutes;
    const requirement = Array.from({ length: n }, (_, i) => {
      const hour = (i * intervalMinutes) / 60;
      return Math.round(30 + 260 * Math.exp(-((hour - 11) ** 2) / 8) + 210 * Math.exp(-((hour - 19) ** 2) / 6));
    });
    const templates: ShiftTemplate[] = [4, 5, 6, 7, 8, 8.5, 9, 10, 6, 4].map((hours, k) => ({
      name: `T${k + 1} ${hours} h`,
      lengthMinutes: hours * 60,
      earliestStart: '00:00',
      latestStart: `${String(24 - Math.ceil(hours)).padStart(2, '0')}:00`,
      breaks:
        hours >= 6
          ? [
              { minutes: 30, paid: false, earliestAfterMinutes: 150, latestAfterMinutes: 270 },
              { minutes: 15, paid: true, earliestAfterMinutes: (hours - 2) * 60, latestAfterMinutes: (hours - 1) * 60 },
            ]
          : [{ minutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 150 }],
      minAgents: 0,
      ...(k >= 8 ? { maxAgents: 40 } : {}),
    }));
    const parsed = parseScenario({
      schema: 1,
      name: `schedule bench ${n}`,
      day: { date: '2026-12-24', open: '00:00', close: '24:00' },
      intervalMinutes,
      demand: { calls: Array(n).fill(100) },
      ahtSeconds: 180,
      staffing: { agents: 10 },
      // The wall clock is only a safety net; a generous one keeps a loaded bench machine from tripping it.
      shifts: { templates, absenceShrinkage: 0, timeLimitSeconds: 120 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
    const { value: result, timing } = await timed(() => scheduleDay(parsed.scenario, highs, { requirement }));
    return {
      timing,
      patterns: shiftPatterns(dayTimeline(parsed.scenario), templates).length,
      status: result.status,
      gapPercent: Number((100 * (result.gap ?? Number.NaN)).toFixed(3)),
      bound: result.bound,
      paidHours: result.paidHours,
      agents: result.agents,
    };
  };
  // The bundled peak week: 7 days × 96 intervals, 300 named people on 3 contracts, 10 templates (wfm roster).
  const dir = new URL('../scenarios/', import.meta.url);
  const weekFile = JSON.parse(readFileSync(new URL('weeks/christmas-week.json', dir), 'utf8'));
  const parsedWeek = parseWeek(
    weekFile,
    JSON.parse(readFileSync(new URL('christmas-eve.json', dir), 'utf8')),
    readFileSync(new URL('weeks/christmas-week.agents.csv', dir), 'utf8'),
  );
  if (!parsedWeek.ok) throw new Error(parsedWeek.errors.map(formatScenarioError).join('\n'));
  const week = parsedWeek.week;
  const { value: roster, timing } = await timed(() => rosterWeek(week, highs));
  const rosterWeekFigure = {
    timing,
    people: week.agents.length,
    templates: week.shifts?.templates.length,
    status: roster.status,
    gapPercent: Number((100 * (roster.gap ?? Number.NaN)).toFixed(3)),
    coverPaidHours: roster.coverPaidHours,
    paidHoursBound: roster.paidHoursBound,
    paidHoursGapPercent: Number((100 * (roster.paidHoursGap ?? Number.NaN)).toFixed(3)),
    rosteredPaidHours: roster.paidHours,
    shifts: roster.agents.reduce((n, a) => n + a.shifts.length, 0),
    unassignedShifts: roster.unassigned.length,
    shortIntervals: roster.shortfalls.length,
    shortAgentHours: Number((roster.coverage.reduce((h, c) => h + c.short, 0) * (roster.intervalMinutes / 60)).toFixed(2)),
    belowContractMinimum: roster.contractShortfalls.length,
  };
  return {
    schedule10Templates: { intervals48: await solve(30), intervals96: await solve(15) },
    rosterChristmasWeek: rosterWeekFigure,
  };
}
