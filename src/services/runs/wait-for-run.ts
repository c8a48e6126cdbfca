/**
 * The sync endpoints' wait: resolves when the run reaches a terminal status or the timeout passes.
 * Woken at once by in-process completion events; a slow poll covers runs finished by other processes.
 */
import { isTerminal } from "../../domain/run-status.ts";
import { findRunStatus } from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";

const POLL_MS = 250;

export async function waitForRun(
  ctx: ServiceContext,
  runId: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && signal?.aborted !== true) {
    const status = await findRunStatus(ctx.db, runId);
    if (status === undefined || isTerminal(status)) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.min(POLL_MS * 4, deadline - Date.now()));
      const unsubscribe = ctx.runEvents.onceFinished(runId, done);
      signal?.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        unsubscribe();
        signal?.removeEventListener("abort", done);
        resolve();
      }
    });
  }
}
