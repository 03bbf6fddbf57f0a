import type { ErlangAnswer, QueueMetrics } from '../erlang';
import { formatSeconds, formatShare } from '../format/number';

/**
 * `wfm erlang --json` in the report's vocabulary: the same name for the same figure in every
 * model and mode (evaluate or staff), units in the names of times.
 */
const RENAMED: Record<string, string> = { asa: 'asaSeconds', meanWaitAll: 'meanWaitAllSeconds' };

export function erlangJson(answer: ErlangAnswer): ErlangAnswer {
  const out: ErlangAnswer = {};
  for (const [key, value] of Object.entries(answer)) out[RENAMED[key] ?? key] = typeof value === 'number' ? value + 0 : value;
  // Erlang C's probability of waiting is P(wait) in every model; the evaluation calls it erlangC as well.
  if (out.model === 'C' && out.pWait === undefined && typeof out.erlangC === 'number') out.pWait = out.erlangC;
  if (out.model === 'C' && out.erlangC === undefined && typeof out.pWait === 'number') out.erlangC = out.pWait;
  return out;
}

const share = 'share 0–1';
/** Every field `wfm erlang --json` may give, with its meaning. */
export const ERLANG_OUTPUT_FIELDS: Record<
  string,
  { type: 'number' | 'string' | 'boolean' | 'null-number'; description: string }
> = {
  model: { type: 'string', description: 'B, C, A or X' },
  agents: { type: 'number', description: 'agents on the phones (evaluated, or required when staffing)' },
  requiredAgents: { type: 'number', description: 'fewest agents meeting every target given (staffing)' },
  scheduledAgents: { type: 'number', description: 'required ÷ (1 − shrinkage), rounded up (staffing)' },
  shrinkage: { type: 'number', description: `share of paid time off the phones (${share})` },
  schedulingRule: { type: 'string', description: 'the rounding rule of scheduledAgents' },
  lines: { type: 'null-number', description: 'Erlang X: lines (null = unlimited)' },
  load: { type: 'number', description: 'offered load, Erlangs: calls ÷ interval × AHT' },
  stable: { type: 'boolean', description: 'Erlang C: load < agents (else no waiting figures)' },
  reason: { type: 'string', description: 'Erlang C: why there are no waiting figures (unstable: load ≥ agents)' },
  erlangB: { type: 'number', description: `Erlang B blocking probability with agents as lines (${share})` },
  erlangC: { type: 'number', description: `Erlang C probability of waiting (${share}); equal to pWait` },
  pWait: { type: 'number', description: `probability a call waits (${share})` },
  pBlock: { type: 'number', description: `Erlang X: probability a call finds every line busy (${share})` },
  pAbandon: { type: 'number', description: `probability a call abandons (${share})` },
  pAbandonWithin: { type: 'number', description: `probability a call abandons within T (${share})` },
  pServedWithin: { type: 'number', description: `probability a call is answered within T, over all offered (${share})` },
  meanQueue: { type: 'number', description: 'mean number of calls waiting' },
  meanWaitAllSeconds: { type: 'number', description: 'mean wait over all offered calls, s' },
  asaSeconds: { type: 'number', description: 'average speed of answer: mean wait of answered calls, s' },
  occupancy: { type: 'number', description: `busy ÷ available agent time (${share})` },
  serviceLevel: { type: 'number', description: `service level under slDefinition (${share})` },
  slDefinition: { type: 'string', description: 'the service-level formula in words' },
  arrivalRate: { type: 'number', description: 'Erlang X: calls per second with redials (fixed point)' },
  redialRate: { type: 'number', description: 'Erlang X: redials per second' },
  callsWithRedials: { type: 'number', description: 'Erlang X: calls in the interval, redials included' },
  error: { type: 'string', description: '--batch: why this line has no answer' },
};

/** A queue figure as the calculator shows it beside both models: a label with its definition, and its text. */
export interface QueueFigure {
  key: string;
  label: string;
  text: (m: QueueMetrics, model: 'A' | 'C') => string;
}

/** The calculator's figures at a number of agents, by Erlang A and Erlang C, each with its definition. */
export function queueFigures(slFormula: string): QueueFigure[] {
  return [
    { key: 'serviceLevel', label: `Service level — ${slFormula}`, text: (m) => formatShare(m.serviceLevel, 1) },
    { key: 'pWait', label: 'P(wait) — share of calls that queue', text: (m) => formatShare(m.pWait, 1) },
    { key: 'asaSeconds', label: 'ASA — mean wait of answered calls', text: (m) => formatSeconds(m.asa, 1) },
    {
      key: 'pAbandon',
      label: 'Abandonment — abandoned ÷ offered',
      text: (m, model) => (model === 'C' ? 'none (assumed)' : formatShare(m.pAbandon, 1)),
    },
    { key: 'occupancy', label: 'Occupancy — busy ÷ available agent time', text: (m) => formatShare(m.occupancy, 1) },
  ];
}
