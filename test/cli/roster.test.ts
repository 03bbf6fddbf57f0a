import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { wfm } from './run';

const week = new URL('../../scenarios/weeks/christmas-week.json', import.meta.url).pathname;

describe('wfm roster', () => {
  it('rosters the bundled week to its people and writes every shift and the coverage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-roster-'));
    const run = wfm(['roster', week, '--out', join(dir, 'week.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Christmas week 2026: \d+ of 300 people on \d+ shifts, [\d,]+ paid hours; the cover asked [\d,]+ h, the shift counts within [\d.]+ % of the proved bound \(work limit\); its paid hours within [\d.]+ % of the least \([\d,]+ h\) any cover short by no more in any interval could pay/,
    );
    expect(run.stdout).toMatch(/short in \d+ of 672 intervals, [\d.]+ agent-hours in all; first: 2026-12-21 00:00: short by/);
    const shifts = readFileSync(join(dir, 'week.csv'), 'utf8');
    expect(shifts.startsWith('\ufeffagent,contract,date,template,start,end,breaks,paidHours\r\n')).toBe(true);
    expect(readFileSync(join(dir, 'week-coverage.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1 + 7 * 96);

    expect(wfm(['roster', week, '--out', join(dir, 'week.xlsx')]).code).toBe(0);
    const sheet = strFromU8(unzipSync(readFileSync(join(dir, 'week.xlsx')))['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('Paid hours (h)');
    const again = wfm(['roster', week, '--previous', join(dir, 'week.csv'), '--out', join(dir, 'again.csv')]);
    expect(again.code).toBe(0);
    // Nothing changed: everyone keeps the shifts and breaks they had, byte for byte.
    expect(readFileSync(join(dir, 'again.csv'), 'utf8')).toBe(shifts);

    expect(wfm(['roster', week, '--out', join(dir, 'week.ics')]).code).toBe(0);
    const calendars = readdirSync(dir).filter((f) => f.endsWith('.ics'));
    expect(calendars.length).toBeGreaterThan(250);
    expect(calendars).toContain('week-Oliver-Clarke.ics');
    expect(readFileSync(join(dir, 'week-Oliver-Clarke.ics'), 'utf8')).toMatch(
      /^BEGIN:VCALENDAR\r\n[\s\S]*X-WR-TIMEZONE:Europe\/London\r\n/,
    );
  });

  it('--check simulates each day with the people present and says whether the roster meets its targets', () => {
    const run = wfm(['roster', week, '--check', '--check-replications', '2', '--check-steps', '2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Simulation check, with the people expected to show up (absence taken out; trade-off of paid hours against answer rate):',
    );
    expect(run.stdout).toMatch(/Paid hours +Agents +Answer rate +SL +Lowest day +Targets met/);
    // Christmas asks more than 300 people can give: the final check says where it falls short.
    expect(run.stdout).toMatch(
      /The roster falls short, simulated again on 8 replications of each day with seed \d+, which the check never used: intervals 2026-12-2\d \d\d:\d\d/,
    );
    // A length out of range is refused before anything is solved, with or without --check.
    for (const flags of [
      ['--check', '--check-steps', '0'],
      ['--check-replications', '0'],
    ]) {
      const refused = wfm(['roster', week, ...flags]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /^wfm roster: --check-(steps|replications): must be a whole number from 1 to (50|1000), got "0"/,
      );
    }
  });

  it('a re-export with --previous cancels, under their UIDs, the events of the earlier roster it no longer has', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-roster-'));
    const raw = JSON.parse(readFileSync(week, 'utf8'));
    raw.base = new URL('../../scenarios/christmas-eve.json', import.meta.url).pathname;
    // The person who leaves has a name a spreadsheet would run, which the roster CSV guards with an apostrophe:
    // read back, it must still name the same person, or the cancellations would miss their calendar's UIDs.
    const agents = readFileSync(new URL('../../scenarios/weeks/christmas-week.agents.csv', import.meta.url), 'utf8').replace(
      /^Oliver Clarke,/m,
      '"=HYPERLINK(""http://x"",""a;b,c"")",',
    );
    writeFileSync(join(dir, 'agents.csv'), agents);
    writeFileSync(join(dir, 'week.json'), JSON.stringify({ ...raw, agents: 'agents.csv' }));
    expect(wfm(['roster', join(dir, 'week.json'), '--out', join(dir, 'old.csv')]).code).toBe(0);
    expect(wfm(['roster', join(dir, 'week.json'), '--out', join(dir, 'old.ics')]).code).toBe(0);
    // That person leaves; the others are rostered again from the old roster.
    writeFileSync(join(dir, 'agents.csv'), agents.replace(/^"=HYPERLINK.*\n/m, ''));
    const again = wfm(['roster', join(dir, 'week.json'), '--previous', join(dir, 'old.csv'), '--out', join(dir, 'new.ics')]);
    expect(again.code).toBe(0);
    /** Each calendar's events as ical.js reads them: UID → cancelled or not. */
    const read = (prefix: string) =>
      new Map(
        readdirSync(dir)
          .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.ics'))
          .map((f) => {
            const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(dir, f), 'utf8')));
            const events = calendar
              .getAllSubcomponents('vevent')
              .map((v) => [String(v.getFirstPropertyValue('uid')), v.getFirstPropertyValue('status') === 'CANCELLED'] as const);
            return [f.slice(prefix.length + 1), new Map(events)] as const;
          }),
      );
    const before = read('old');
    const after = read('new');
    let cancelled = 0;
    for (const [file, events] of before) {
      const now = after.get(file);
      expect(now, file).toBeDefined();
      // Every event a calendar holds from the earlier export is in the new one, kept or cancelled: none is left behind.
      for (const uid of events.keys()) expect(now?.has(uid), `${file} ${uid}`).toBe(true);
      for (const [uid, gone] of now ?? []) {
        if (!gone) continue;
        cancelled++;
        expect(events.has(uid), `${file}: a cancelled event is one the earlier export had`).toBe(true);
      }
    }
    // The person who left gets a calendar of nothing but cancellations, one for each event they had.
    const oliver = after.get('HYPERLINK-http-x-a-b-c.ics');
    expect([...(oliver?.values() ?? [])].every(Boolean)).toBe(true);
    expect(oliver?.size).toBe(before.get('HYPERLINK-http-x-a-b-c.ics')?.size);
    expect(cancelled).toBeGreaterThan(oliver?.size ?? 0);
    // Without --previous nothing is cancelled.
    expect(readFileSync(join(dir, 'old-HYPERLINK-http-x-a-b-c.ics'), 'utf8')).not.toContain('STATUS:CANCELLED');
  });

  it('refuses a week file that is wrong with exit 2 and one line naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-roster-'));
    const raw = JSON.parse(readFileSync(week, 'utf8'));
    raw.base = new URL('../../scenarios/christmas-eve.json', import.meta.url).pathname;
    raw.agents = new URL('../../scenarios/weeks/christmas-week.agents.csv', import.meta.url).pathname;
    raw.contracts[0].maxDaysPerWeek = 9;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(raw));
    const run = wfm(['roster', join(dir, 'bad.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/contracts\[0\]\.maxDaysPerWeek: must be a whole number from 0 to 7 \(days\), got 9/);
    expect(wfm(['roster', join(dir, 'missing.json')]).code).toBe(2);
    const bare = wfm(['roster']);
    expect([bare.code, bare.stderr.trim()]).toEqual([
      2,
      'wfm roster: WEEK: give the path of a week JSON file (scenarios/weeks/christmas-week.json, say)',
    ]);
    writeFileSync(join(dir, 'not-a-roster.csv'), 'who,when\nx,y\n');
    const previous = wfm(['roster', week, '--previous', join(dir, 'not-a-roster.csv')]);
    expect(previous.code).toBe(2);
    expect(previous.stderr).toMatch(/--previous .*not-a-roster\.csv: the previous roster has no agent column/);
    // A roster of another week keeps nobody anywhere: refused, not ignored.
    writeFileSync(
      join(dir, 'march.csv'),
      'agent,contract,date,template,start,end,breaks,paidHours\r\nOliver Clarke,Full-time,2027-03-22,Day 8.5 h,2027-03-22 09:00,2027-03-22 17:30,,8\r\n',
    );
    const other = wfm(['roster', week, '--previous', join(dir, 'march.csv')]);
    expect([other.code, other.stderr.trim()]).toEqual([
      2,
      expect.stringMatching(/--previous .*march\.csv: its one shift is not on a day of this week \(2026-12-21 to 2026-12-27\)/),
    ]);
    // A check's length without --check is refused, not ignored.
    for (const command of ['roster', 'schedule'] as const) {
      const file = command === 'roster' ? week : new URL('../../scenarios/christmas-eve.json', import.meta.url).pathname;
      const alone = wfm([command, file, '--check-replications', '50']);
      expect([alone.code, alone.stderr.trim()]).toEqual([2, `wfm ${command}: --check-replications: only with --check`]);
    }
  });
});
