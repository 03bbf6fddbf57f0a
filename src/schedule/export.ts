import type { Table } from '../report/csv';
import type { Schedule } from './solve';

/** One row per agent: id, template, start, end, breaks, paid hours — the roster a team lead hands out. */
export function agentRoster(schedule: Schedule, date: string): Table {
  const rows: Table['rows'] = [];
  let id = 0;
  for (const shift of schedule.shifts) {
    const breaks = shift.breaks.map((b) => `${b.start}–${b.end}${b.paid ? ' (paid)' : ''}`).join('; ');
    for (let k = 0; k < shift.agents; k++) {
      id++;
      rows.push([agentId(id), date, shift.template, shift.start, shift.end, breaks, shift.paidHours]);
    }
  }
  return { header: ['agent', 'date', 'template', 'start', 'end', 'breaks', 'paid hours'], rows };
}

/** Interval coverage against the requirement. */
export function coverageTable(schedule: Schedule): Table {
  return {
    header: ['interval', 'required on the phones', 'scheduled on the phones', 'short'],
    rows: schedule.coverage.map((c) => [c.start, c.required, c.scheduled, c.short]),
  };
}

export const agentId = (n: number) => `A${String(n).padStart(4, '0')}`;

const icsTime = (date: string, clock: string) => {
  // "24:00" is midnight of the next day.
  const [h, m] = clock.split(':').map(Number);
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMinutes(h * 60 + m);
  return `${d.toISOString().slice(0, 10).replaceAll('-', '')}T${d.toISOString().slice(11, 16).replace(':', '')}00`;
};

const icsText = (text: string) => text.replace(/([\\;,])/g, '\\$1').replace(/\n/g, '\\n');

/**
 * One iCalendar file per agent: the shift and its breaks as events in the
 * center's local time (floating times, as a roster is read on site).
 */
export function agentCalendars(schedule: Schedule, date: string, center: string): { agent: string; ics: string }[] {
  const calendars: { agent: string; ics: string }[] = [];
  let id = 0;
  for (const shift of schedule.shifts) {
    for (let k = 0; k < shift.agents; k++) {
      const agent = agentId(++id);
      const event = (uid: string, summary: string, start: string, end: string) => [
        'BEGIN:VEVENT',
        `UID:${uid}-${agent}-${date}@wfm`,
        `DTSTAMP:${icsTime(date, '00:00')}Z`,
        `DTSTART:${icsTime(date, start)}`,
        `DTEND:${icsTime(date, end)}`,
        `SUMMARY:${icsText(summary)}`,
        'END:VEVENT',
      ];
      const lines = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//wfm peak-day planner//EN',
        `X-WR-CALNAME:${icsText(`${center} — ${agent}`)}`,
        ...event('shift', `${shift.template} (${center})`, shift.start, shift.end),
        ...shift.breaks.flatMap((b, n) => event(`break${n}`, b.paid ? 'Break (paid)' : 'Break', b.start, b.end)),
        'END:VCALENDAR',
      ];
      calendars.push({ agent, ics: `${lines.join('\r\n')}\r\n` });
    }
  }
  return calendars;
}
