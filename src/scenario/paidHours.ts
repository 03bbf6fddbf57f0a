import type { ShiftTemplate } from './schema';

/** A template's paid hours: its length less its unpaid breaks (paid breaks count). */
export const templatePaidHours = (t: Pick<ShiftTemplate, 'lengthMinutes' | 'breaks'>): number =>
  (t.lengthMinutes - t.breaks.reduce((sum, b) => sum + (b.paid ? 0 : b.minutes), 0)) / 60;
