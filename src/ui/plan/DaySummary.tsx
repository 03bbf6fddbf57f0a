import { formatSeconds, formatShare } from '../../format/number';
import { costLine, formatMoney } from '../../report/cost';
import type { DayFigures } from './dayFigures';

const count = (x: number | null) => (x === null ? '—' : (Math.round(x) + 0).toLocaleString('en-US'));

interface CardProps {
  label: string;
  value: string;
  note: string;
  id?: string;
  /** the figure is bad news (agent-hours short) */
  bad?: boolean;
}

function Card({ label, value, note, id, bad = false }: CardProps) {
  return (
    <div class={bad ? 'card bad' : 'card'} id={id}>
      <h3>{label}</h3>
      <div class="big">{value}</div>
      <p>{note}</p>
    </div>
  );
}

/** The day's totals by the analytic plan, as cards with their units and definitions. */
export function DaySummary({ name, day }: { name: string; day: DayFigures | null }) {
  if (!day) return <section class="panel summary" aria-label="Day totals" aria-live="polite" />;
  const { plan, scenario, net, cost } = day;
  const t = plan.totals;
  return (
    <section class="panel summary" aria-label="Day totals" aria-live="polite">
      {/* elementtiming: the bench reads when the heading is first painted, the end of a first load */}
      <h2 elementtiming="summary">{`${name}: the day by the analytic plan`}</h2>
      <p class="lede">
        What you are looking at: the day interval by interval as Erlang planning sees it — demand, busy signals, self-service,
        callbacks, and the agents each interval needs against the agents you have. Change any input and the plan follows. Then
        simulate the day to see how it really goes, queues carried over and callers redialling included.
      </p>
      <div class="cards totals">
        <Card
          label="Answer rate"
          value={formatShare(t.answerRate, 1)}
          note={`answered ÷ (answered + abandoned); ${count(t.abandoned)} calls abandoned`}
        />
        <Card label="Service level" value={formatShare(t.serviceLevel, 1)} note={plan.slFormula} />
        <Card
          label="Handled rate"
          value={formatShare(t.handledRate, 1)}
          note={`(answered + callbacks completed) ÷ (offered + blocked); ${count(t.blocked)} busy signals`}
        />
        <Card
          id="card-short"
          bad={net.agentHoursShort > 0}
          label="Agent-hours short"
          value={`${count(net.agentHoursShort)} h`}
          note={`agents on the phones below the Erlang A requirement × interval hours, in ${net.shortIntervals} of ${net.intervals} intervals; ${count(net.agentHoursOver)} agent-hours over in the others (hours over in quiet intervals do not cover a short peak)`}
        />
        <Card
          id="card-paid"
          label="Paid hours"
          value={`${count(t.paidHours)} h`}
          note={`as staffed: agents ÷ (1 − ${formatShare(scenario.shrinkage, 0)} shrinkage) × interval hours; staffing every interval exactly to the Erlang A requirement would pay ${count(t.requiredPaidHours)} h`}
        />
        {cost && (
          <Card id="card-cost" label="Cost of the day" value={formatMoney(cost.total, cost.currency)} note={costLine(cost)} />
        )}
      </div>
      <p class="note">
        {`${count(t.calls)} first attempts + ${count(t.redials)} redials; ${count(t.contained)} self-served in the IVR; ${count(t.callbacksRequested)} callbacks requested, ${count(t.callbacksCompleted)} completed; ASA ${formatSeconds(t.asa, 1)}; occupancy ${formatShare(t.occupancy, 1)}.${cost ? '' : ' Add a cost section (hourly rate) to the scenario to see what the staffing costs.'}`}
      </p>
      {plan.notes.map((n) => (
        <p class="note" key={n}>
          {n}
        </p>
      ))}
    </section>
  );
}
