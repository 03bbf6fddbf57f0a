import { type ErlangCase, formatFieldError, parseErlangCase, solveErlangCase } from '../erlang';
import { answerTable } from '../format/answer';
import { erlangJson } from '../report/erlang';
import { commandSpec, ERLANG_FLAG_FIELDS } from './commands';
import { decimal, parseFlags, positionals, UsageError } from './flags';

const spec = commandSpec('erlang');
const TEXT_FIELDS = ['model', 'slDefinition'];
const FLAG_FIELDS: Record<string, string> = { ...ERLANG_FLAG_FIELDS, model: 'model', 'sl-definition': 'slDefinition' };

export async function erlangCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, spec);
  positionals(flags, spec, 0);
  if (flags.switches.has('batch')) {
    if (flags.values.size > 0) throw new UsageError('--batch: takes every field from the JSON lines on stdin, not from flags');
    await runBatch();
    return;
  }
  const raw: Record<string, unknown> = {};
  for (const [flag, text] of flags.values) {
    const field = FLAG_FIELDS[flag];
    raw[field] = TEXT_FIELDS.includes(field) ? text : toNumber(text);
  }
  if (flags.switches.has('fractional')) raw.fractional = true;
  const parsed = parseErlangCase(raw);
  if (!parsed.ok) {
    const flagOf = (field: string) => `--${Object.keys(FLAG_FIELDS).find((f) => FLAG_FIELDS[f] === field) ?? field}`;
    throw new UsageError(parsed.errors.map((e) => formatFieldError(e, flagOf(e.field))).join('; '));
  }
  const answer = solveErlangCase(parsed.value);
  process.stdout.write(flags.switches.has('json') ? `${JSON.stringify(erlangJson(answer))}\n` : `${answerTable(answer)}\n`);
}

/** A flag's text as a number when it is a plain decimal; otherwise the text, which validation then reports. */
function toNumber(text: string): number | string {
  return decimal(text) ?? text;
}

/** One JSON line out per JSON line in, in order; a bad line gets {"error": …} and the rest still run. */
async function runBatch(): Promise<void> {
  let pending = '';
  let lineNumber = 0;
  const answerLines = (lines: string[]) => {
    const out: string[] = [];
    for (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      out.push(JSON.stringify(answerLine(line, lineNumber)));
    }
    return out.length > 0 ? `${out.join('\n')}\n` : '';
  };
  for await (const chunk of process.stdin) {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    const out = answerLines(lines);
    if (out && !process.stdout.write(out)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  process.stdout.write(answerLines([pending]));
}

function answerLine(line: string, lineNumber: number): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { error: `line ${lineNumber}: not valid JSON` };
  }
  const parsed = parseErlangCase(raw);
  if (!parsed.ok) return { error: parsed.errors.map((e) => formatFieldError(e)).join('; ') };
  try {
    return erlangJson(solveErlangCase(parsed.value satisfies ErlangCase));
  } catch (error) {
    return { error: `line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
