/** How long a check by simulation runs unless told: replications per step (of each day) and most steps. */
export const CHECK_LENGTH = { replications: 10, maxSteps: 6 };
