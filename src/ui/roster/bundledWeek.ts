import agentsText from '../../../scenarios/weeks/christmas-week.agents.csv?raw';
import week from '../../../scenarios/weeks/christmas-week.json';
import { parseCsv } from '../../scenario';
import { AGENT_COLUMNS, type WeekDraft } from '../../scenario/weekEdit';

/** A fresh copy of the bundled Christmas week 2026 (300 people, 24/7), the Roster page's starting point. */
export function bundledWeek(): WeekDraft {
  const rows = parseCsv(agentsText.replace(/^\uFEFF/, '')).slice(1);
  return { week: structuredClone(week), agents: rows.map((r) => AGENT_COLUMNS.map((_, i) => r[i] ?? '')) };
}
