import normalized from '../../schemas/scenario.normalized.schema.json';
import { crossFieldErrors } from './crossField';
import { type JsonShape, shapeErrors } from './jsonShape';
import type { Scenario } from './schema';
import { checkShape } from './shape';
import type { ScenarioParse } from './validate';

/** Errors listed, at most, before a check gives up: the sender has a bug, and the first few name it. */
const MAX_ERRORS = 5;

/**
 * Checks a scenario that should already have been validated (with every
 * default filled in, as `parseScenario` returns it) against the schema's
 * generated normalized form and the cross-field rules: what a worker does
 * with what it is sent, since a worker is an API boundary, without loading
 * the schema library (which would make its bundle several times larger).
 * Anything `parseScenario` would change or refuse is refused (a property
 * test holds it to that), with the same cross-field rules.
 */
export function checkScenario(raw: unknown): ScenarioParse {
  const shape = checkShape(raw);
  if (shape !== null) return { ok: false, errors: [shape] };
  const errors = shapeErrors(normalized as JsonShape, raw);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  const scenario = raw as Scenario;
  const cross = crossFieldErrors(scenario);
  return cross.length > 0 ? { ok: false, errors: cross.slice(0, MAX_ERRORS) } : { ok: true, scenario };
}
