/**
 * Processor version numbering (behaviour.md §3.6): published versions are "major.minor"; a major
 * release goes to N+1.0, a minor one to N.M+1, starting from 0.0 (so the first minor is "0.1").
 */
export type ReleaseType = "major" | "minor";

export function nextVersion(
  latest: { readonly major: number; readonly minor: number } | undefined,
  releaseType: ReleaseType,
): { major: number; minor: number; version: string } {
  const major = latest?.major ?? 0;
  const minor = latest?.minor ?? 0;
  const next = releaseType === "major" ? { major: major + 1, minor: 0 } : { major, minor: minor + 1 };
  return { ...next, version: `${next.major}.${next.minor}` };
}

/** "1.0", "12.3" — a published version string (not "draft" or "latest", not an id). */
export function isVersionString(value: string): boolean {
  return /^\d+\.\d+$/.test(value);
}
