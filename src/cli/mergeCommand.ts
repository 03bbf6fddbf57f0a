import { decodePartial, mergePartials, PartialResultError } from '../sim/partial';
import { commandSpec } from './commands';
import { checkOutputPath, readFileBytes } from './files';
import { parseFlags, positionals, UsageError } from './flags';
import { writeSimulation } from './simulateCommand';

const spec = commandSpec('merge');

/** `wfm merge PART…`: the parts of a sharded run, checked to tile it, folded into exactly the local run's output. */
export async function mergeCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, spec);
  const paths = positionals(flags, spec, Number.POSITIVE_INFINITY);
  if (paths.length === 0) throw new UsageError('PART.wfmpart: give the parts to merge (wfm simulate --shard k/n --out …)');
  const out = flags.values.get('out');
  if (out) checkOutputPath('out', out, ['.csv', '.xlsx']);
  try {
    const parts = paths.map((name) => {
      try {
        return { name, part: decodePartial(readFileBytes(name, 'a partial result (.wfmpart)')) };
      } catch (error) {
        if (error instanceof PartialResultError) throw new PartialResultError(`${name}: ${error.message}`);
        throw error;
      }
    });
    const { scenario, result } = mergePartials(parts);
    writeSimulation(result, scenario, out, flags.switches.has('json'));
  } catch (error) {
    if (error instanceof PartialResultError) throw new UsageError(error.message);
    throw error;
  }
}
