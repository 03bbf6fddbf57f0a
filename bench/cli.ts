/** The `wfm` command as a user runs it: start-up and batch throughput. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { timed } from './measure';

const BIN = fileURLToPath(new URL('../bin/wfm.js', import.meta.url));

async function run(args: string[], input?: string) {
  const { value: r, timing } = await timed(() =>
    spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 }),
  );
  if (r.status !== 0) throw new Error(`wfm ${args.join(' ')} failed: ${r.stderr}`);
  return { stdout: r.stdout, timing };
}

async function batchFigures(lines: number) {
  const line = (i: number) =>
    JSON.stringify({
      model: i % 2 ? 'A' : 'C',
      calls: 80 + (i % 40),
      intervalSeconds: 1800,
      ahtSeconds: 180,
      agents: 14,
      targetSeconds: 20,
      patienceSeconds: 300,
    });
  const input = Array.from({ length: lines }, (_, i) => line(i)).join('\n');
  const one = await run(['erlang', '--batch'], line(0));
  const all = await run(['erlang', '--batch'], input);
  if (all.stdout.trim().split('\n').length !== lines) throw new Error('batch lost lines');
  const computeMs = all.timing.wallMs - one.timing.wallMs;
  return { lines, oneLine: one.timing, all: all.timing, linesPerSecond: Math.round(lines / (computeMs / 1000)) };
}

/** Best of three, so one slow start on a busy machine does not decide the figure. */
async function startup(args: string[]) {
  const runs = [await run(args), await run(args), await run(args)];
  return runs.map((r) => r.timing).sort((a, b) => a.cpuMs - b.cpuMs)[0];
}

export async function cliFigures() {
  return {
    cliStartup: {
      schema: await startup(['schema']),
      simulateChristmasEve1Replication: await startup(['simulate', 'scenarios/christmas-eve.json', '--replications', '1']),
    },
    erlangBatch: await batchFigures(10_000),
  };
}
