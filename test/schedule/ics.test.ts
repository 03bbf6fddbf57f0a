import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, icsText, machineTimeZone } from '../../src/report/ics';
import { portableText } from '../../src/report/text';
import { agentCalendars, type ScheduledShift } from '../../src/schedule';
import { hostileText } from '../report/hostile';

// X-WR-CALNAME and X-WR-TIMEZONE are TEXT for the calendars that read them (Apple, Google, Outlook); ical.js is told so.
for (const name of ['x-wr-calname', 'x-wr-timezone']) ICAL.design.defaultSet.property[name] = { defaultType: 'text' };

const shift = (template: string, start: string, end: string, agents = 1): ScheduledShift => ({
  template,
  start,
  end,
  breaks: [
    { start: '10:00', end: '10:15', paid: true },
    { start: '12:00', end: '12:30', paid: false },
  ],
  paidHours: 8,
  agents,
});

/** The raw file obeys RFC 5545 §3.1: CRLF after every line, no other CR or LF, at most 75 octets a line, folds start with a space. */
function expectWellFormedLines(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // No character cut in two: the line is whole UTF-16, so its UTF-8 bytes decode back to it.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
    expect(line).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
  }
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
}

/** The events as an independent parser (ical.js) reads them, with the calendar's own VTIMEZONE: instants and the zone named. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      zone: event.startDate.zone?.tzid === event.endDate.zone?.tzid ? event.startDate.zone?.tzid : 'differ',
      stamp: v.getFirstPropertyValue('dtstamp')?.toString(),
    };
  });
}

/** When the calendars of a test were exported: 20 December 2026, 09:30 UTC. */
const AT = Date.UTC(2026, 11, 20, 9, 30);

describe('iCalendar export (RFC 5545)', () => {
  const schedule = { shifts: [shift('Full-time', '08:00', '16:30', 2), shift('Evening', '16:00', '24:00')] };

  it('writes each agent a calendar that an independent parser reads: the shift and its breaks in the center’s zone, at the right instants', () => {
    const calendars = agentCalendars(schedule, '2026-12-24', 'Noël; 客服, hotline', AT, 'Europe/Berlin');
    expect(calendars.map((c) => c.agent)).toEqual(['A0001', 'A0002', 'A0003']);
    for (const { ics } of calendars) expectWellFormedLines(ics);
    const first = events(calendars[0].ics);
    expect(first.map(({ summary, start, end, zone }) => ({ summary, start, end, zone }))).toEqual([
      {
        summary: 'Full-time (Noël; 客服, hotline)',
        start: '2026-12-24T07:00:00.000Z',
        end: '2026-12-24T15:30:00.000Z',
        zone: 'Europe/Berlin',
      },
      { summary: 'Break (paid)', start: '2026-12-24T09:00:00.000Z', end: '2026-12-24T09:15:00.000Z', zone: 'Europe/Berlin' },
      { summary: 'Break', start: '2026-12-24T11:00:00.000Z', end: '2026-12-24T11:30:00.000Z', zone: 'Europe/Berlin' },
    ]);
    // The center's local times, with the zone's definition in the file.
    expect(calendars[0].ics).toContain('DTSTART;TZID=Europe/Berlin:20261224T080000\r\n');
    expect(calendars[0].ics).toMatch(
      /BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:\d{8}T\d{6}\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0100\r\n/,
    );
    expect(first[0].stamp).toBe('2026-12-20T09:30:00Z'); // the export's moment
    // 24:00 is midnight of the next day.
    expect(events(calendars[2].ics)[0]).toMatchObject({ start: '2026-12-24T15:00:00.000Z', end: '2026-12-24T23:00:00.000Z' });
    expect(new ICAL.Component(ICAL.parse(calendars[0].ics)).getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
  });

  it('follows the zone through a daylight-saving change, the change in its VTIMEZONE, and writes UTC as given', () => {
    // New York springs forward at 02:00 on 8 March 2026: 00:00 is EST (−5 h), 08:00 is EDT (−4 h).
    const [ny] = agentCalendars({ shifts: [shift('Night', '00:00', '08:00')] }, '2026-03-08', 'NY', AT, 'America/New_York');
    expect(events(ny.ics)[0]).toMatchObject({ start: '2026-03-08T05:00:00.000Z', end: '2026-03-08T12:00:00.000Z' });
    // Berlin: 02:30 happens twice on 25 October 2026; the later (CET) keeps the shift its 5.5 h.
    const [autumn] = agentCalendars({ shifts: [shift('Night', '02:30', '08:00')] }, '2026-10-25', 'B', AT, 'Europe/Berlin');
    expect(events(autumn.ics)[0]).toMatchObject({ start: '2026-10-25T01:30:00.000Z', end: '2026-10-25T07:00:00.000Z' });
    // A local time the change repeats is written in UTC, which no reader can take for its other occurrence.
    expect(autumn.ics).toContain('DTSTART:20261025T013000Z\r\n');
    // A shift over the change from unrepeated times lasts an hour more than its clock times: 22:00 CEST to 06:00 CET.
    const [over] = agentCalendars({ shifts: [shift('Night', '22:00', '30:00')] }, '2026-10-24', 'B', AT, 'Europe/Berlin');
    expect(events(over.ics)[0]).toMatchObject({ start: '2026-10-24T20:00:00.000Z', end: '2026-10-25T05:00:00.000Z' });
    // 02:30 does not exist on 29 March: the shift keeps its 5.5 h to 08:00 CEST, from 01:30 CET.
    const [spring] = agentCalendars({ shifts: [shift('Night', '02:30', '08:00')] }, '2026-03-29', 'B', AT, 'Europe/Berlin');
    expect(events(spring.ics)[0]).toMatchObject({ start: '2026-03-29T00:30:00.000Z', end: '2026-03-29T06:00:00.000Z' });
    // Clocks go from 02:00 CET to 03:00 CEST: the change, to the minute, with both offsets.
    expect(spring.ics).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT',
    );
    expect(autumn.ics).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD',
    );
    const [utc] = agentCalendars({ shifts: [shift('Day', '08:00', '16:00')] }, '2026-03-08', 'UTC center', AT, 'UTC');
    expect(utc.ics).toContain('DTSTART:20260308T080000Z\r\n');
    expect(events(utc.ics)[0]).toMatchObject({ start: '2026-03-08T08:00:00.000Z', end: '2026-03-08T16:00:00.000Z' });
  });

  it('takes the exporting machine’s time zone by default, and UTC where TZ names none the database knows', () => {
    const saved = process.env.TZ;
    try {
      for (const [tz, zone] of [
        ['Europe/Berlin', 'Europe/Berlin'],
        ['Asia/Shanghai', 'Asia/Shanghai'],
        ['Foo/Bar', 'UTC'],
        ['', 'UTC'],
      ]) {
        process.env.TZ = tz;
        expect(machineTimeZone()).toBe(zone);
      }
      process.env.TZ = 'Asia/Shanghai';
      expect(events(agentCalendars(schedule, '2026-12-24', 'c', AT)[0].ics)[0].start).toBe('2026-12-24T00:00:00.000Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('refuses a time zone the time zone database does not know, naming it', () => {
    expect(() => agentCalendars(schedule, '2026-12-24', 'x', AT, 'Mars/Olympus')).toThrow(
      'time zone: must be an IANA time zone such as Europe/Berlin or UTC, got "Mars/Olympus"',
    );
  });

  it('gives every event a UID of its own that stays the same on every export, and differs for another scenario', () => {
    const uids = (center: string) =>
      agentCalendars(schedule, '2026-12-24', center, AT, 'Europe/Berlin').flatMap((c) => events(c.ics).map((e) => e.uid));
    const once = uids('Christmas Eve');
    expect(new Set(once).size).toBe(once.length);
    expect(uids('Christmas Eve')).toEqual(once);
    expect(
      agentCalendars(schedule, '2026-12-24', 'Christmas Eve', AT, 'Asia/Shanghai').flatMap((c) =>
        events(c.ics).map((e) => e.uid),
      ),
    ).toEqual(once);
    const other = uids('Christmas Eve (copy)');
    expect(other.filter((u) => once.includes(u))).toEqual([]);
    const otherDay = agentCalendars(schedule, '2026-12-31', 'Christmas Eve', AT, 'Europe/Berlin').flatMap((c) =>
      events(c.ics).map((e) => e.uid),
    );
    expect(otherDay.filter((u) => once.includes(u))).toEqual([]);
  });

  it('makes a later export of a moved shift newer under the same UID: a later DTSTAMP, a higher SEQUENCE', () => {
    const exported = (at: number, start: string) => {
      const [c] = agentCalendars({ shifts: [shift('Day', start, '16:00')] }, '2026-12-24', 'c', at, 'UTC');
      const v = new ICAL.Component(ICAL.parse(c.ics)).getAllSubcomponents('vevent')[0];
      return {
        uid: v.getFirstPropertyValue('uid'),
        sequence: v.getFirstPropertyValue('sequence'),
        start: events(c.ics)[0].start,
      };
    };
    const before = exported(AT, '08:00');
    const after = exported(AT + 90_000, '09:00');
    expect(after.uid).toBe(before.uid);
    expect(after.start).toBe('2026-12-24T09:00:00.000Z');
    expect(before.sequence).toBe((AT - Date.UTC(2026, 0, 1)) / 1000);
    expect(after.sequence).toBe(Number(before.sequence) + 90);
    // A machine whose clock says before 2026 writes SEQUENCE 0, never a negative one RFC 5545 does not allow.
    expect(exported(Date.UTC(2025, 5, 1), '08:00').sequence).toBe(0);
  });

  it('escapes TEXT so that no text ends a line or starts a property of its own', () => {
    expect(icsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    const [hostile] = agentCalendars(
      { shifts: [shift('x\rEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:injected', '08:00', '16:00')] },
      '2026-12-24',
      'c',
      AT,
      'UTC',
    );
    expectWellFormedLines(hostile.ics);
    expect(hostile.ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(events(hostile.ics)[0].summary).toBe('x\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected (c)');
  });

  it('folds at 75 octets of UTF-8 without splitting a character', () => {
    const line = `SUMMARY:${'中'.repeat(30)}😀${'é'.repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((p, i) => (i === 0 ? p : p.slice(1)))
        .join(''),
    ).toBe(line);
    expect(folded.split('\r\n')[0]).toBe(`SUMMARY:${'中'.repeat(22)}`); // 8 + 22 × 3 = 74 octets; one more would make 77
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('round-trips any summary and calendar name through an independent parser', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (template, center) => {
        const [calendar] = agentCalendars(
          { shifts: [shift(template, '08:00', '16:00')] },
          '2026-12-24',
          center,
          AT,
          'Asia/Shanghai',
        );
        expectWellFormedLines(calendar.ics);
        const read = events(calendar.ics);
        // A line end of any kind comes back as a line feed.
        const text = (s: string) => portableText(s).replace(/\r\n|\r/g, '\n');
        expect(read.map((e) => e.summary)).toEqual([text(`${template} (${center})`), 'Break (paid)', 'Break']);
        expect(read[0]).toMatchObject({
          start: '2026-12-24T00:00:00.000Z',
          end: '2026-12-24T08:00:00.000Z',
          zone: 'Asia/Shanghai',
        });
        const name = new ICAL.Component(ICAL.parse(calendar.ics)).getFirstPropertyValue('x-wr-calname');
        expect(name).toBe(text(`${center} — A0001`));
      }),
      { seed: 12, numRuns: 200 },
    );
  });
});
