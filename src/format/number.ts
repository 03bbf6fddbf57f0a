/** How numbers read for people: every value with its unit. */

export function formatShare(x: number | null, digits = 2): string {
  return x === null ? '—' : `${(100 * x).toFixed(digits)} %`;
}

export function formatSeconds(x: number | null, digits = 2): string {
  return x === null ? '—' : `${x.toFixed(digits)} s`;
}

export function formatErlangs(x: number | null): string {
  return x === null ? '—' : `${x.toFixed(3)} Erlangs`;
}

export function formatAgents(x: number | null): string {
  if (x === null) return '—';
  return `${Number.isInteger(x) ? x : x.toFixed(3)} agents`;
}
