// Web worker entry: the simulation API behind Comlink.
import { expose } from 'comlink';
import { simulationWorkerApi } from '../src/sim/workerApi';

expose(simulationWorkerApi());
