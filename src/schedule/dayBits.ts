/** Sets of days as bits (bit d for day d of a block): working days, days off. */

/** Days in the set. */
export function dayCount(bits: number): number {
  let n = 0;
  for (let b = bits; b; b &= b - 1) n++;
  return n;
}

/** The longest run of consecutive days in the set, among the first `length`. */
export function longestRun(bits: number, length: number): number {
  let longest = 0;
  let run = 0;
  for (let d = 0; d < length; d++) {
    run = bits & (1 << d) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
