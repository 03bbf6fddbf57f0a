import type { Json } from '../scenario';

/** The scenarios shipped in scenarios/, by file name: examples to start from. */
const BUNDLED = import.meta.glob<unknown>('../../scenarios/*-*.json', { eager: true, import: 'default' });
export const EXAMPLES = new Map(Object.entries(BUNDLED).map(([path, raw]) => [path.split('/').pop() ?? path, raw as Json]));
export const DEFAULT_EXAMPLE = 'christmas-eve.json';

/** A fresh copy of the example the app opens on when nothing is saved. */
export const defaultExample = (): Json => structuredClone(EXAMPLES.get(DEFAULT_EXAMPLE) as Json);
