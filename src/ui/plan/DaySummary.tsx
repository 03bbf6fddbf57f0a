import { formatSeconds, formatShare } from '../../format/number';
import type { DayPlan } from '../../plan';

const count = (x: number | null) => (x === null ? '—' : (Math.round(x) + 0).toLocaleString('en-US'));

function Card({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div class="card">
      <h3>{label}</h3>
      <div class="big">{value}</div>
      <p>{note}</p>
    </div>
  );
}

/** The day's totals by the analytic plan, as cards with their definitions. */
export function DaySummary({ name, plan }: { name: string; plan: DayPlan | null }) {
  if (!plan) return <section class="panel summary" aria-label="Day totals" aria-live="polite" />;
  const t = plan.totals;
  return (
    <section class="panel summary" aria-label="Day totals" aria-live="polite">
      <h2>{`${name}: the day by the analytic plan`}</h2>
      <p class="lede">
        What you are looking at: the day interval by interval as Erlang planning sees it — demand, busy signals, self-service,
        callbacks, and the agents each interval needs against the agents you have. Change any input and the plan follows. Then
        simulate the day to see how it really goes, queues carried over and callers redialling included.
      </p>
      <div class="cards four">
        <Card
          label="Answer rate"
          value={formatShare(t.answerRate, 1)}
          note={`answered ÷ (answered + abandoned); ${count(t.abandoned)} abandoned`}
        />
        <Card label="Service level" value={formatShare(t.serviceLevel, 1)} note={plan.slFormula} />
        <Card
          label="Handled rate"
          value={formatShare(t.handledRate, 1)}
          note={`(answered + callbacks completed) ÷ (offered + blocked); ${count(t.blocked)} busy signals`}
        />
        <Card
          label="Paid hours"
          value={count(t.paidHours)}
          note={`as staffed; ${count(t.requiredPaidHours)} h for the Erlang A requirement`}
        />
      </div>
      <p class="note">
        {`${count(t.calls)} first attempts + ${count(t.redials)} redials; ${count(t.contained)} self-served in the IVR; ${count(t.callbacksRequested)} callbacks requested, ${count(t.callbacksCompleted)} completed; ASA ${formatSeconds(t.asa, 1)}; occupancy ${formatShare(t.occupancy, 1)}.`}
      </p>
      {plan.notes.map((n) => (
        <p class="note" key={n}>
          {n}
        </p>
      ))}
    </section>
  );
}
