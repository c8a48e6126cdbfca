/** Exhaustiveness guard for switches over unions: a missed case fails to compile. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
