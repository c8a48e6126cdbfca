/**
 * An AbortSignal that fires when the run is cancelled (or deleted) by anyone, in any process, or when
 * the job itself is aborted (reclaimed, queue stopping). In-process cancels are seen at once through
 * run events; other processes' cancels through a cheap status poll.
 */
import { findRunStatus } from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";

const POLL_MS = 500;

export function watchForCancellation(
  ctx: ServiceContext,
  runId: string,
  jobSignal: AbortSignal,
): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  const abort = (reason: string) => {
    if (!controller.signal.aborted) controller.abort(new Error(reason));
  };
  const check = async () => {
    const status = await findRunStatus(ctx.db, runId).catch(() => "PROCESSING" as const);
    if (status === undefined || status === "CANCELLED") abort("run cancelled");
  };
  const onJobAbort = () => abort("job aborted");
  jobSignal.addEventListener("abort", onJobAbort, { once: true });
  const unsubscribe = ctx.runEvents.onceFinished(runId, () => void check());
  const timer = setInterval(() => void check(), POLL_MS);
  timer.unref();
  if (jobSignal.aborted) onJobAbort();
  return {
    signal: controller.signal,
    stop() {
      clearInterval(timer);
      unsubscribe();
      jobSignal.removeEventListener("abort", onJobAbort);
    },
  };
}
