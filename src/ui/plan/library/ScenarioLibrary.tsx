import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { QuarantinedRecord, SavedScenario } from '../../state/savedScenario';
import type { Session } from '../../state/session';
import { LibraryActions } from './LibraryActions';
import { NewScenario } from './NewScenario';
import { Quarantine } from './Quarantine';
import { ScenarioPicker } from './ScenarioPicker';

interface LibraryProps {
  session: Session;
  record: SavedScenario;
  /** bumps when another scenario is opened (or this one changed elsewhere): the list is read again */
  opened: number;
}

/** The saved scenarios: pick one, act on the open one, start a new one; unreadable records apart. */
export function ScenarioLibrary({ session, record, opened }: LibraryProps) {
  const saved = useSignal<SavedScenario[]>([]);
  const quarantined = useSignal<QuarantinedRecord[]>([]);
  const reload = async () => {
    saved.value = await session.store.list().catch(() => []);
    quarantined.value = await session.store.quarantined().catch(() => []);
  };
  useEffect(() => void reload(), [opened]);
  const remove = async (key: string) => {
    await session.store.removeQuarantined(key);
    await reload();
  };
  return (
    <div class="library">
      <ScenarioPicker session={session} saved={saved.value} record={record} />
      <LibraryActions session={session} record={record} />
      <NewScenario session={session} />
      <Quarantine records={quarantined.value} remove={(key) => void remove(key)} />
    </div>
  );
}
