import { saveJson } from '../../download';
import type { SavedScenario } from '../../state/savedScenario';
import type { Session } from '../../state/session';
import { MAX_LINK_LENGTH, scenarioToUrlParam } from '../../state/shareLink';

/** Duplicate, delete (undo brings it back) or download the open scenario, or copy a link that reopens it. */
export function LibraryActions({ session, record }: { session: Session; record: SavedScenario }) {
  const { raw } = record;
  const href = `${location.pathname}#plan&s=${scenarioToUrlParam(raw)}`;
  const fits = href.length <= MAX_LINK_LENGTH;
  const duplicate = () => void session.create({ ...structuredClone(raw), name: `${String(raw.name)} (copy)`.slice(0, 200) });
  const remove = () => {
    if (window.confirm(`Delete "${String(raw.name)}"? Undo brings it back.`)) void session.remove(record.id);
  };
  return (
    <div class="actions">
      <button type="button" id="duplicate-scenario" onClick={duplicate}>
        Duplicate
      </button>
      <button type="button" id="delete-scenario" onClick={remove}>
        Delete
      </button>
      <button type="button" id="download-scenario" onClick={() => saveJson(String(raw.name), raw)}>
        Download JSON
      </button>
      <a id="scenario-link" hidden={!fits} href={fits ? href : undefined}>
        Link to this scenario
      </a>
      <span class="note" id="scenario-link-note">
        {fits
          ? ''
          : `Too large for a link (${Math.round(href.length / 1000)} k characters): download the JSON file and share that.`}
      </span>
    </div>
  );
}
