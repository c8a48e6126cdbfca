/**
 * Where a recorded figure came from: date (UTC), commit (marked when the given paths have uncommitted
 * changes) and a one-line machine summary. Shared by the bench and eval writers of docs/.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Provenance {
  readonly date: string;
  readonly commit: string;
  readonly machine: string;
}

/** `dirtyPaths`: the paths whose uncommitted edits would change the figures (default: every tracked file). */
export function provenance(repoRoot: string, dirtyPaths: readonly string[] = []): Provenance {
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      // No opportunistic index refresh: someone may be committing in this repository at the same time.
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    }).trim();
  let commit = "unknown";
  try {
    commit = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--untracked-files=no", "--", ...dirtyPaths) !== "";
    if (dirty)
      commit +=
        dirtyPaths.length === 0
          ? " (+ uncommitted changes)"
          : ` (+ uncommitted changes in ${dirtyPaths.join(", ")})`;
  } catch {
    // Not a git checkout (an unpacked tarball): the figures are still worth keeping.
  }
  return { date: new Date().toISOString().slice(0, 10), commit, machine: machineSummary() };
}

export function machineSummary(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const memoryGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.availableParallelism()} cores, ${cpu}, ${memoryGiB} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
