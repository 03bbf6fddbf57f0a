import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentsCsv } from '../../src/report/roster';
import { parseCsv } from '../../src/scenario';
import { readAgents } from '../../src/scenario/week';
import {
  AGENT_COLUMNS,
  addAgent,
  checkWeek,
  importAgents,
  removeAgent,
  setAgentCell,
  setBase,
  setContractField,
  type WeekDraft,
} from '../../src/scenario/weekEdit';

const file = (path: string) => readFileSync(new URL(`../../scenarios/${path}`, import.meta.url), 'utf8');
const base = JSON.parse(file('christmas-eve.json'));
const draft = (): WeekDraft => ({
  week: JSON.parse(file('weeks/christmas-week.json')),
  agents: parseCsv(file('weeks/christmas-week.agents.csv').replace(/^\uFEFF/, ''))
    .slice(1)
    .map((r) => AGENT_COLUMNS.map((_, i) => r[i] ?? '')),
});

describe('edits of a week in the app', () => {
  it('the bundled week as table rows reads as the file does', () => {
    const checked = checkWeek(draft(), base);
    expect(checked.ok && checked.week.agents).toHaveLength(300);
  });

  it('a half-typed availability is kept and named by row and column, and never changes other rows', () => {
    const d = setAgentCell(draft(), 0, 2, '08:0');
    expect(d.agents[0][2]).toBe('08:0');
    expect(d.agents[1]).toEqual(draft().agents[1]);
    const checked = checkWeek(d, base);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.map((e) => e.path)).toEqual(['agents row 2, mon']);
    expect(checkWeek(setAgentCell(d, 0, 2, '08:00-16:30'), base).ok).toBe(true);
  });

  it('a contract field holds a number, the default when emptied, or the text for the check to name', () => {
    const contract = (d: WeekDraft) => (d.week.contracts as Record<string, unknown>[])[0];
    expect(contract(setContractField(draft(), 0, 'minRestHours', ' 9.50 ')).minRestHours).toBe(9.5);
    expect('minRestHours' in contract(setContractField(draft(), 0, 'minRestHours', ''))).toBe(false);
    const typed = setContractField(draft(), 0, 'minRestHours', 'eleven');
    expect(contract(typed).minRestHours).toBe('eleven');
    const checked = checkWeek(typed, base);
    expect(!checked.ok && checked.errors[0].path).toBe('contracts[0].minRestHours');
    const tooLong = checkWeek(setContractField(draft(), 0, 'minRestHours', '60'), base);
    expect(!tooLong.ok && tooLong.errors[0].message).toMatch(/from 0 to 48 \(h\)/);
  });

  it('a contract edited in a week file with an entry that is not a contract changes that contract only, in its place', () => {
    const d = draft();
    const week = { ...d.week, contracts: [null, ...(d.week.contracts as unknown[])] };
    const edited = setContractField({ ...d, week }, 1, 'minRestHours', '9');
    const contracts = edited.week.contracts as (Record<string, unknown> | null)[];
    expect(contracts).toHaveLength(4);
    expect(contracts[0]).toBeNull();
    expect(contracts[1]?.minRestHours).toBe(9);
    expect(contracts[2]).toEqual((d.week.contracts as unknown[])[1]);
    const checked = checkWeek(edited, base);
    expect(!checked.ok && checked.errors[0].path).toMatch(/^contracts\[0\]/);
  });

  it('a person added has a name of their own and the first contract; a removal takes that row only', () => {
    const added = addAgent(addAgent(draft()));
    expect(added.agents.slice(-2).map((r) => r[0])).toEqual(['New person 301', 'New person 302']);
    expect(added.agents.at(-1)?.[1]).toBe('Full-time');
    expect(checkWeek(added, base).ok).toBe(true);
    const removed = removeAgent(draft(), 1);
    expect(removed.agents).toHaveLength(299);
    expect(removed.agents[1]).toEqual(draft().agents[2]);
  });

  it('an agents CSV with a bad row is refused whole, naming the row; a good one replaces the people', () => {
    const header = 'name,contract,mon,tue,wed,thu,fri,sat,sun';
    const bad = importAgents(draft(), `${header}\nAda,Full-time,any,any,any,any,any,,\nBo,Nobody,any,,,,,,\n`);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^agents row 3, contract: must be one of the week's contracts/);
    const good = importAgents(draft(), `\uFEFF${header}\nAda,Full-time,any,any,any,any,any,,\n`);
    expect(good.ok && good.draft.agents).toEqual([['Ada', 'Full-time', 'any', 'any', 'any', 'any', 'any', '', '', '']]);
  });

  it('the people exported as CSV read back as the same people, a formula-like name made text', () => {
    const d = setAgentCell(draft(), 0, 0, 'Ann, "the" Lead');
    const back = readAgents(agentsCsv(d.agents), new Set(['Full-time', 'Part-time', 'Nights']));
    expect(back.ok && back.agents.map((a) => a.name)).toEqual(d.agents.map((r) => r[0]));
    expect(agentsCsv([['=1+1', 'Full-time', 'any', '', '', '', '', '', '', '']])).toContain("'=1+1");
  });
});

describe('setBase', () => {
  it('puts a copy of the scenario as the week’s base, leaving the rest of the week and the people as they were', () => {
    const before: WeekDraft = { week: { name: 'w', base: '../christmas-eve.json', days: [] }, agents: [['Ann', 'Full-time']] };
    const scenario = { name: 'open', demand: { calls: [1, 2] } };
    const next = setBase(before, scenario);
    expect(next.week).toEqual({ name: 'w', base: scenario, days: [] });
    expect(next.agents).toBe(before.agents);
    scenario.demand.calls[0] = 99; // a later edit of the open scenario does not reach into the week
    expect((next.week.base as { demand: { calls: number[] } }).demand.calls).toEqual([1, 2]);
    expect(before.week.base).toBe('../christmas-eve.json');
  });
});
