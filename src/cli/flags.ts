/** Bad input on the command line: exit code 2 and one line naming the input and what is allowed. */
export class UsageError extends Error {}

/** A run that failed for a reason it can name (a job that failed for good, a lost job): exit code 1 and that line, no trace. */
export class RunFailed extends Error {}

/** One flag of a command, with what `--help` says of it. */
export interface Flag {
  name: string;
  /** a switch stands alone (--json); every other kind takes a value */
  kind: 'switch' | 'number' | 'integer' | 'text' | 'choice' | 'file';
  help: string;
  /** the value's unit, e.g. "s" or "share 0–1" */
  unit?: string;
  /** the allowed range or values, as text for --help (numbers are also checked by min/max) */
  range?: string;
  min?: number;
  max?: number;
  choices?: readonly string[];
  default?: string;
}

/** A command as `wfm help` describes it. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** positional arguments, e.g. "SCENARIO" */
  args: string;
  flags: readonly Flag[];
  example: string;
  /** more lines for --help: outputs, notes */
  notes?: readonly string[];
}

export interface ParsedFlags {
  values: Map<string, string>;
  switches: Set<string>;
  positional: string[];
}

/**
 * Parses `--name value`, `--name=value` and `--switch`. An unknown flag names itself and the
 * command's flags; a repeated flag or a missing value is refused (never the last one silently winning).
 */
export function parseFlags(argv: readonly string[], spec: Pick<CommandSpec, 'name' | 'flags'>): ParsedFlags {
  const parsed: ParsedFlags = { values: new Map(), switches: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = splitOnce(arg.slice(2), '=');
    const flag = spec.flags.find((f) => f.name === name);
    if (!flag) {
      const known = spec.flags.map((f) => `--${f.name}`).join(', ');
      throw new UsageError(`--${name}: unknown flag for wfm ${spec.name} (its flags: ${known || 'none'}, --help)`);
    }
    if (parsed.values.has(name) || parsed.switches.has(name)) throw new UsageError(`--${name}: given twice`);
    if (flag.kind === 'switch') {
      if (inline !== undefined) throw new UsageError(`--${name}: takes no value, got "${inline}"`);
      parsed.switches.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`--${name}: needs a value (${describeFlagValue(flag)})`);
    parsed.values.set(name, value);
  }
  return parsed;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Plain decimal numbers only: "0x10", " 2", "1e999", "Infinity" or "" are not numbers a user means. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A flag's text as a finite decimal number, or null when it is not one. */
export function decimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** What a flag's value must be, e.g. "a whole number from 1 to 10000". */
export function describeFlagValue(flag: Flag): string {
  if (flag.kind === 'choice') return `one of ${flag.choices?.join(', ')}`;
  if (flag.range) return flag.range;
  if (flag.kind === 'integer') return `a whole number from ${flag.min} to ${flag.max}`;
  if (flag.kind === 'number') return `a number from ${flag.min} to ${flag.max}${flag.unit ? ` (${flag.unit})` : ''}`;
  return flag.kind === 'file' ? 'a file path' : 'a text';
}

/** Refuses (exit 2) any of the flags `names` given without the one they need (`needs`: `--check`, `--redis`). */
export function onlyWith(flags: ParsedFlags, names: string[], given: boolean, needs: string): void {
  if (!given) for (const flag of names) if (flags.values.has(flag)) throw new UsageError(`--${flag}: only with ${needs}`);
}

/** The value of a numeric flag, checked against its range; undefined when the flag was not given. */
export function numberFlag(flags: ParsedFlags, spec: Pick<CommandSpec, 'flags'>, name: string): number | undefined {
  const text = flags.values.get(name);
  if (text === undefined) return undefined;
  const flag = spec.flags.find((f) => f.name === name);
  if (!flag) throw new Error(`no flag --${name}`);
  const value = decimal(text);
  const ok =
    value !== null &&
    (flag.kind !== 'integer' || Number.isInteger(value)) &&
    (flag.min === undefined || value >= flag.min) &&
    (flag.max === undefined || value <= flag.max);
  if (!ok) throw new UsageError(`--${name}: must be ${describeFlagValue(flag)}, got ${JSON.stringify(text)}`);
  return value;
}

/** The value of a choice flag; undefined when it was not given. */
export function choiceFlag<T extends string>(flags: ParsedFlags, spec: Pick<CommandSpec, 'flags'>, name: string): T | undefined {
  const text = flags.values.get(name);
  if (text === undefined) return undefined;
  const flag = spec.flags.find((f) => f.name === name);
  if (!flag?.choices?.includes(text))
    throw new UsageError(`--${name}: must be one of ${flag?.choices?.join(', ')}, got ${JSON.stringify(text)}`);
  return text as T;
}

/** At most `max` positional arguments, named in the message by the command's `args`. */
export function positionals(flags: ParsedFlags, spec: Pick<CommandSpec, 'name' | 'args'>, max: number): string[] {
  if (flags.positional.length > max) {
    throw new UsageError(`${flags.positional[max]}: unexpected argument (wfm ${spec.name} takes ${spec.args || 'no arguments'})`);
  }
  return flags.positional;
}
