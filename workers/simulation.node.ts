// Node worker-thread entry (the CLI): the same API behind Comlink's Node adapter.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { comlinkSimulationApi } from './simulationApi';

if (!parentPort) throw new Error('simulation.node.ts runs as a worker thread');
expose(comlinkSimulationApi(), nodeEndpoint(parentPort));
