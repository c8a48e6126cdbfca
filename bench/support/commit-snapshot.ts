/**
 * A clean export of one commit (`git archive`) to run the server from, for `--ref`: in a shared
 * checkout the working tree is often mid-edit, and a benchmark should name exactly the code it ran.
 * node_modules is the checkout's own (linked), so dependencies are those installed now.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./quire-process.ts";

export interface CommitSnapshot {
  readonly root: string;
  /** Short hash of the exported commit. */
  readonly commit: string;
  remove(): Promise<void>;
}

export async function exportCommit(ref: string): Promise<CommitSnapshot> {
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    }).trim();
  const commit = git("rev-parse", "--short", `${ref}^{commit}`);
  const root = await mkdtemp(path.join(tmpdir(), `quire-${commit}-`));
  // Through a pipe, not a temp tarball: `git archive` writes to stdout, tar reads stdin.
  execFileSync("sh", ["-c", `git archive --format=tar "$1" | tar -x -C "$2"`, "sh", commit, root], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return { root, commit, remove: () => rm(root, { recursive: true, force: true }) };
}
