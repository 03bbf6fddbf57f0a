/**
 * Caller patience from per-call records (the Israeli bank's raw files): among
 * callers who queued, those who hung up reveal their patience; those who were
 * served before it ran out are censored at their wait.
 */
export interface QueuedCall {
  waitSeconds: number;
  abandoned: boolean;
}

export interface PatienceEstimate {
  queued: number;
  abandoned: number;
  /** exponential patience, maximum likelihood: total wait of all queued callers ÷ abandonments, s */
  meanSeconds: number;
  /** Kaplan–Meier survival of patience at chosen waits */
  survival: { seconds: number; survival: number }[];
  /** the wait by which half would have given up (Kaplan–Meier), s; null if never */
  medianSeconds: number | null;
}

/**
 * Reads the raw tab-separated call records (17 columns, header first): PHANTOM
 * calls are ignored; rows with fewer fields, or a wait that is not seconds
 * within a day, are reported by line, not guessed.
 */
export function readQueuedCalls(text: string): { calls: QueuedCall[]; skipped: string[] } {
  const calls: QueuedCall[] = [];
  const skipped: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '') continue;
    const f = line.split('\t');
    if (f.length < 17 || f[0].trim() === '') {
      skipped.push(`line ${k + 1}: ${f.length} fields, expected 17`);
      continue;
    }
    const outcome = f[12].trim();
    const queueStart = f[9].trim();
    if (outcome === 'PHANTOM' || queueStart === '0:00:00' || queueStart === '00:00:00' || queueStart === '') continue;
    const wait = f[11].trim();
    // Whole or decimal seconds within a day: anything else ("abc", "1,5", -5, 1e309) is no wait to learn from.
    const waitSeconds = /^\d+(\.\d+)?$/.test(wait) ? Number(wait) : Number.NaN;
    if (!(waitSeconds <= MAX_WAIT_SECONDS)) {
      skipped.push(
        `line ${k + 1}: the wait (field 12) must be seconds from 0 to ${MAX_WAIT_SECONDS.toLocaleString('en-US')}, got "${wait.slice(0, 40)}"`,
      );
      continue;
    }
    calls.push({ waitSeconds, abandoned: outcome === 'HANG' });
  }
  return { calls, skipped };
}

/** The longest wait a record may give: a day. */
const MAX_WAIT_SECONDS = 86_400;

export function estimatePatience(calls: QueuedCall[], at = [5, 10, 30, 60, 120, 180, 300, 600]): PatienceEstimate {
  const abandoned = calls.filter((c) => c.abandoned).length;
  const totalWait = calls.reduce((a, c) => a + c.waitSeconds, 0);
  // Kaplan–Meier: at each wait where someone abandons, S ×= 1 − abandons ÷ still waiting.
  const sorted = [...calls].sort((a, b) => a.waitSeconds - b.waitSeconds);
  const steps: [number, number][] = [];
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const t = sorted[i].waitSeconds;
    const atRisk = sorted.length - i;
    let events = 0;
    let j = i;
    // j passes i at least once, so a wait that equals nothing, not even itself (NaN), cannot stop the loop.
    for (; j < sorted.length && (j === i || sorted[j].waitSeconds === t); j++) if (sorted[j].abandoned) events++;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      steps.push([t, survival]);
    }
    i = j;
  }
  const at_ = (x: number) => {
    let s = 1;
    for (const [t, v] of steps) {
      if (t > x) break;
      s = v;
    }
    return s;
  };
  const median = steps.find(([, v]) => v <= 0.5);
  return {
    queued: calls.length,
    abandoned,
    meanSeconds: abandoned > 0 ? totalWait / abandoned : Number.POSITIVE_INFINITY,
    survival: at.map((seconds) => ({ seconds, survival: at_(seconds) })),
    medianSeconds: median ? median[0] : null,
  };
}
