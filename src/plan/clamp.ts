/**
 * Figures that are mathematically shares or non-negative, put back in range
 * after floating-point round-off (a pAbandon of 1.0000000000000002 makes
 * −2.2e−13 calls answered). NaN is passed through, never hidden, and −0 becomes 0.
 */
export const share = (x: number): number => Math.min(1, Math.max(0, x));

export const nonNegative = (x: number): number => Math.max(0, x);

export const shareOrNull = (x: number | null): number | null => (x === null ? null : share(x));
