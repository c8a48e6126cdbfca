/**
 * Runs Quire the way users do (`node src/main.ts serve` as a child process) on a free loopback port
 * with a temp data dir and a known API key, so benchmarks measure the real server, not an in-process
 * app sharing the load generator's event loop.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface QuireProcess {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly pid: number;
  /** Peak resident set size so far (VmHWM), in bytes; undefined off Linux. */
  peakRssBytes(): Promise<number | undefined>;
  /** Cumulative scheduler figures for the server; undefined off Linux. Diff two readings. */
  schedStats(): Promise<SchedStats | undefined>;
  /** SIGTERM (graceful drain), SIGKILL after 15 s; removes the temp data dir. Idempotent. */
  stop(): Promise<void>;
}

export interface SchedStats {
  /** CPU time of all the server's threads (event loop, GC helpers, libuv pool), ms. */
  readonly cpuMs: number;
  /**
   * Time the event-loop thread was runnable but waiting for a core, ms. On a shared 2-core machine
   * this is the noise gauge: it grows when other processes (or the load generator) take the CPU.
   */
  readonly mainRunqueueWaitMs: number;
}

export interface StartOptions {
  /** Directory holding src/main.ts and package.json; default this checkout (see commit-snapshot.ts). */
  readonly root?: string;
  /** PostgreSQL URL; unset means embedded PGlite in the temp data dir. */
  readonly databaseUrl?: string | undefined;
  /** Extra flags for the server's node (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export async function startQuire(options: StartOptions = {}): Promise<QuireProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "quire-bench-"));
  const apiKey = `sk_bench_${randomBytes(16).toString("hex")}`;
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    QUIRE_DATA_DIR: dataDir,
    QUIRE_API_KEY: apiKey,
    // The benchmark is the only client; the default limiter would turn the measurement into 429s.
    RATE_LIMIT_PER_SECOND: "0",
    // One log line per request at info would put pino's cost in every figure.
    LOG_LEVEL: "warn",
    DATABASE_URL: options.databaseUrl,
    ...options.env,
  };
  if (options.databaseUrl === undefined) delete env.DATABASE_URL;

  // process.execPath directly (not npm) so child.pid is the server itself, whose VmHWM we read.
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "src/main.ts", "serve"], {
    cwd: options.root ?? REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = captureTail(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const outcome = await Promise.race([exited, sleep(15_000, "timeout" as const)]);
        if (outcome === "timeout") {
          child.kill("SIGKILL");
          await exited;
        }
      }
      await rm(dataDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  try {
    await waitForHealthy(baseUrl, exited, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    apiKey,
    pid: child.pid!,
    peakRssBytes: () => readPeakRss(child.pid!),
    schedStats: () => readSchedStats(child.pid!),
    stop,
  };
}

async function waitForHealthy(
  baseUrl: string,
  exited: Promise<number | null>,
  output: () => string,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  // Migrations on a fresh PGlite take a few seconds on this machine; 60 s leaves room for a slow disk.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`Quire exited with code ${exitCode} before becoming healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`Quire did not answer GET /healthz = 200 within 60 s:\n${output()}`);
}

/** Keeps the last lines the server printed, so a failed start explains itself. */
function captureTail(child: ChildProcess): () => string {
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => tail;
}

/** Binds port 0 and releases it; the tiny race with other processes is acceptable for a benchmark. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error("could not allocate a port"));
      });
    });
  });
}

async function readPeakRss(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * Process CPU from /proc/<pid>/stat (utime + stime, all threads including exited ones, in clock ticks
 * of 10 ms: USER_HZ is 100 on every mainstream Linux build) and the event-loop thread's runqueue wait
 * from /proc/<pid>/task/<pid>/schedstat ("<ns on cpu> <ns waiting on a runqueue> <timeslices>").
 */
async function readSchedStats(pid: number): Promise<SchedStats | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 overall.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    const schedstat = (await readFile(`/proc/${pid}/task/${pid}/schedstat`, "utf8")).trim().split(" ");
    return { cpuMs: ticks * 10, mainRunqueueWaitMs: Number(schedstat[1]) / 1e6 };
  } catch {
    return undefined;
  }
}
