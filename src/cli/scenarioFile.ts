import { formatScenarioError, parseScenarioText, type Scenario } from '../scenario';
import { readTextFile } from './files';
import { UsageError } from './flags';

/** Reads and validates a scenario file; every problem is listed, one per line, in the UsageError. */
export function readScenario(path: string | undefined): Scenario {
  if (path === undefined) throw new UsageError('SCENARIO: give the path of a scenario JSON file');
  const parsed = parseScenarioText(readTextFile(path, 'a scenario JSON file'));
  if (!parsed.ok) {
    const count = parsed.errors.length;
    throw new UsageError(
      `${path}: ${count} error${count > 1 ? 's' : ''}\n${parsed.errors.map((e) => `  ${formatScenarioError(e)}`).join('\n')}`,
    );
  }
  return parsed.scenario;
}
