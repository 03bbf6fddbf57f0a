import { applyVolumes, guessMapping, parseCsv, readVolumes, type VolumeMapping } from '../scenario';
import { element } from './dom';
import type { Session } from './state/session';

const ROLES: [keyof VolumeMapping, string][] = [
  ['time', 'Interval start'],
  ['calls', 'Calls'],
  ['ahtSeconds', 'AHT (s)'],
  ['agents', 'Agents'],
];

/**
 * Import of interval volumes from a CSV file: choose the file, check the column
 * mapping against a preview, apply. Bad rows are listed with their line and
 * value, and the scenario is left as it was.
 */
export function volumeImport(box: HTMLElement, session: Session): void {
  const input = element('input', { type: 'file', id: 'volumes-file', accept: '.csv,text/csv,text/plain' });
  const mappingBox = element('div', { className: 'mapping', id: 'volumes-mapping' });
  const errors = element('ul', { className: 'file-errors', id: 'volumes-errors' });
  errors.setAttribute('role', 'alert');
  box.replaceChildren(
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'volumes-file', textContent: 'Import interval volumes (CSV: start, calls, AHT, agents)' }),
      input,
    ]),
    mappingBox,
    errors,
  );

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    errors.replaceChildren();
    mappingBox.replaceChildren();
    if (!file) return;
    const rows = parseCsv(await file.text());
    if (rows.length === 0) {
      errors.append(element('li', { textContent: `${file.name}: the file is empty` }));
      return;
    }
    const header = rows[0];
    const guess = guessMapping(header);
    const selects = ROLES.map(([role, label]) => {
      const select = element('select', { id: `volumes-${role}` });
      select.append(element('option', { value: '-1', textContent: '— none —' }));
      for (const [i, h] of header.entries())
        select.append(element('option', { value: String(i), textContent: h || `column ${i + 1}` }));
      select.value = String(guess[role]);
      return [role, select, label] as const;
    });
    const preview = element('table', { className: 'preview' }, [
      element('caption', { textContent: `${file.name}: ${rows.length - 1} rows (first 5 shown)` }),
      element('thead', {}, [
        element(
          'tr',
          {},
          header.map((h) => element('th', { scope: 'col', textContent: h })),
        ),
      ]),
      element(
        'tbody',
        {},
        rows.slice(1, 6).map((r) =>
          element(
            'tr',
            {},
            r.map((c) => element('td', { textContent: c })),
          ),
        ),
      ),
    ]);
    const applyButton = element('button', {
      type: 'button',
      id: 'volumes-apply',
      className: 'primary',
      textContent: 'Use these volumes',
    });
    applyButton.addEventListener('click', () => {
      errors.replaceChildren();
      const mapping = Object.fromEntries(selects.map(([role, s]) => [role, Number(s.value)])) as unknown as VolumeMapping;
      const read = readVolumes(rows, mapping);
      if (!read.ok) {
        errors.append(element('li', { textContent: `${file.name}: not imported, the scenario is unchanged` }));
        for (const e of read.errors) errors.append(element('li', { textContent: e }));
        return;
      }
      const applied = session.commit(applyVolumes(session.current().raw, read));
      if (!applied.ok) {
        errors.append(element('li', { textContent: `${file.name}: not imported, the scenario is unchanged` }));
        for (const e of applied.errors) errors.append(element('li', { textContent: e }));
        return;
      }
      mappingBox.replaceChildren(
        element('p', {
          className: 'note',
          textContent: `Imported ${read.rows.length} intervals of ${read.intervalMinutes} min, ${read.open}–${read.close}.`,
        }),
      );
    });
    mappingBox.replaceChildren(
      preview,
      ...selects.map(([role, select]) =>
        element('div', { className: 'field' }, [
          element('label', { htmlFor: select.id, textContent: ROLES.find(([r]) => r === role)?.[1] ?? role }),
          select,
        ]),
      ),
      element('div', { className: 'actions' }, [applyButton]),
    );
  });
}
