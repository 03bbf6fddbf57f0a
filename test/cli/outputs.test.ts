import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { wfm } from './run';

const scenario = (name: string) => new URL(`../../scenarios/${name}`, import.meta.url).pathname;
const committed = (command: string) =>
  JSON.parse(readFileSync(new URL(`../../schemas/${command}.schema.json`, import.meta.url), 'utf8'));

function validator(command: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return ajv.compile(committed(command));
}

const expectValid = (command: string, output: unknown) => {
  const validate = validator(command);
  const ok = validate(output);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
};

describe('--json outputs and their JSON Schemas (schemas/)', () => {
  it.each(['erlang', 'plan', 'simulate', 'compare'])(
    'schemas/%s.schema.json is the one wfm generates (npm run schema)',
    (command) => {
      expect(committed(command)).toEqual(JSON.parse(wfm(['schema', '--output', command]).stdout));
    },
  );

  it('wfm erlang --json, in every model and mode and --batch, matches its schema', () => {
    const base = ['--calls', '100', '--interval', '1800', '--aht', '180'];
    const cases = [
      ['--model', 'B', '--agents', '14'],
      ['--model', 'C', '--agents', '14'],
      ['--model', 'C', '--agents', '5'],
      ['--model', 'A', '--agents', '12', '--patience', '300'],
      ['--model', 'X', '--agents', '12', '--patience', '300', '--lines', '20', '--redial', '0.5'],
      ['--model', 'C', '--sl', '0.8', '--shrinkage', '0.3'],
      ['--model', 'A', '--sl', '0.8', '--patience', '300', '--max-abandon', '0.05'],
    ];
    const answers = cases.map((c) => JSON.parse(wfm(['erlang', ...base, ...c, '--json']).stdout));
    for (const a of answers) expectValid('erlang', a);
    // one name for one figure, whatever the mode: the staffing answer uses the evaluation's names
    expect(Object.keys(answers[5])).toEqual(expect.arrayContaining(['erlangC', 'pWait', 'asaSeconds', 'serviceLevel']));
    expect(answers[1].erlangC).toBe(answers[1].pWait);
    const batch = wfm(['erlang', '--batch'], '{"calls":100,"intervalSeconds":1800,"ahtSeconds":180,"agents":14}\n{"calls":-1}\n');
    for (const line of batch.stdout.trim().split('\n')) expectValid('erlang', JSON.parse(line));
  });

  it.each(['christmas-eve.json', 'tax-deadline-callbacks.json', 'black-friday-containment.json'])(
    'wfm plan --json of %s matches its schema',
    (name) => {
      expectValid('plan', JSON.parse(wfm(['plan', scenario(name), '--json']).stdout));
    },
  );

  it('wfm simulate --json matches its schema', () => {
    const out = JSON.parse(wfm(['simulate', scenario('tax-deadline-callbacks.json'), '--replications', '3', '--json']).stdout);
    expectValid('simulate', out);
    const one = JSON.parse(wfm(['simulate', scenario('normal-weekday.json'), '--replications', '1', '--json']).stdout);
    expectValid('simulate', one);
  });
});

describe('wfm compare', () => {
  const files = ['black-friday-no-callbacks.json', 'black-friday-callbacks.json', 'black-friday-containment.json'].map(scenario);

  it('compares 2–4 scenarios against the first, as a table, JSON and CSV from the same rows', () => {
    const text = wfm(['compare', ...files]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Figure \(for the day\)\s+Black Friday — no callbacks\s+Black Friday — with callbacks/);
    expect(text.stdout).not.toMatch(/−0\b/);
    const json = JSON.parse(wfm(['compare', ...files, '--json']).stdout);
    expectValid('compare', json);
    expect(json.baseline).toBe('Black Friday — no callbacks');
    const answer = json.figures.find((f: { key: string }) => f.key === 'answerRate');
    const plans = files.map((f) => JSON.parse(wfm(['plan', f, '--json']).stdout).day.answerRate);
    expect(answer.values).toEqual(plans);
    expect(answer.deltas).toEqual([null, plans[1] - plans[0], plans[2] - plans[0]]);
    const csv = wfm(['compare', ...files, '--csv'])
      .stdout.replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toMatch(/^figure,unit,Black Friday — no callbacks,Black Friday — with callbacks,/);
    expect(csv.find((l) => l.startsWith('answerRate,share,'))).toBe(
      `answerRate,share,${[plans[0], plans[1], plans[1] - plans[0], plans[2], plans[2] - plans[0]].join(',')}`,
    );
  });

  it('simulates each scenario with --simulate and says so', () => {
    const json = JSON.parse(wfm(['compare', files[0], files[1], '--simulate', '2', '--json']).stdout);
    expect(json.scenarios.map((s: { source: string }) => s.source)).toEqual([
      'simulated, 2 replications',
      'simulated, 2 replications',
    ]);
  });

  it('refuses one scenario, five, or a bad --simulate with exit 2', () => {
    expect(wfm(['compare', files[0]]).stderr).toMatch(/give 2 to 4 scenario files to compare, got 1/);
    expect(wfm(['compare', ...files, ...files]).code).toBe(2);
    expect(wfm(['compare', ...files, '--simulate', '0']).stderr).toMatch(/--simulate: must be a whole number from 1 to 10000/);
  });
});

describe('the other --json outputs match their schemas', () => {
  it('wfm roster --json matches schemas/roster.schema.json, the one wfm generates', () => {
    expect(committed('roster')).toEqual(JSON.parse(wfm(['schema', '--output', 'roster']).stdout));
    const week = new URL('../../scenarios/weeks/christmas-week.json', import.meta.url).pathname;
    const out = JSON.parse(wfm(['roster', week, '--json']).stdout);
    expectValid('roster', out);
    expect(out.agents).toHaveLength(300);
    expect(out.checks).toEqual([]);
    expect(out.finalCheck).toBeNull();
    const checked = wfm(['roster', week, '--check', '--check-replications', '2', '--check-steps', '2', '--json']);
    const withCheck = JSON.parse(checked.stdout);
    expectValid('roster', withCheck);
    expect(withCheck.checks.length).toBeGreaterThan(0);
    expect(withCheck.checks[0].date).toMatch(/^2026-12-2\d$/);
    expect(withCheck.finalCheck.replications).toBe(8);
    // Each step is said on stderr as it is simulated.
    expect(checked.stderr.trim().split('\n')).toHaveLength(withCheck.checks.length);
    expect(checked.stderr).toMatch(/^checked: [\d,]+ paid h, answer rate [\d.]+ %, SL [\d.]+ % \(lowest day, 2026-12-2\d\)/);
  });

  it('wfm staff --json, analytic and by simulation', () => {
    expectValid('staff', JSON.parse(wfm(['staff', scenario('tax-deadline-callbacks.json'), '--json']).stdout));
    expectValid(
      'staff',
      JSON.parse(wfm(['staff', scenario('tax-deadline-callbacks.json'), '--by', 'erlang-c', '--json']).stdout),
    );
    const sim = JSON.parse(
      wfm([
        'staff',
        scenario('black-friday-no-callbacks.json'),
        '--by',
        'simulation',
        '--replications',
        '4',
        '--max-rounds',
        '2',
        '--json',
      ]).stdout,
    );
    expectValid('staff', sim);
    expect(sim.rounds.length).toBeLessThanOrEqual(2);
  });

  it('wfm schedule --json, with and without --check', () => {
    expectValid('schedule', JSON.parse(wfm(['schedule', scenario('tax-deadline-callbacks.json'), '--json']).stdout));
    const checked = JSON.parse(
      wfm([
        'schedule',
        scenario('tax-deadline-callbacks.json'),
        '--check',
        '--check-replications',
        '2',
        '--check-steps',
        '1',
        '--json',
      ]).stdout,
    );
    expectValid('schedule', checked);
    expect(checked.checks.length).toBeGreaterThan(0);
  });

  it('wfm forecast --json on the bundled data', () => {
    const data = (p: string) => new URL(`../../data/${p}`, import.meta.url).pathname;
    const out = JSON.parse(
      wfm([
        'forecast',
        data('anonymous-bank-1999/calls_30min_1999.csv'),
        '--day',
        '1999-09-19',
        '--holidays',
        data('anonymous-bank-1999/holidays_1999.csv'),
        '--json',
      ]).stdout,
    );
    expectValid('forecast', out);
  });
});
