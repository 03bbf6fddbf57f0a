/** One probe of a staffing level: whether it passes, and by how much (the margin guides, `passes` decides). */
export interface Probe {
  passes: boolean;
  /** > 0 inside the targets, < 0 outside, roughly smooth in k; ±Infinity when it says nothing */
  margin: number;
}

/**
 * The smallest whole k in (failing, max] that passes, for a predicate monotone in k,
 * or null when even `max` fails. Starts at `guess` and steps along the secant of the
 * last two margins (the first step along `slope`, when given); once the answer is
 * bracketed, by false position, bisecting when two probes did not halve the bracket.
 * Where the margins say nothing it doubles its step. A handful of probes when the
 * margin is smooth, O(log k) at worst.
 */
export function smallestPassing(
  guess: number,
  failing: number,
  max: number,
  probe: (k: number) => Probe,
  /** the margin's expected rise per unit of k near the guess, when known */
  slope?: number,
): number | null {
  let lo = { k: failing, margin: Number.NEGATIVE_INFINITY };
  let hi = { k: Number.POSITIVE_INFINITY, margin: Number.POSITIVE_INFINITY };
  let previous: { k: number; margin: number } | null = null;
  let step = 1; // while unbracketed, each probe moves at least this far, doubling
  let widths = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]; // the bracket one and two probes ago, once it is closed
  let k = Math.min(Math.max(guess, failing + 1), max);
  for (;;) {
    const p = probe(k);
    const latest = { k, margin: p.margin };
    if (p.passes) hi = latest;
    else if (k >= max) return null;
    else lo = latest;
    const width = hi.k - lo.k;
    if (width <= 1) return hi.k;
    const bracketed = Number.isFinite(hi.k) && lo.k > failing;
    if (!bracketed) widths = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    if (width > widths[1] / 2) {
      k = Math.floor((lo.k + hi.k) / 2); // the last two probes did not halve the bracket
    } else if (bracketed) {
      k = Math.ceil(secant(lo, hi) ?? (lo.k + hi.k) / 2);
    } else {
      const estimate = previous
        ? secant(previous, latest)
        : slope && Number.isFinite(p.margin) && slope > 0
          ? k - p.margin / slope
          : null;
      const up = !Number.isFinite(hi.k);
      k = up ? Math.max(Math.ceil(estimate ?? 0), lo.k + step) : Math.min(Math.ceil(estimate ?? hi.k), hi.k - step);
      step *= 2;
    }
    k = Math.min(Math.max(k, lo.k + 1), hi.k - 1, max);
    previous = latest;
    widths = [width, widths[0]];
  }
}

/** Where the line through two margins crosses zero, or null when they are equal or not finite. */
function secant(a: { k: number; margin: number }, b: { k: number; margin: number }): number | null {
  if (!Number.isFinite(a.margin) || !Number.isFinite(b.margin) || a.margin === b.margin) return null;
  const root = b.k - (b.margin * (b.k - a.k)) / (b.margin - a.margin);
  return Number.isFinite(root) ? root : null;
}
