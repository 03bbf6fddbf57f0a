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
    if (ref.current) draw(ref.current);
  }, deps);
  const Tag = tag;
  return <Tag ref={ref as never} id={id} class={className} aria-label={label} />;
}
