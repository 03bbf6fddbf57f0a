/**
 * The three service-level definitions planners meet in WFM suites. With no
 * abandonment they coincide; with abandonment they differ by several points,
 * so every SL the product shows names its definition.
 */
export type SlDefinition = 'abandonsCount' | 'answeredOnly' | 'shortAbandonsExcluded';

export const SL_DEFINITIONS: readonly SlDefinition[] = ['abandonsCount', 'answeredOnly', 'shortAbandonsExcluded'];

export const DEFAULT_SL_DEFINITION: SlDefinition = 'abandonsCount';

/** Short names for choosing a definition, with T standing for the threshold. */
export const SL_DEFINITION_NAMES: Record<SlDefinition, string> = {
  abandonsCount: 'within T ÷ (answered + abandoned)',
  answeredOnly: 'within T ÷ answered',
  shortAbandonsExcluded: 'within T ÷ (answered + abandoned after T)',
};

/** The formula, in words, with the threshold filled in. */
export function slFormula(definition: SlDefinition, targetSeconds: number): string {
  const within = `answered within ${targetSeconds} s`;
  switch (definition) {
    case 'abandonsCount':
      return `${within} ÷ (answered + abandoned)`;
    case 'answeredOnly':
      return `${within} ÷ answered`;
    case 'shortAbandonsExcluded':
      return `${within} ÷ (answered + abandoned after ${targetSeconds} s)`;
  }
}

/** Shares of arrivals, as an analytic model or a simulation counts them. */
export interface SlCounts {
  answeredWithin: number;
  answered: number;
  abandoned: number;
  abandonedWithin: number;
}

/** SL under a definition; null when its denominator is empty (no calls). */
export function serviceLevel(definition: SlDefinition, c: SlCounts): number | null {
  const denominator =
    definition === 'abandonsCount'
      ? c.answered + c.abandoned
      : definition === 'answeredOnly'
        ? c.answered
        : c.answered + c.abandoned - c.abandonedWithin;
  return denominator > 0 ? c.answeredWithin / denominator : null;
}
