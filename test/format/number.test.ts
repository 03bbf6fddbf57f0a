import { describe, expect, it } from 'vitest';
import { answerTable } from '../../src/format/answer';
import { fixed, formatAgents, formatErlangs, formatSeconds, formatShare } from '../../src/format/number';

describe('numbers for people', () => {
  it('never prints a signed zero or round-off past a bound', () => {
    expect(fixed(-0.0001, 2)).toBe('0.00');
    expect(fixed(-0, 1)).toBe('0.0');
    expect(fixed(-0.5, 0)).toBe('-1'); // a real negative keeps its sign
    expect(formatShare(-2.2e-13, 1)).toBe('0.0 %');
    expect(formatShare(-0)).toBe('0.00 %');
    expect(formatShare(1.0000000000000002, 4)).toBe('100.0000 %');
    expect(formatSeconds(-2.2e-13)).toBe('0.00 s');
    expect(formatErlangs(-1e-12)).toBe('0.000 Erlangs');
    expect(formatAgents(-0)).toBe('0 agents');
    expect(formatAgents(-2.2e-13)).toBe('0 agents');
  });

  it('leaves errors that are not round-off visible', () => {
    expect(formatShare(-0.01)).toBe('-1.00 %');
    expect(formatShare(1.5)).toBe('150.00 %');
  });

  it('gives an Erlang answer without signed zeros', () => {
    expect(answerTable({ meanQueue: -1e-15, arrivalRate: -0, callsWithRedials: -1e-14 })).not.toMatch(/-0/);
  });
});
