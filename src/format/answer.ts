import { fixed, formatAgents, formatErlangs, formatSeconds, formatShare } from './number';

type Kind = 'share' | 'seconds' | 'erlangs' | 'agents' | 'callers' | 'calls' | 'perSecond' | 'text';

/** Labels and units of the fields an Erlang answer can carry (see solveErlangCase). */
const FIELDS: Record<string, [label: string, kind: Kind]> = {
  model: ['model', 'text'],
  agents: ['agents', 'agents'],
  lines: ['lines', 'text'],
  load: ['offered load', 'erlangs'],
  requiredAgents: ['required agents', 'agents'],
  scheduledAgents: ['scheduled agents', 'agents'],
  shrinkage: ['shrinkage', 'share'],
  schedulingRule: ['rounding rule', 'text'],
  stable: ['stable', 'text'],
  reason: ['note', 'text'],
  erlangB: ['P(all busy), Erlang B', 'share'],
  erlangC: ['P(wait), Erlang C', 'share'],
  pBlock: ['P(blocked: busy signal)', 'share'],
  pWait: ['P(wait)', 'share'],
  serviceLevel: ['service level', 'share'],
  slDefinition: ['SL definition', 'text'],
  asa: ['ASA (mean wait, answered)', 'seconds'],
  meanWaitAll: ['mean wait, all offered', 'seconds'],
  pAbandon: ['abandonment', 'share'],
  meanQueue: ['mean queue', 'callers'],
  pServedWithin: ['answered within T, of all', 'share'],
  pAbandonWithin: ['abandoned within T, of all', 'share'],
  occupancy: ['occupancy', 'share'],
  arrivalRate: ['arrival rate with redials', 'perSecond'],
  redialRate: ['redial rate', 'perSecond'],
  callsWithRedials: ['calls incl. redials', 'calls'],
};

function formatValue(kind: Kind, value: number | boolean | string | null): string {
  if (typeof value !== 'number') return value === null ? '—' : String(value);
  switch (kind) {
    case 'share':
      return formatShare(value);
    case 'seconds':
      return formatSeconds(value);
    case 'erlangs':
      return formatErlangs(value);
    case 'agents':
      return formatAgents(value);
    case 'callers':
      return `${fixed(value, 3)} callers`;
    case 'calls':
      return `${fixed(value, 1)} calls`;
    case 'perSecond':
      return `${fixed(value, 4)} calls/s`;
    case 'text':
      return String(value);
  }
}

/** A two-column table of an Erlang answer, labels on the left, values with units on the right. */
export function answerTable(answer: Record<string, number | boolean | string | null>): string {
  const rows = Object.entries(answer).map(([key, value]) => {
    const [label, kind] = FIELDS[key] ?? [key, 'text'];
    return [label, formatValue(kind, value)];
  });
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
