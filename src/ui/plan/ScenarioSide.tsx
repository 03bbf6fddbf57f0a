import { useState } from 'preact/hooks';
import { PATIENCE_ESTIMATE_KEY } from '../forecast/patienceEstimate';
import type { Session } from '../state/session';
import { ScenarioForm } from './form/ScenarioForm';
import { ScenarioLibrary } from './library/ScenarioLibrary';
import { ScaleActions } from './ScaleActions';
import { sideState } from './sideState';
import { VolumeImport } from './volumes/VolumeImport';

/** The scenario side: library, CSV import, scaling, description and the form. */
export function ScenarioSide({ session, storage }: { session: Session; storage: Storage }) {
  const [side] = useState(() => sideState(session));
  const record = side.record.value;
  return (
    <section class="panel form" aria-label="Scenario">
      <h1>Plan a day</h1>
      <ScenarioLibrary session={session} record={record} opened={side.opened.value} />
      <VolumeImport session={session} />
      <ScaleActions session={session} />
      <p class="lede">{String(record.raw.description ?? '')}</p>
      <ScenarioForm form={side.form} record={record} drafts={side.drafts.value} hints={patienceHint(storage)} />
    </section>
  );
}

/** The patience estimated from call records (Forecast page), shown beside the planner's own value. */
function patienceHint(storage: Storage): Record<string, string> {
  try {
    const estimate = JSON.parse(storage.getItem(PATIENCE_ESTIMATE_KEY) ?? 'null') as {
      meanSeconds: number;
      source: string;
    } | null;
    return estimate ? { 'patience.meanSeconds': `data: ${Math.round(estimate.meanSeconds)} s (${estimate.source})` } : {};
  } catch {
    return {};
  }
}
