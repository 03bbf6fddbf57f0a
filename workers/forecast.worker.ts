// Web worker entry: reading a history, backtesting and forecasting behind Comlink.
import { expose } from 'comlink';
import { forecastWorkerApi } from '../src/forecast/workerApi';

expose(forecastWorkerApi());
