/**
 * Runs a measurement with this whole process confined to one CPU, so "one core" means one core and not
 * "one page at a time" (which on a 2-core machine still lets node measure a page on the second core while
 * tesseract reads it). Every thread of the process is pinned with `taskset -a -p` (Node has no affinity
 * API); worker threads and child processes started meanwhile inherit the pin. The original mask is put
 * back afterwards. Linux with util-linux's taskset only: elsewhere the measurement is not taken.
 */
import { spawnSync } from "node:child_process";

function taskset(args: readonly string[]): string | undefined {
  const result = spawnSync("taskset", args, { encoding: "utf8" });
  return result.status === 0 ? result.stdout : undefined;
}

/** This process's CPU list as taskset reports it ("0,1", "0-3"), or undefined without taskset. */
function currentCpuList(): string | undefined {
  const output = taskset(["-c", "-p", String(process.pid)]);
  return output?.split(":").pop()?.trim();
}

/**
 * `work()` with every thread of this process on the first CPU it may use; undefined (work not run) when
 * the process cannot be pinned. Worker threads still running afterwards keep the pin: `work` must close
 * what it starts (the EnginePool measurements do).
 */
export async function onOneCore<T>(work: () => Promise<T>): Promise<T | undefined> {
  const original = currentCpuList();
  const first = original?.split(/[,-]/)[0];
  if (original === undefined || first === undefined || first === "") return undefined;
  if (taskset(["-a", "-c", "-p", first, String(process.pid)]) === undefined) return undefined;
  try {
    return await work();
  } finally {
    taskset(["-a", "-c", "-p", original, String(process.pid)]);
  }
}
