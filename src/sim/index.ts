export { COUNTERS, type Counter, type Counts } from './counters';
export { simulateReplication } from './engine';
export { type Estimate, METRICS, type Metric, resultAggregator, SIMULATION_NOTES, type SimulationResult, t975 } from './results';
export { replicationRng } from './rng';
export { simulateDay } from './simulate';
export { SIMULATED_CALLS_LIMIT, type SimulationSize, simulationSize } from './size';
