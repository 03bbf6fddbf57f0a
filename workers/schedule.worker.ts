// Web worker entry: shift scheduling (HiGHS WebAssembly) behind Comlink.
import { expose } from 'comlink';
import loadHighs from 'highs';
import wasmUrl from 'highs/runtime?url';
import { scheduleWorkerApi } from '../src/schedule/workerApi';

expose(scheduleWorkerApi(() => loadHighs({ locateFile: () => wasmUrl })));
