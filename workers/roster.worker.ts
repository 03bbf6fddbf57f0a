// Web worker entry: week rosters (HiGHS WebAssembly) behind Comlink.
import { expose } from 'comlink';
import loadHighs from 'highs';
import wasmUrl from 'highs/runtime?url';
import { rosterWorkerApi } from '../src/schedule/rosterWorkerApi';

expose(rosterWorkerApi(() => loadHighs({ locateFile: () => wasmUrl })));
