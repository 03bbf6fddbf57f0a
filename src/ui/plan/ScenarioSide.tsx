import { scaleAht, scaleDemand } from '../../scenario';
import { PATIENCE_ESTIMATE_KEY } from '../forecast/patienceEstimate';
import { Mount } from '../Mount';
import { scenarioForm } from '../scenarioForm';
import { scenarioLibrary } from '../scenarioLibrary';
import type { Session } from '../state/session';
import { volumeImport } from '../volumeImport';
import { scaleActions } from './scaleActions';

/** The scenario side: library, CSV import, scaling, description and form (imperative panels, mounted once). */
export function ScenarioSide({ session, storage }: { session: Session; storage: Storage }) {
  const draw = (el: HTMLElement) => {
    const box = (className: string) => Object.assign(document.createElement('div'), { className });
    const [library, volumes, scale] = [box('library'), box('library volumes'), box('library scale')];
    const description = Object.assign(document.createElement('p'), { className: 'lede' });
    const form = Object.assign(document.createElement('form'), { className: 'plan-form', noValidate: true });
    el.append(library, volumes, scale, description, form);
    const lib = scenarioLibrary(library, session);
    volumeImport(volumes, session);
    scaleActions(scale, session, { demand: scaleDemand, aht: scaleAht });
    const fields = scenarioForm(form, session, () => patienceHint(storage));
    const opened = () => {
      fields.show();
      description.textContent = String(session.current().raw.description ?? '');
      void lib.reload().then(() => lib.refresh());
    };
    session.subscribe((change) => {
      if (change.kind === 'open' || change.kind === 'external') opened();
      else if (change.kind === 'edit') {
        fields.follow();
        lib.refresh();
      }
    });
    opened();
  };
  return (
    <section class="panel form" aria-label="Scenario">
      <h1>Plan a day</h1>
      <Mount draw={draw} deps={[]} />
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
