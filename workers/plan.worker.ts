// Web worker entry: validating and planning a scenario off the main thread, so typing never waits for a plan.
import { expose } from 'comlink';
import { planRaw } from '../src/plan/planned';

expose({ planRaw });
