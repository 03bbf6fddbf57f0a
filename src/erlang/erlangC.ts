import { erlangB } from './erlangB';

/** An M/M/N queue (Erlang C: infinite patience) at the given staffing. */
export interface ErlangCInput {
  /** agents on the phones; non-integer values give continuous Erlang C */
  agents: number;
  /** offered load A = λ · AHT, Erlangs */
  load: number;
  ahtSeconds: number;
  /** service-level threshold T, seconds */
  targetSeconds: number;
}

export type ErlangCResult =
  | {
      stable: true;
      load: number;
      erlangB: number;
      /** P(wait > 0) */
      erlangC: number;
      /** P(W ≤ T); with no abandonment every SL definition gives this value */
      serviceLevel: number;
      /** mean wait of answered calls (= of all calls here), seconds */
      asa: number;
      occupancy: number;
    }
  | { stable: false; load: number; erlangB: number; reason: string };

export const UNSTABLE_REASON = 'unstable (load ≥ agents): the queue grows without bound';

/**
 * Whether M/M/N has a steady state that doubles can hold: agents > load, and
 * not by so little (a subnormal N − A) that the mean wait AHT·C/(N − A) overflows.
 */
export const isStable = (agents: number, load: number, ahtSeconds: number): boolean =>
  agents > load && Number.isFinite(ahtSeconds / (agents - load));

/** Erlang C metrics; without a steady state (agents ≤ load) the queue says so. */
export function erlangC({ agents, load, ahtSeconds, targetSeconds }: ErlangCInput): ErlangCResult {
  const b = erlangB(agents, load);
  if (!isStable(agents, load, ahtSeconds)) return { stable: false, load, erlangB: b, reason: UNSTABLE_REASON };
  return erlangCFromB(agents, load, b, ahtSeconds, targetSeconds);
}

/** Erlang C metrics from an already computed B(N, A), N > A; the staffing search reuses its recurrence. */
export function erlangCFromB(
  agents: number,
  load: number,
  b: number,
  ahtSeconds: number,
  targetSeconds: number,
): ErlangCResult & { stable: true } {
  const c = (agents * b) / (agents - load * (1 - b));
  const excess = agents - load;
  return {
    stable: true,
    load,
    erlangB: b,
    erlangC: c,
    serviceLevel: 1 - c * Math.exp((-excess * targetSeconds) / ahtSeconds),
    asa: (c * ahtSeconds) / excess,
    occupancy: agents === 0 ? 0 : load / agents,
  };
}
