import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_DAY } from '../sim/shortDay';
import { hasRedisServer, startRedis } from './redisServer';
import { wfm } from './run';

const BIN = fileURLToPath(new URL('../../bin/wfm.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wfm-cluster-'));
const scenario = join(dir, 'day.json');
// A busier short day of 11,000 calls: a replication takes a few milliseconds, so the tests size jobs by their replications.
writeFileSync(scenario, JSON.stringify({ ...SHORT_DAY, demand: { calls: [2000, 4000, 3000, 2000] }, staffing: { agents: 380 } }));

/** A `wfm` process whose output the test reads as it comes. */
interface Proc {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

const procs: Proc[] = [];
function start(args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    p.stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    p.stderr += chunk.toString();
  });
  procs.push(p);
  return p;
}

async function until(what: string, ok: () => boolean, ms = 200_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A worker with a job under way: it has started more jobs than it finished. */
const busy = (w: Proc) => (w.stderr.match(/started /g) ?? []).length > (w.stderr.match(/finished /g) ?? []).length;
const starts = (logs: string[]): string[] => logs.join('').match(/started \S+/g) ?? [];

describe.skipIf(!hasRedisServer())('wfm simulate --redis with wfm worker', { timeout: 300_000 }, () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let client: Redis;
  const lock = { WFM_TEST_LOCK_MS: '2000' };
  const worker = () => start(['worker', '--redis', redis.url, '--threads', '1'], lock);
  const ready = (w: Proc) => until('a worker', () => w.stderr.includes('taking jobs'));
  const local = (n: number) => wfm(['simulate', scenario, '--replications', String(n), '--json']).stdout;
  const runKeys = async () => (await client.keys('*')).filter((k) => /\.\d+-\d+$/.test(k));
  /** The Redis key of the first job waiting in the queue, once there is one. */
  const waitingJobKey = async () => {
    let waitKey = '';
    let id: string | undefined;
    for (const end = Date.now() + 60_000; id === undefined && Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      waitKey = (await client.keys('bull:*:wait'))[0] ?? '';
      [id] = waitKey ? await client.lrange(waitKey, 0, 0) : [];
    }
    return `${waitKey.slice(0, -'wait'.length)}${id}`;
  };

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
  });
  // A test that fails leaves none of its workers to take the next test's jobs.
  afterEach(async () => {
    for (const p of procs) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGCONT');
        p.child.kill('SIGKILL');
      }
      await p.exited;
    }
  });
  afterAll(async () => {
    for (const p of procs) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGCONT');
        p.child.kill('SIGKILL');
      }
      await p.exited;
    }
    client.disconnect();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
    // Nothing is left: no process of the test (a signal 0 to a gone PID throws) and no Redis folder.
    for (const pid of [redis.pid, ...procs.map((p) => p.child.pid as number)]) expect(() => process.kill(pid, 0)).toThrow();
    expect(existsSync(redis.dir)).toBe(false);
  });

  it('prints exactly the bytes of a local run on one worker, warns when none is connected, and leaves nothing of the run in Redis', async () => {
    const coordinator = start(['simulate', scenario, '--replications', '6', '--chunk', '2', '--redis', redis.url, '--json']);
    await until('the warning', () => coordinator.stderr.includes('no wfm worker of this engine'));
    const w = worker();
    expect(await coordinator.exited).toBe(0);
    expect(coordinator.stdout).toBe(local(6));
    expect(coordinator.stderr).toMatch(
      /^wfm simulate: no wfm worker of this engine \(wfm [\d.]+, V8 \S+, \w+\) is connected to redis:\/\/127\.0\.0\.1:\d+; the jobs wait until one is/,
    );
    expect(starts([w.stderr])).toHaveLength(3);
    expect(await runKeys()).toEqual([]);
    // SIGTERM stops an idle worker at once.
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.stderr).toMatch(/stopped\n$/);
  });

  it('prints exactly the bytes of a local run on three workers', async () => {
    const ws = [worker(), worker(), worker()];
    await Promise.all(ws.map(ready));
    const r = start(['simulate', scenario, '--replications', '9', '--chunk', '1', '--redis', redis.url, '--json']);
    expect(await r.exited).toBe(0);
    expect(r.stdout).toBe(local(9));
    expect(r.stderr).not.toMatch(/error|no wfm worker/i);
    expect(ws.filter((w) => starts([w.stderr]).length > 0).length).toBeGreaterThan(1);
    // A worker told to stop finishes its active job first.
    // One job long enough (600 replications, a second or two) to be seen under way.
    const next = start([
      'simulate',
      scenario,
      '--replications',
      '600',
      '--chunk',
      '600',
      '--redis',
      redis.url,
      '--json',
      '--progress',
    ]);
    await until('a job under way', () =>
      ws.some((w) => (w.stderr.match(/started/g) ?? []).length > (w.stderr.match(/finished/g) ?? []).length),
    );
    const busy = ws.find((w) => (w.stderr.match(/started/g) ?? []).length > (w.stderr.match(/finished/g) ?? []).length) as Proc;
    busy.child.kill('SIGTERM');
    expect(await busy.exited).toBe(0);
    const told = busy.stderr.indexOf('finishing the active jobs');
    expect(told).toBeGreaterThan(0);
    expect(busy.stderr.lastIndexOf('finished ')).toBeGreaterThan(told);
    expect(busy.stderr).toMatch(/stopped\n$/);
    expect(await next.exited).toBe(0);
    expect(next.stdout).toBe(local(600));
    // --progress on a pipe: plain lines, the last at the end, with the workers connected.
    expect(next.stderr.trim().split('\n').at(-1)).toMatch(
      /^simulating: 100 %, 600\/600 replications, [23] workers connected, \d+ s$/,
    );
    for (const w of ws) w.child.kill('SIGTERM');
    await Promise.all(ws.map((w) => w.exited));
  });

  it('stays exact with a worker killed mid-job and another frozen past its lock: a range runs twice, is merged once', async () => {
    const [a, b, c] = [worker(), worker(), worker()];
    await Promise.all([a, b, c].map(ready));
    // Jobs of about a second each, so two are still under way when a is killed and b frozen.
    const r = start(['simulate', scenario, '--replications', '1200', '--chunk', '300', '--redis', redis.url, '--json'], lock);
    await until('jobs under way on a and b', () => busy(a) && busy(b));
    a.child.kill('SIGKILL');
    b.child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 5000)); // past the 2 s lock
    b.child.kill('SIGCONT');
    expect(await r.exited).toBe(0);
    expect(r.stdout).toBe(local(1200));
    expect(JSON.parse(r.stdout).replications).toBe(1200);
    const all = starts([a.stderr, b.stderr, c.stderr]);
    expect(all.length).toBeGreaterThan(new Set(all).size); // some range was started twice …
    expect(new Set(all).size).toBe(4); // … of the 4, each merged once: the merge refuses overlaps
    expect(await runKeys()).toEqual([]);
    for (const w of [b, c]) w.child.kill('SIGTERM');
    await Promise.all([b, c].map((w) => w.exited));
  });

  it('sweeps on Redis: the same lines as the local pool', async () => {
    const sweep = join(dir, 'sweep.json');
    const patches = [{}, { staffing: { agents: 400 } }, { ahtSeconds: 190 }];
    writeFileSync(
      sweep,
      JSON.stringify({ base: 'day.json', replications: 3, variants: patches.map((patch, i) => ({ name: `v${i}`, patch })) }),
    );
    const ws = [worker(), worker()];
    const r = start(['sweep', sweep, '--redis', redis.url, '--chunk', '2']);
    expect(await r.exited).toBe(0);
    const lines = (text: string) => text.split('\n').sort();
    expect(lines(r.stdout)).toEqual(lines(wfm(['sweep', sweep]).stdout));
    expect(await runKeys()).toEqual([]);
    for (const w of ws) w.child.kill('SIGTERM');
    await Promise.all(ws.map((w) => w.exited));
  });

  it('cancels on Ctrl-C or SIGTERM everywhere (exit 130 or 143, nothing of the run left), the workers alive; a rerun after a lost coordinator runs no range twice', async () => {
    const w = worker();
    await ready(w);
    // Twenty jobs of about a second each: the run is far from done when Ctrl-C (or SIGTERM, as from timeout) comes.
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      const finished = (w.stderr.match(/finished /g) ?? []).length;
      const r = start(['simulate', scenario, '--replications', '4000', '--chunk', '200', '--redis', redis.url, '--json']);
      await until('a finished job', () => (w.stderr.match(/finished /g) ?? []).length > finished);
      r.child.kill(signal);
      expect(await r.exited).toBe(code);
      expect(r.stderr).toBe('wfm simulate: cancelled\n');
      expect(await runKeys()).toEqual([]);
    }
    const events = (await client.keys('*:events')).map((k) => client.xrange(k, '-', '+'));
    expect(JSON.stringify(await Promise.all(events))).not.toMatch(/\.\d+-\d+"/);

    const args = ['simulate', scenario, '--replications', '8', '--chunk', '2', '--redis', redis.url, '--json'];
    const finishedBefore = (w.stderr.match(/finished /g) ?? []).length;
    const runStart = w.stderr.length;
    const lost = start(args);
    await until('a finished job of the run', () => (w.stderr.match(/finished /g) ?? []).length >= finishedBefore + 1);
    lost.child.kill('SIGKILL');
    const before = w.stderr.length;
    const again = start(args);
    expect(await again.exited).toBe(0);
    expect(again.stdout).toBe(local(8));
    const rerun = starts([w.stderr.slice(before)]);
    const firstRun = starts([w.stderr.slice(0, before)]);
    expect(rerun.filter((s) => firstRun.includes(s))).toEqual([]); // no range started again
    // Over both coordinators no range started twice (the worker may have taken them all before the
    // first coordinator was killed, so the rerun may only collect them).
    const ranges = starts([w.stderr.slice(runStart)]);
    expect(ranges.length).toBeGreaterThan(0);
    expect(new Set(ranges).size).toBe(ranges.length);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  });

  it('fails the run naming its range when a job fails for good (a poisoned job in the queue), leaving nothing of the run', async () => {
    const r = start(['simulate', scenario, '--replications', '4', '--chunk', '2', '--redis', redis.url, '--json']);
    await until('the warning', () => r.stderr.includes('no wfm worker of this engine'));
    // Before any worker takes it, one waiting job's scenario is replaced by one no worker accepts.
    const jobKey = await waitingJobKey();
    const data = JSON.parse((await client.hget(jobKey, 'data')) ?? '{}');
    await client.hset(jobKey, 'data', JSON.stringify({ ...data, scenario: { ...data.scenario, ahtSeconds: -1 } }));
    const w = worker();
    expect(await r.exited).toBe(1);
    expect(r.stdout).toBe('');
    // One line naming the range and why, not an internal error.
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^wfm simulate: replications \d+–\d+ failed after 1 attempt: the job's scenario is not valid: ahtSeconds: must be a number from 1 to 86400 \(s\), got -1$/,
    );
    expect(await runKeys()).toEqual([]);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  });

  it('fails the run naming its range when a finished job’s result in Redis cannot be read, leaving nothing of the run', async () => {
    for (const [returnvalue, why] of [
      ['not json', /is not valid JSON/],
      [JSON.stringify(Buffer.from('not a part').toString('base64')), /not a wfm partial result/],
    ] as const) {
      const r = start(['simulate', scenario, '--replications', '4', '--chunk', '2', '--redis', redis.url, '--json']);
      await until('the warning', () => r.stderr.includes('no wfm worker of this engine'));
      // With no worker connected, one waiting job is made to look finished with a result no wfm wrote.
      await client.hset(await waitingJobKey(), 'finishedOn', String(Date.now()), 'returnvalue', returnvalue);
      expect(await r.exited).toBe(1);
      expect(r.stdout).toBe('');
      const last = r.stderr.trim().split('\n').at(-1);
      expect(last).toMatch(
        /^wfm simulate: the result of replications \d+–\d+ in Redis cannot be read \(.+\); run the command again$/,
      );
      expect(last).toMatch(why);
      expect(await runKeys()).toEqual([]);
    }
  });

  it('refuses a database the server does not have, and fails with one line when Redis goes away mid-run', async () => {
    const db = start(['simulate', scenario, '--replications', '4', '--redis', `${redis.url}/99`, '--json']);
    expect(await db.exited).toBe(2);
    expect(db.stderr).toMatch(
      /^wfm simulate: --redis: cannot connect to redis:\/\/127\.0\.0\.1:\d+\/99 \(ERR DB index is out of range\)\n$/,
    );
    const other = await startRedis();
    const r = start(['simulate', scenario, '--replications', '4', '--redis', other.url, '--json']);
    await until('the warning', () => r.stderr.includes('no wfm worker of this engine'));
    await other.stop();
    expect(await r.exited).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^wfm simulate: lost the connection to redis:\/\/127\.0\.0\.1:\d+ \(.+\); run the command again: ranges already done are not run twice$/,
    );
  });

  it('says authentication where the server refuses the password or asks for one, with the password hidden', async () => {
    const guarded = await startRedis('s3cret');
    try {
      const port = new URL(guarded.url).port;
      for (const [url, reason] of [
        [
          `redis://:wrong@127.0.0.1:${port}`,
          'authentication failed: the server refused the user name or password in the URL (WRONGPASS)',
        ],
        [
          guarded.url,
          'authentication needed: the server asks for a password, given in the URL as redis://:password@host:6379/0 (NOAUTH)',
        ],
      ]) {
        for (const command of [['simulate', scenario, '--replications', '2'], ['worker']]) {
          const r = start([...command, '--redis', url]);
          expect(await r.exited).toBe(2);
          expect(r.stderr).toBe(`wfm ${command[0]}: --redis: cannot connect to redis://127.0.0.1:${port} (${reason})\n`);
        }
      }
    } finally {
      await guarded.stop();
    }
  });

  it('a second signal stops a finishing worker at once; its job returns to the queue and another worker completes the run exactly', async () => {
    const a = worker();
    await ready(a);
    // One job of a few seconds, so it is still under way when the second signal comes.
    const r = start(['simulate', scenario, '--replications', '1000', '--chunk', '1000', '--redis', redis.url, '--json'], lock);
    await until('a job under way', () => busy(a));
    a.child.kill('SIGTERM');
    await until('finishing', () => a.stderr.includes('finishing the active jobs'));
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(1);
    expect(a.stderr).not.toMatch(/finished /);
    const b = worker();
    expect(await r.exited).toBe(0);
    expect(r.stdout).toBe(local(1000));
    expect(starts([b.stderr]).length).toBeGreaterThan(0);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  });

  it('runs the staffing search by simulation, the schedule check and the roster check on the workers, with exactly the output of a local run; Ctrl-C cancels a check everywhere', async () => {
    const ws = [worker(), worker()];
    await Promise.all(ws.map(ready));
    const bundled = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));
    const week = bundled('weeks/christmas-week.json');
    for (const args of [
      ['staff', scenario, '--by', 'simulation', '--replications', '4', '--max-rounds', '3', '--json'],
      [
        'schedule',
        bundled('black-friday-no-callbacks.json'),
        '--check',
        '--check-replications',
        '2',
        '--check-steps',
        '2',
        '--json',
      ],
      ['roster', week, '--check', '--check-replications', '2', '--check-steps', '2', '--json'],
    ]) {
      const before = starts(ws.map((w) => w.stderr)).length;
      const onCluster = start([...args, '--redis', redis.url]);
      expect(await onCluster.exited).toBe(0);
      const here = wfm(args);
      expect(here.code).toBe(0);
      expect(onCluster.stdout).toBe(here.stdout);
      expect(onCluster.stderr).toBe(here.stderr); // the same rounds or steps, said once each
      expect(starts(ws.map((w) => w.stderr)).length).toBeGreaterThan(before); // the workers simulated it
      expect(await runKeys()).toEqual([]);
    }
    // Every day of a roster's step is simulated at once: both workers take its jobs.
    expect(ws.every((w) => starts([w.stderr]).some((s) => s.length > 0))).toBe(true);

    const check = start(['roster', week, '--check', '--check-replications', '200', '--redis', redis.url]);
    await until('a job of the check', () => ws.some(busy));
    check.child.kill('SIGINT');
    expect(await check.exited).toBe(130);
    expect(check.stderr).toBe('wfm roster: cancelled\n');
    expect(await runKeys()).toEqual([]);
    // Each worker stops the check's jobs it had under way, and stays alive for the next run.
    const ended = (w: Proc) => (w.stderr.match(/finished |cancelled /g) ?? []).length;
    await until('the workers idle', () => ws.every((w) => ended(w) === starts([w.stderr]).length), 30_000);
    expect(ws.some((w) => w.stderr.includes('cancelled '))).toBe(true);
    expect(ws.every((w) => w.child.exitCode === null)).toBe(true);
  });
});
