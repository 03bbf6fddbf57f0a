/** A history CSV of `days` days of 30-minute counts from Monday 2026-01-05, 08:00–10:00, with a weekday pattern. */
export function syntheticHistory(days: number): string {
  const rows = ['time,calls'];
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
    for (const [k, clock] of ['08:00', '08:30', '09:00', '09:30'].entries())
      rows.push(`${date} ${clock},${10 + (d % 7) + k * 3}`);
  }
  return rows.join('\n');
}
