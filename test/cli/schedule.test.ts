import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wfm } from './run';

const scenario = (name: string) => new URL(`../../scenarios/${name}`, import.meta.url).pathname;

describe('wfm schedule', () => {
  it('writes the roster and the coverage as CSV, XLSX and one calendar per agent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-shifts-'));
    const csv = wfm(['schedule', scenario('tax-deadline-callbacks.json'), '--out', join(dir, 'tax.csv')]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^Tax deadline — callbacks after the peak: \d+ agents, [\d,]+ paid hours — optimal/);
    const rosterText = readFileSync(join(dir, 'tax.csv'), 'utf8');
    expect(rosterText.startsWith('\ufeffagent,date,template,start,end,breaks,paidHours\r\n')).toBe(true);
    const roster = rosterText.trim().split('\r\n');
    expect(roster[1]).toMatch(/^A0001,2027-04-15,(Full|Part)-time/);
    const coverage = readFileSync(join(dir, 'tax-coverage.csv'), 'utf8').trim().split('\r\n');
    expect(coverage).toHaveLength(25);
    for (const row of coverage.slice(1)) expect(Number(row.split(',')[3])).toBe(0);

    expect(wfm(['schedule', scenario('tax-deadline-callbacks.json'), '--out', join(dir, 'tax.xlsx')]).code).toBe(0);
    const book = unzipSync(readFileSync(join(dir, 'tax.xlsx')));
    expect(strFromU8(book['xl/workbook.xml'])).toContain('name="Coverage"');

    expect(wfm(['schedule', scenario('tax-deadline-callbacks.json'), '--out', join(dir, 'tax.ics')]).code).toBe(0);
    const calendars = readdirSync(dir).filter((f) => f.endsWith('.ics'));
    expect(calendars.length).toBe(roster.length - 1);
    const ics = readFileSync(join(dir, 'tax-A0001.ics'), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/DTSTART:2027041[45]T\d{4}00Z\r\n/);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('checks the schedule by simulation and reports the trade-off', () => {
    const r = wfm(['schedule', scenario('black-friday-no-callbacks.json'), '--check', '--check-replications', '4', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe('optimal');
    expect(out.checks.length).toBeGreaterThanOrEqual(1);
    expect(out.checks[0]).toHaveProperty('paidHours');
    expect(out.checks[0].answerRate).toHaveProperty('halfWidth');
  });

  it('refuses an unknown output type with exit 2', () => {
    const r = wfm(['schedule', scenario('normal-weekday.json'), '--out', 'roster.pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('wfm schedule: --out: must end in .csv, .xlsx, .ics, got "roster.pdf"');
  });
});
