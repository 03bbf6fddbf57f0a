import { erlangCommand } from './erlangCommand';
import { UsageError } from './flags';
import { convertCommand, forecastCommand } from './forecastCommand';
import { planCommand, schemaCommand, validateCommand } from './planCommand';
import { scheduleCommand } from './scheduleCommand';
import { simulateCommand } from './simulateCommand';

/** The `wfm` command: one function per subcommand, each given argv and the process streams. */
const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  erlang: erlangCommand,
  plan: planCommand,
  simulate: simulateCommand,
  schedule: scheduleCommand,
  forecast: forecastCommand,
  convert: convertCommand,
  validate: validateCommand,
  schema: schemaCommand,
};

const USAGE = `usage: wfm <command> [flags]
commands:
  erlang     one Erlang B / C / A / X case from flags, or --batch JSON lines on stdin
  plan       SCENARIO [--json]: the interval-by-interval analytic plan of a scenario file
  simulate   SCENARIO [--replications R] [--seed S] [--workers W] [--json]: the day simulated, with 95% CIs
  schedule   SCENARIO [--out FILE.csv|.xlsx|.ics] [--check]: optimal shifts covering the plan (HiGHS)
  forecast   HISTORY.csv --day YYYY-MM-DD [--method M] [--holidays FILE] [--queue Q] [--scenario S --out F --risk R] [--json]
  convert    rfssa FILE.csv.gz: the Israeli bank's 6-minute series as a history CSV
  validate   SCENARIO: check a scenario file, listing every error
  schema     print the JSON Schema of scenario files`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (!command) {
      if (name === undefined || name === '--help' || name === 'help') {
        process.stdout.write(`${USAGE}\n`);
        return name === undefined ? 2 : 0;
      }
      throw new UsageError(`${name}: unknown command (known: ${Object.keys(COMMANDS).join(', ')})`);
    }
    await command(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof RangeError) {
      process.stderr.write(`wfm ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
