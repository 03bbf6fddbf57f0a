import { createHash } from 'node:crypto';
import packageJson from '../../package.json' with { type: 'json' };
import type { Scenario } from '../scenario';
import { type EngineFingerprint, scenarioKeyText } from '../sim/partial';
import { workerBundle } from './nodeWorkers';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** This machine's simulation engine: wfm's version, its worker bundle, V8 and the CPU architecture. */
export function engineFingerprint(): EngineFingerprint {
  return { version: packageJson.version, bundle: sha256(workerBundle()), v8: process.versions.v8, arch: process.arch };
}

/** The scenario's key: SHA-256 of its canonical parsed form, the simulation block aside. */
export const scenarioKey = (s: Scenario) => sha256(scenarioKeyText(s));
