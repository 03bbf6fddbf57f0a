/**
 * 1 + r + r² + … + r^(m−1): the expected number of tries when each try fails
 * (and is tried again) with probability r, up to m tries. Finite for every
 * r in [0, 1], exact at r = 1 (m tries), and accurate near 1, where the
 * closed form (1 − r^m) ÷ (1 − r) would lose its digits.
 */
export function geometricSum(r: number, m: number): number {
  const d = 1 - r;
  if (d <= 0) return m;
  return -Math.expm1(m * Math.log1p(-d)) / d;
}
