import { formatScenarioError, parseScenarioText } from '../scenario';
import { element } from './dom';
import { download, fileSlug } from './download';
import type { Json } from './scenarioForm';
import { newScenarioId, type SavedScenario, type ScenarioStore } from './scenarioStore';

/** The scenarios shipped in scenarios/, by file name: examples to start from. */
const BUNDLED = import.meta.glob<unknown>('../../scenarios/*-*.json', { eager: true, import: 'default' });
export const EXAMPLES = new Map(Object.entries(BUNDLED).map(([path, raw]) => [path.split('/').pop() ?? path, raw as Json]));
export const DEFAULT_EXAMPLE = 'christmas-eve.json';

/** A scenario in a URL: base64url of its JSON, so a link reopens exactly it. */
export function scenarioToUrlParam(raw: Json): string {
  const bytes = new TextEncoder().encode(JSON.stringify(raw));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function scenarioFromUrlParam(param: string): Json {
  const binary = atob(param.replaceAll('-', '+').replaceAll('_', '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as Json;
}

const nameOf = (s: SavedScenario) => String(s.raw.name ?? 'Untitled scenario');

interface LibraryHooks {
  open(s: SavedScenario): void;
  current(): SavedScenario;
}

/**
 * The saved scenarios: pick one, start one from an example or a file, duplicate
 * or delete it, download it, or copy a link that reopens it.
 */
export function scenarioLibrary(box: HTMLElement, store: ScenarioStore, hooks: LibraryHooks) {
  const picker = element('select', { id: 'scenario-picker' });
  const duplicate = element('button', { type: 'button', id: 'duplicate-scenario', textContent: 'Duplicate' });
  const remove = element('button', { type: 'button', id: 'delete-scenario', textContent: 'Delete' });
  const exportJson = element('button', { type: 'button', id: 'download-scenario', textContent: 'Download JSON' });
  const link = element('a', { id: 'scenario-link', textContent: 'Link to this scenario' });
  const examples = element('select', { id: 'scenario-example' });
  examples.append(element('option', { value: '', textContent: 'Choose an example…' }));
  for (const [file, raw] of EXAMPLES) examples.append(element('option', { value: file, textContent: String(raw.name ?? file) }));
  const fileInput = element('input', { type: 'file', id: 'scenario-file', accept: '.json,application/json' });
  const fileErrors = element('ul', { className: 'file-errors', id: 'scenario-file-errors' });
  fileErrors.setAttribute('role', 'alert');
  box.replaceChildren(
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'scenario-picker', textContent: 'Saved scenario' }),
      picker,
    ]),
    element('div', { className: 'actions' }, [duplicate, remove, exportJson, link]),
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'scenario-example', textContent: 'New from an example' }),
      examples,
    ]),
    element('div', { className: 'field wide' }, [
      element('label', { htmlFor: 'scenario-file', textContent: 'New from a scenario file (JSON)' }),
      fileInput,
      fileErrors,
    ]),
  );

  const fillPicker = async (selected: string) => {
    const all = await store.list();
    picker.replaceChildren(...all.map((s) => element('option', { value: s.id, textContent: nameOf(s) })));
    picker.value = selected;
  };
  const create = async (raw: Json) => {
    const record: SavedScenario = { id: newScenarioId(), raw, updatedAt: Date.now() };
    await store.put(record);
    await fillPicker(record.id);
    hooks.open(record);
  };

  picker.addEventListener('change', async () => {
    const record = await store.get(picker.value);
    if (record) hooks.open(record);
  });
  examples.addEventListener('change', async () => {
    const raw = EXAMPLES.get(examples.value);
    examples.value = '';
    if (raw) await create(structuredClone(raw));
  });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    fileErrors.replaceChildren();
    const text = await file.text();
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      fileErrors.append(element('li', { textContent: `${file.name}: not loaded, the current scenario is kept` }));
      for (const e of parsed.errors) fileErrors.append(element('li', { textContent: formatScenarioError(e) }));
      return;
    }
    await create(JSON.parse(text) as Json);
  });
  duplicate.addEventListener('click', () =>
    create({ ...structuredClone(hooks.current().raw), name: `${nameOf(hooks.current())} (copy)` }),
  );
  remove.addEventListener('click', async () => {
    const doomed = hooks.current();
    if (!window.confirm(`Delete "${nameOf(doomed)}"? This cannot be undone.`)) return;
    await store.remove(doomed.id);
    const rest = await store.list();
    if (rest.length === 0) await create(structuredClone(EXAMPLES.get(DEFAULT_EXAMPLE) as Json));
    else {
      await fillPicker(rest[0].id);
      hooks.open(rest[0]);
    }
  });
  exportJson.addEventListener('click', () => {
    const raw = hooks.current().raw;
    download(`${fileSlug(String(raw.name ?? 'scenario'))}.json`, `${JSON.stringify(raw, null, 2)}\n`, 'application/json');
  });

  return {
    /** The scenario to open first: one in the URL, else the last one open, else the newest, else the default example. */
    async initial(lastId: string | null): Promise<SavedScenario> {
      const param = new URLSearchParams(location.hash.replace(/^#[^&]*&?/, '')).get('s');
      if (param) {
        history.replaceState(null, '', '#plan');
        const record: SavedScenario = { id: newScenarioId(), raw: scenarioFromUrlParam(param), updatedAt: Date.now() };
        await store.put(record);
        await fillPicker(record.id);
        return record;
      }
      const all = await store.list();
      let record = (lastId && all.find((s) => s.id === lastId)) || all[0];
      if (!record) {
        record = { id: newScenarioId(), raw: structuredClone(EXAMPLES.get(DEFAULT_EXAMPLE) as Json), updatedAt: Date.now() };
        await store.put(record);
      }
      await fillPicker(record.id);
      return record;
    },
    /** After an edit: the name in the list and the link follow the scenario. */
    refresh(record: SavedScenario): void {
      const option = [...picker.options].find((o) => o.value === record.id);
      if (option) option.textContent = nameOf(record);
      link.href = `${location.pathname}#plan&s=${scenarioToUrlParam(record.raw)}`;
    },
  };
}
