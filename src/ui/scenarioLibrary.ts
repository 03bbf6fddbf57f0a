import { formatScenarioError, parseScenarioText } from '../scenario';
import { element } from './dom';
import { download, fileSlug } from './download';
import { EXAMPLES } from './examples';
import type { Session } from './state/session';
import { MAX_LINK_LENGTH, scenarioToUrlParam } from './state/shareLink';

const saveJson = (name: string, value: unknown) =>
  download(`${fileSlug(name)}.json`, `${JSON.stringify(value, null, 2)}\n`, 'application/json');

/**
 * The saved scenarios: pick one, start one from an example or a file, duplicate
 * or delete it, download it, or copy a link that reopens it. Saved records that
 * cannot be read are listed apart, to download or delete.
 */
export function scenarioLibrary(box: HTMLElement, session: Session) {
  const picker = element('select', { id: 'scenario-picker' });
  const duplicate = element('button', { type: 'button', id: 'duplicate-scenario', textContent: 'Duplicate' });
  const remove = element('button', { type: 'button', id: 'delete-scenario', textContent: 'Delete' });
  const exportJson = element('button', { type: 'button', id: 'download-scenario', textContent: 'Download JSON' });
  const link = element('a', { id: 'scenario-link', textContent: 'Link to this scenario' });
  const linkNote = element('span', { className: 'note', id: 'scenario-link-note' });
  const examples = element('select', { id: 'scenario-example' });
  examples.append(element('option', { value: '', textContent: 'Choose an example…' }));
  for (const [file, raw] of EXAMPLES) examples.append(element('option', { value: file, textContent: String(raw.name ?? file) }));
  const fileInput = element('input', { type: 'file', id: 'scenario-file', accept: '.json,application/json' });
  const fileErrors = element('ul', { className: 'file-errors', id: 'scenario-file-errors' });
  fileErrors.setAttribute('role', 'alert');
  const quarantine = element('div', { className: 'quarantine', id: 'quarantine' });
  box.replaceChildren(
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'scenario-picker', textContent: 'Saved scenario' }),
      picker,
    ]),
    element('div', { className: 'actions' }, [duplicate, remove, exportJson, link, linkNote]),
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'scenario-example', textContent: 'New from an example' }),
      examples,
    ]),
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'scenario-file', textContent: 'New from a scenario file (JSON)' }),
      fileInput,
      fileErrors,
    ]),
    quarantine,
  );

  const fillPicker = async () => {
    const all = await session.store.list().catch(() => []);
    const current = session.current();
    const shown = all.some((s) => s.id === current.id) ? all : [current, ...all];
    picker.replaceChildren(
      ...shown.map((s) =>
        element('option', { value: s.id, textContent: String(s.id === current.id ? current.raw.name : s.raw.name) }),
      ),
    );
    picker.value = current.id;
    await fillQuarantine();
  };
  const fillQuarantine = async () => {
    const bad = await session.store.quarantined().catch(() => []);
    quarantine.replaceChildren(
      ...(bad.length === 0
        ? []
        : [
            element('p', {
              className: 'note',
              textContent: `${bad.length} saved record(s) could not be read and were set aside:`,
            }),
            element(
              'ul',
              {},
              bad.map((q, i) => {
                const get = element('button', { type: 'button', id: `quarantine-download-${i}`, textContent: 'Download' });
                get.addEventListener('click', () => saveJson(`unreadable-${q.key}`, q.value));
                const drop = element('button', { type: 'button', id: `quarantine-delete-${i}`, textContent: 'Delete' });
                drop.addEventListener('click', async () => {
                  await session.store.removeQuarantined(q.key);
                  await fillQuarantine();
                });
                return element('li', {}, [`${q.key}: ${q.error} `, get, ' ', drop]);
              }),
            ),
          ]),
    );
  };

  picker.addEventListener('change', () => void session.open(picker.value));
  examples.addEventListener('change', async () => {
    const raw = EXAMPLES.get(examples.value);
    examples.value = '';
    if (raw) await session.create(structuredClone(raw));
  });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    fileErrors.replaceChildren();
    const parsed = parseScenarioText(await file.text());
    if (!parsed.ok) {
      fileErrors.append(element('li', { textContent: `${file.name}: not loaded, the current scenario is kept` }));
      for (const e of parsed.errors) fileErrors.append(element('li', { textContent: formatScenarioError(e) }));
      return;
    }
    await session.create(JSON.parse(await file.text()));
  });
  duplicate.addEventListener('click', () => {
    const { raw } = session.current();
    void session.create({ ...structuredClone(raw), name: `${String(raw.name)} (copy)`.slice(0, 200) });
  });
  remove.addEventListener('click', async () => {
    const doomed = session.current();
    if (!window.confirm(`Delete "${String(doomed.raw.name)}"? Undo brings it back.`)) return;
    await session.remove(doomed.id);
  });
  exportJson.addEventListener('click', () => saveJson(String(session.current().raw.name), session.current().raw));

  return {
    /** The list, after another scenario was opened or created. */
    reload: fillPicker,
    /** After an edit: the name in the list and the link follow the scenario. */
    refresh(): void {
      const { id, raw } = session.current();
      const option = [...picker.options].find((o) => o.value === id);
      if (option) option.textContent = String(raw.name);
      const href = `${location.pathname}#plan&s=${scenarioToUrlParam(raw)}`;
      const fits = href.length <= MAX_LINK_LENGTH;
      link.hidden = !fits;
      if (fits) link.href = href;
      else link.removeAttribute('href');
      linkNote.textContent = fits
        ? ''
        : `Too large for a link (${Math.round(href.length / 1000)} k characters): download the JSON file and share that.`;
    },
  };
}
