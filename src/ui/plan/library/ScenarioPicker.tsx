import type { SavedScenario } from '../../state/savedScenario';
import type { Session } from '../../state/session';

/** The saved scenarios to pick from; the open one by its name as edited, listed even before its first save lands. */
export function ScenarioPicker({ session, saved, record }: { session: Session; saved: SavedScenario[]; record: SavedScenario }) {
  const shown = saved.some((s) => s.id === record.id) ? saved : [record, ...saved];
  return (
    <div class="field wide">
      <label for="scenario-picker">Saved scenario</label>
      <select id="scenario-picker" value={record.id} onChange={(e) => void session.open(e.currentTarget.value)}>
        {shown.map((s) => (
          <option key={s.id} value={s.id}>
            {String(s.id === record.id ? record.raw.name : s.raw.name)}
          </option>
        ))}
      </select>
    </div>
  );
}
