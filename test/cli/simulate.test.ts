import { describe, expect, it } from 'vitest';
import { wfm } from './run';

const scenario = (name: string) => new URL(`../../scenarios/${name}`, import.meta.url).pathname;

describe('wfm simulate', () => {
  it('gives identical JSON results on one worker and on two, per interval and for the day, with CIs', () => {
    const one = JSON.parse(
      wfm(['simulate', scenario('tax-deadline-callbacks.json'), '--replications', '6', '--workers', '1', '--json']).stdout,
    );
    const two = JSON.parse(
      wfm(['simulate', scenario('tax-deadline-callbacks.json'), '--replications', '6', '--workers', '2', '--json']).stdout,
    );
    expect(two).toEqual(one);
    expect(one.replications).toBe(6);
    expect(one.intervals).toHaveLength(24);
    for (const metric of [
      'calls',
      'blocked',
      'contained',
      'offered',
      'answered',
      'answeredWithin',
      'abandoned',
      'callbacksRequested',
      'callbacksCompleted',
      'callbacksFailed',
      'answerRate',
      'handledRate',
      'serviceLevel',
      'asaSeconds',
      'meanWaitAllSeconds',
      'occupancy',
      'meanQueue',
      'backlogAtStart',
      'inSystemAtEnd',
      'customers',
    ]) {
      expect(one.day[metric]).toHaveProperty('mean');
      expect(one.day[metric]).toHaveProperty('halfWidth');
    }
    expect(one.day.callbacksRequested.mean).toBeGreaterThan(0);
  });

  it('takes the seed from the flag and prints a table beside the analytic plan', () => {
    const r = wfm(['simulate', scenario('black-friday-no-callbacks.json'), '--replications', '3', '--seed', '9']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Verdict \(simulation\): /);
    expect(r.stdout).toMatch(/^Black Friday — no callbacks: 3 replications, seed 9; mean ±95% CI half-width/m);
    expect(r.stdout).toMatch(/^Start\s+Calls\s+Blocked\s+Answered\s+Abandoned\s+Answer rate\s+Plan answer rate\s+SL\s+Plan SL/m);
    expect(r.stdout).toMatch(/^day\s+[\d,]+/m);
  });

  it('estimates the run first and refuses one over --max-calls with the estimate and the flag, exit 2', () => {
    const r = wfm(['simulate', scenario('normal-weekday.json'), '--replications', '20', '--max-calls', '1000']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(
      /^wfm simulate: this run would simulate up to about [\d,]+ calls \([\d,]+ a replication × 20 replications\), over the limit of 1,000: run fewer replications, or raise the limit with --max-calls \d+$/,
    );
    const raised = r.stderr.match(/--max-calls (\d+)$/m)?.[1] ?? '';
    expect(wfm(['simulate', scenario('normal-weekday.json'), '--replications', '20', '--max-calls', raised]).code).toBe(0);
  });

  it('refuses bad flags with exit 2 and the allowed range', () => {
    for (const [flag, value] of [
      ['--replications', '0'],
      ['--workers', 'many'],
      ['--seed', '-1'],
      ['--max-calls', '0'],
    ]) {
      const r = wfm(['simulate', scenario('normal-weekday.json'), flag, value]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toMatch(
        new RegExp(`^wfm simulate: ${flag}: must be a whole number from \\d+ to \\d+, got "${value}"$`),
      );
    }
  });
});
