import { useEffect, useState } from 'preact/hooks';

/**
 * False on a component's first render, true from the frame after it is painted
 * (Preact runs effects after the paint). Long content below the fold waits for
 * it, so a page's first paint shows its results sooner.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}
