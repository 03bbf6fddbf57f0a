/** Bad input on the command line: exit code 2 and one line naming the field. */
export class UsageError extends Error {}

export interface FlagSpec {
  /** flags that take a value, e.g. "calls" for --calls 100 */
  values: readonly string[];
  /** flags that stand alone, e.g. "json" */
  switches: readonly string[];
}

export interface ParsedFlags {
  values: Map<string, string>;
  switches: Set<string>;
  positional: string[];
}

/** Parses `--name value`, `--name=value` and `--switch`; an unknown flag or a missing value is a UsageError. */
export function parseFlags(argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const parsed: ParsedFlags = { values: new Map(), switches: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = splitOnce(arg.slice(2), '=');
    if (spec.switches.includes(name) && inline === undefined) {
      parsed.switches.add(name);
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name}: needs a value`);
      parsed.values.set(name, value);
    } else {
      const known = [...spec.values, ...spec.switches].map((f) => `--${f}`).join(', ');
      throw new UsageError(`--${name}: unknown flag (known: ${known})`);
    }
  }
  return parsed;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
