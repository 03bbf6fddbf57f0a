import packageJson from '../../package.json' with { type: 'json' };
import { COMMANDS } from './commands';
import { RunFailed, UsageError } from './flags';
import { commandHelp, usage } from './help';

/**
 * The `wfm` command. Every failure is one line on stderr: exit 2 for input the user can fix
 * (naming the input and what is allowed), 1 for anything else. A stack trace only with WFM_DEBUG=1.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  if (name === '--version' || name === 'version') {
    process.stdout.write(`wfm ${packageJson.version}\n`);
    return 0;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !topic) return fail('help', new UsageError(`${rest[0]}: unknown command (${names()})`));
    process.stdout.write(`${topic ? commandHelp(topic) : usage()}\n`);
    return 0;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) return fail(undefined, new UsageError(`${name}: unknown command (${names()}; wfm help)`));
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${commandHelp(spec)}\n`);
    return 0;
  }
  try {
    await (await spec.load())(rest);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return fail(name, error);
  }
}

const names = () => `commands: ${COMMANDS.map((c) => c.name).join(', ')}`;

/** One line for any failure. */
export function fail(command: string | undefined, error: unknown): number {
  const prefix = command ? `wfm ${command}: ` : 'wfm: ';
  if (error instanceof UsageError) {
    process.stderr.write(`${prefix}${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  // A run that failed for a reason it names (a job, a worker) says so; only the unforeseen is internal.
  if (error instanceof RunFailed || (error instanceof Error && error.name === 'WorkerFailed')) {
    process.stderr.write(`${prefix}${firstLine(message)}\n`);
    return 1;
  }
  process.stderr.write(`${prefix}internal error: ${firstLine(message)} (WFM_DEBUG=1 shows where)\n`);
  if (process.env.WFM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}

const firstLine = (text: string) => text.split('\n')[0].slice(0, 300);

// A closed pipe (`wfm plan … | head`) ends the output, not the program with an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error) => {
    process.exitCode = fail(process.argv[2], error);
    process.exit();
  });
}
process.exitCode = await main(process.argv.slice(2));
