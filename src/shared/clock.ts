/** Time source, injectable so that tests of expiry and rate limits do not sleep. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
