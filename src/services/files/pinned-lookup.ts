/**
 * A `lookup` for http(s).request that answers only with addresses the SSRF guard already approved, so the
 * socket cannot connect anywhere a second (rebinding) DNS answer points to.
 */
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";

export function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
    const candidates = family === 0 ? addresses : addresses.filter((entry) => entry.family === family);
    const first = candidates[0];
    if (first === undefined) {
      const error: NodeJS.ErrnoException = new Error(`no approved IPv${family} address for this host`);
      error.code = "ENOTFOUND";
      callback(error, "", 0);
    } else if (options.all) {
      // Happy-eyeballs (autoSelectFamily, on by default) asks for every address at once.
      callback(
        null,
        candidates.map((entry) => ({ ...entry })),
      );
    } else {
      callback(null, first.address, first.family);
    }
  };
}
