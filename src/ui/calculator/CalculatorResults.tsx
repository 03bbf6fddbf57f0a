import { type CalculatorInput, type CalculatorResult, type QueueMetrics, type Requirement, SCHEDULING_RULE } from '../../erlang';
import { formatAgents, formatErlangs, formatShare } from '../../format/number';
import { type QueueFigure, queueFigures } from '../../report/erlang';

function RequirementCard({ title, r, shrinkage }: { title: string; r: Requirement; shrinkage: number }) {
  return (
    <div class="card">
      <h3>{title}</h3>
      {'error' in r.staffing ? (
        <p class="error">{r.staffing.error}</p>
      ) : (
        <>
          <div class="big">{formatAgents(r.staffing.agents)}</div>
          <p>{`required on the phones; schedule ${formatAgents(r.scheduled)} at ${formatShare(shrinkage, 0)} shrinkage`}</p>
        </>
      )}
    </div>
  );
}

/** Both models' requirements and their queue figures at the agents given (or the Erlang A requirement). */
export function CalculatorResults({ input, r, stale }: { input: CalculatorInput; r: CalculatorResult; stale: boolean }) {
  const cell = (m: QueueMetrics, model: 'A' | 'C', f: QueueFigure) => (m.stable ? f.text(m, model) : 'unstable');
  const notes = r.at.C.stable
    ? [SCHEDULING_RULE]
    : [
        'Erlang C: unstable (load ≥ agents) — without abandonment the queue grows without bound; Erlang A shows what callers will see.',
        SCHEDULING_RULE,
      ];
  return (
    <section class={`panel results${stale ? ' stale' : ''}`} aria-label="Results" aria-live="polite">
      <h2>{`Offered load ${formatErlangs(r.load)} (${input.calls} calls × ${input.ahtSeconds} s AHT ÷ ${input.intervalSeconds} s)`}</h2>
      <div class="cards">
        <RequirementCard title="Erlang A (with abandonment)" r={r.required.A} shrinkage={input.shrinkage} />
        <RequirementCard title="Erlang C (no abandonment)" r={r.required.C} shrinkage={input.shrinkage} />
      </div>
      <table class="metrics">
        <caption>{`With ${formatAgents(r.agents)}${input.agents === undefined ? ' (the Erlang A requirement)' : ''}`}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Erlang A</th>
            <th scope="col">Erlang C</th>
          </tr>
        </thead>
        <tbody>
          {queueFigures(r.slFormula).map((f) => (
            <tr key={f.key}>
              <th scope="row">{f.label}</th>
              <td>{cell(r.at.A, 'A', f)}</td>
              <td>{cell(r.at.C, 'C', f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.map((n) => (
        <p class="note" key={n}>
          {n}
        </p>
      ))}
    </section>
  );
}
