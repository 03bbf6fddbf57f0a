import type { Json } from '../scenario';

/** The scenarios shipped in scenarios/, by file name: examples to start from. */
const BUNDLED = import.meta.glob<unknown>('../../scenarios/*-*.json', { eager: true, import: 'default' });
export const EXAMPLES = new Map(Object.entries(BUNDLED).map(([path, raw]) => [path.split('/').pop() ?? path, raw as Json]));
export const DEFAULT_EXAMPLE = 'christmas-eve.json';

/** A fresh copy of the example the app opens on when nothing is saved. */
export const defaultExample = (): Json => structuredClone(EXAMPLES.get(DEFAULT_EXAMPLE) as Json);

export const CREDIT_US =
  'Data: call volume of a North American bank, 2003 — J. Weinberg (Weinberg, Brown & Stroud 2007), via R. Hyndman’s fpp3 (GPL-3; data/us-bank-calls-2003).';
export const CREDIT_ISRAEL =
  'Data: Anonymous Bank call-center data (1999), Technion SEE Laboratory — I. Guedj and A. Mandelbaum.';

/** The bundled data sets (data/), each file loaded only when its example is asked for. */
const DATA = import.meta.glob<string>('../../data/*/*.csv', { query: '?raw', import: 'default' });
const data = (path: string) => () => {
  const load = DATA[`../../data/${path}`];
  if (!load) throw new Error(`data/${path} is not bundled`);
  return load();
};

/** A bundled history with its calendar and the settings its figures need. */
export interface HistoryExample {
  id: string;
  /** what the page calls it: "the US bank 2003 example" */
  name: string;
  history: () => Promise<string>;
  calendar: () => Promise<string>;
  day: string;
  monthDays: string;
  credit: string;
}

export const HISTORY_EXAMPLES: HistoryExample[] = [
  {
    id: 'history-example',
    name: 'the US bank 2003 example',
    history: data('us-bank-calls-2003/bank_calls_5min_2003.csv'),
    calendar: data('us-bank-calls-2003/holidays_2003.csv'),
    day: '2003-10-27',
    monthDays: '1-3',
    credit: CREDIT_US,
  },
  {
    id: 'history-example-israel',
    name: 'the Israeli bank 1999 example',
    history: data('anonymous-bank-1999/calls_30min_1999.csv'),
    calendar: data('anonymous-bank-1999/holidays_1999.csv'),
    day: '1999-12-30',
    monthDays: '1-10',
    credit: `${CREDIT_ISRAEL} 30-minute counts from the Rfssa package’s series (GPL-3; data/anonymous-bank-1999).`,
  },
];
