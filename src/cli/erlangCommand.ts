import { type ErlangCase, formatFieldError, parseErlangCase, solveErlangCase } from '../erlang';
import { answerTable } from '../format/answer';
import { parseFlags, UsageError } from './flags';

/** CLI flag → field of an Erlang case (DESIGN.md §6). */
const FLAG_FIELDS: Record<string, string> = {
  model: 'model',
  calls: 'calls',
  interval: 'intervalSeconds',
  aht: 'ahtSeconds',
  agents: 'agents',
  target: 'targetSeconds',
  patience: 'patienceSeconds',
  lines: 'lines',
  redial: 'redialShare',
  'sl-definition': 'slDefinition',
  sl: 'serviceLevelTarget',
  'max-asa': 'maxAsaSeconds',
  'max-abandon': 'maxAbandonRate',
  'max-occupancy': 'maxOccupancy',
  shrinkage: 'shrinkage',
};
const TEXT_FIELDS = ['model', 'slDefinition'];

export async function erlangCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { values: Object.keys(FLAG_FIELDS), switches: ['json', 'batch', 'fractional'] });
  if (flags.positional.length > 0) throw new UsageError(`${flags.positional[0]}: unexpected argument`);
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
  process.stdout.write(flags.switches.has('json') ? `${JSON.stringify(answer)}\n` : `${answerTable(answer)}\n`);
}

/** A flag's text as a number when it is one; otherwise the text, which validation then reports. */
function toNumber(text: string): number | string {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
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
    return solveErlangCase(parsed.value satisfies ErlangCase);
  } catch (error) {
    if (error instanceof RangeError) return { error: error.message };
    throw error;
  }
}
