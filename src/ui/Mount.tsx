import { useEffect, useRef } from 'preact/hooks';

interface MountProps {
  /** draws into the element; runs again when `deps` change */
  draw: (el: HTMLElement) => void;
  deps: unknown[];
  tag?: 'div' | 'figure' | 'section';
  id?: string;
  className?: string;
  label?: string;
}

/**
 * Draws waiting their turn, one a frame: each element draws in a task of its own and the browser
 * lays out and paints it before the next draws, so a re-plan's or a run's charts never add up to
 * one long task, nor to one long frame.
 */
const queue: { draw: () => void; live: boolean }[] = [];

/** A draw its element no longer wants (redrawn since, or gone) takes no turn. */
function dropUnwanted(): void {
  while (queue.length > 0 && !queue[0].live) queue.shift();
}

function drawNext(): void {
  dropUnwanted();
  try {
    queue.shift()?.draw();
  } finally {
    // A chart that throws still leaves the others their turns.
    dropUnwanted();
    if (queue.length > 0) requestAnimationFrame(() => setTimeout(drawNext));
  }
}

function enqueue(draw: () => void): { live: boolean } {
  const entry = { draw, live: true };
  queue.push(entry);
  if (queue.length === 1) setTimeout(drawNext);
  return entry;
}

/** An element that imperative code owns (a d3 chart, a panel not yet a component): Preact never touches its children. */
export function Mount({ draw, deps, tag = 'div', id, className, label }: MountProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const entry = enqueue(() => ref.current && draw(ref.current));
    return () => {
      entry.live = false;
    };
  }, deps);
  const Tag = tag;
  return <Tag ref={ref as never} id={id} class={className} aria-label={label} />;
}
