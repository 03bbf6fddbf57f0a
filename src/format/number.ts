/** How numbers read for people: every value with its unit. */

/** x.toFixed(digits), never "-0.00": a value that rounds to zero has no sign. */
export function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** Round-off beyond a bound that a figure cannot pass: −2.2e−13 calls, a share of 1.0000000000000002. */
const ROUND_OFF = 1e-9;

/** A share in [0, 1]; values within round-off outside it are read at the bound. */
export function formatShare(x: number | null, digits = 2): string {
  if (x === null) return '—';
  const clamped = x < 0 && x > -ROUND_OFF ? 0 : x > 1 && x < 1 + ROUND_OFF ? 1 : x;
  return `${fixed(100 * clamped, digits)} %`;
}

/** A non-negative figure; round-off below zero is read as 0. */
const atLeastZero = (x: number) => (x < 0 && x > -ROUND_OFF ? 0 : x);

export function formatSeconds(x: number | null, digits = 2): string {
  return x === null ? '—' : `${fixed(atLeastZero(x), digits)} s`;
}

export function formatErlangs(x: number | null): string {
  return x === null ? '—' : `${fixed(atLeastZero(x), 3)} Erlangs`;
}

export function formatAgents(x: number | null): string {
  if (x === null) return '—';
  const agents = atLeastZero(x);
  return `${Number.isInteger(agents) ? agents + 0 : fixed(agents, 3)} agents`;
}
