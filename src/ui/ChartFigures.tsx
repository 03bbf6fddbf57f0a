import { Mount } from './Mount';

/** A chart d3 draws into its figure from the page's data. */
export type Chart<T> = [id: string, draw: (el: HTMLElement, data: T) => void];

/** One figure per chart, in order, redrawn when `data` changes and emptied while there is none. */
export function ChartFigures<T>({ charts, data }: { charts: Chart<T>[]; data: T | null }) {
  return (
    <>
      {charts.map(([id, draw]) => (
        <Mount
          key={id}
          tag="figure"
          id={id}
          className="panel chart"
          deps={[data]}
          draw={(el) => (data ? draw(el, data) : el.replaceChildren())}
        />
      ))}
    </>
  );
}
