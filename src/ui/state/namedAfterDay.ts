import type { Json } from '../../scenario';

/** A forecast's scenario is a new one, named after its day, so the scenario it started from is never overwritten. */
export function namedAfterDay(raw: Json, date: string): Json {
  return { ...raw, name: `Forecast for ${date} (from ${String(raw.name)})`.slice(0, 200) };
}
