// Web worker entry: the simulation API behind Comlink.
import { expose } from 'comlink';
import { comlinkSimulationApi } from './simulationApi';

expose(comlinkSimulationApi());
