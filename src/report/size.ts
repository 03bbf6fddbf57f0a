import type { SimulationSize } from '../sim/size';

const whole = (x: number) => Math.ceil(x).toLocaleString('en-US');

/** A run's estimated work as it is said wherever a run is refused or asks first: "up to about N calls (M a replication × R replications)". */
export const sizeText = (size: SimulationSize) =>
  `up to about ${whole(size.calls)} calls (${whole(size.callsPerReplication)} a replication × ${size.replications} replications)`;

/** The size limit as it is said beside it. */
export const callsText = whole;
