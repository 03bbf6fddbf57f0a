import { formatFieldError, loadProblem } from './erlangCase';
import { type SlDefinition, slFormula } from './serviceLevel';
import {
  type QueueMetrics,
  queueMetrics,
  requiredAgents,
  type StaffingCase,
  type StaffingResult,
  type StaffingTargets,
  scheduledAgents,
} from './staffing';

/** What the Erlang calculator page asks: one interval, both models side by side. */
export interface CalculatorInput {
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
  patienceSeconds: number;
  targetSeconds: number;
  slDefinition: SlDefinition;
  targets: StaffingTargets;
  shrinkage: number;
  /** agents to evaluate; when absent the page evaluates the Erlang A requirement */
  agents?: number;
}

export interface Requirement {
  /** fewest agents meeting every target, or why there is none */
  staffing: StaffingResult | { error: string };
  /** after shrinkage, rounded up once */
  scheduled: number | null;
}

export interface CalculatorResult {
  load: number;
  slFormula: string;
  required: { C: Requirement; A: Requirement };
  /** the agents the metrics below are for */
  agents: number;
  at: { C: QueueMetrics; A: QueueMetrics };
  /** both models at agents − 5 … agents + 5 (never below 1) */
  curve: { agents: number; C: QueueMetrics; A: QueueMetrics }[];
}

/** Both models for one interval; refuses (RangeError naming the field) a load past the engine's range, as `wfm erlang` does. */
export function calculate(input: CalculatorInput): CalculatorResult {
  const tooMuch = loadProblem(input.calls, input.intervalSeconds, input.ahtSeconds);
  if (tooMuch) throw new RangeError(formatFieldError(tooMuch));
  const base = {
    calls: input.calls,
    intervalSeconds: input.intervalSeconds,
    ahtSeconds: input.ahtSeconds,
    patienceSeconds: input.patienceSeconds,
    targetSeconds: input.targetSeconds,
    slDefinition: input.slDefinition,
  };
  const cases: Record<'C' | 'A', StaffingCase> = { C: { ...base, model: 'C' }, A: { ...base, model: 'A' } };
  const requirement = (c: StaffingCase): Requirement => {
    try {
      const staffing = requiredAgents(c, input.targets);
      return { staffing, scheduled: scheduledAgents(staffing.agents, input.shrinkage) };
    } catch (error) {
      return { staffing: { error: (error as Error).message }, scheduled: null };
    }
  };
  const load = (input.calls / input.intervalSeconds) * input.ahtSeconds;
  const required = { C: requirement(cases.C), A: requirement(cases.A) };
  const agents = input.agents ?? ('agents' in required.A.staffing ? required.A.staffing.agents : Math.floor(load) + 1);
  const first = Math.max(1, agents - 5);
  const curve = Array.from({ length: agents + 5 - first + 1 }, (_, i) => {
    const n = first + i;
    return { agents: n, C: queueMetrics(cases.C, n), A: queueMetrics(cases.A, n) };
  });
  return {
    load,
    slFormula: slFormula(input.slDefinition, input.targetSeconds),
    required,
    agents,
    at: { C: queueMetrics(cases.C, agents), A: queueMetrics(cases.A, agents) },
    curve,
  };
}
