/**
 * Waits (bounded) for other processes to stop using the CPU before a measurement starts. On a shared
 * 2-core machine a neighbour's test suite can double every latency; this keeps such runs rarer and
 * reports the background load that remained, so a noisy figure is visibly noisy.
 */
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

/** Background CPU below this share of the whole machine counts as quiet. */
const QUIET_SHARE = 0.15;

/** Share (0–1) of all cores busy over the sampling window, from /proc/stat; undefined off Linux. */
export async function machineBusyShare(windowMs = 1000): Promise<number | undefined> {
  const first = await readCpuTimes();
  await sleep(windowMs);
  const second = await readCpuTimes();
  if (first === undefined || second === undefined) return undefined;
  const total = second.total - first.total;
  return total <= 0 ? undefined : (second.busy - first.busy) / total;
}

/**
 * Call only while the benchmark itself is idle: every busy cycle is then someone else's. Resolves with
 * the last busy share seen (undefined off Linux) after at most maxWaitSeconds.
 */
export async function waitForQuietMachine(
  maxWaitSeconds: number,
  log: (message: string) => void,
): Promise<number | undefined> {
  const deadline = Date.now() + maxWaitSeconds * 1000;
  let share = await machineBusyShare();
  let warned = false;
  while (share !== undefined && share > QUIET_SHARE && Date.now() < deadline) {
    if (!warned)
      log(`  machine busy (${Math.round(100 * share)}% of all cores); waiting up to ${maxWaitSeconds} s`);
    warned = true;
    share = await machineBusyShare();
  }
  if (warned && share !== undefined && share > QUIET_SHARE) {
    log(`  still busy (${Math.round(100 * share)}%); measuring anyway`);
  }
  return share;
}

async function readCpuTimes(): Promise<{ busy: number; total: number } | undefined> {
  try {
    const line = (await readFile("/proc/stat", "utf8")).split("\n")[0] ?? "";
    // cpu user nice system idle iowait irq softirq steal …; idle and iowait are the not-busy ones.
    const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}
