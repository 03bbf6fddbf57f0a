/** Where the Forecast page leaves the patience estimated from call records, for the plan form to show beside the planner's value. */
export const PATIENCE_ESTIMATE_KEY = 'wfm.patienceEstimate';

/** Keeps the estimate; storage that is blocked or full only loses the hint, never an edit. */
export function savePatienceEstimate(storage: Storage, meanSeconds: number, source: string): void {
  try {
    storage.setItem(PATIENCE_ESTIMATE_KEY, JSON.stringify({ meanSeconds, source }));
  } catch {
    // The hint is a convenience.
  }
}
