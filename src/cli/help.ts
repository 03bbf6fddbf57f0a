import { COMMANDS } from './commands';
import { type CommandSpec, describeFlagValue } from './flags';

/** `wfm help`: every command in a line. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: wfm <command> [arguments] [flags]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'wfm help <command> (or wfm <command> --help) for its flags; wfm --version for the version.',
  ].join('\n');
}

/** `wfm help COMMAND`: each flag with its unit, default and allowed range, and an example. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [
    `usage: wfm ${spec.name}${spec.args ? ` ${spec.args}` : ''}${spec.flags.length ? ' [flags]' : ''}`,
    '',
    spec.summary,
  ];
  if (spec.flags.length > 0) {
    lines.push('', 'flags:');
    for (const flag of spec.flags) {
      const head = flag.kind === 'switch' ? `--${flag.name}` : `--${flag.name} ${placeholder(flag.kind)}`;
      lines.push(`  ${head}`, `      ${flag.help}`);
      if (flag.kind !== 'switch')
        lines.push(`      allowed: ${describeFlagValue(flag)}${flag.default ? `; default: ${flag.default}` : ''}`);
    }
  }
  lines.push('', ...(spec.notes ?? []), 'example:', `  ${spec.example}`);
  return lines.join('\n');
}

function placeholder(kind: CommandSpec['flags'][number]['kind']): string {
  return { number: 'X', integer: 'N', text: 'TEXT', choice: 'CHOICE', file: 'FILE', switch: '' }[kind];
}
