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

/** An element that imperative code owns (a d3 chart, a panel not yet a component): Preact never touches its children. */
export function Mount({ draw, deps, tag = 'div', id, className, label }: MountProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // Each element draws in a task of its own, so a re-plan and its charts never add up to one long task.
    const timer = setTimeout(() => ref.current && draw(ref.current));
    return () => clearTimeout(timer);
  }, deps);
  const Tag = tag;
  return <Tag ref={ref as never} id={id} class={className} aria-label={label} />;
}
