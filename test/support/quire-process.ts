/**
 * Quire as a real child process, started exactly as operators do (`node src/main.ts serve` with env
 * vars), for end-to-end tests of startup, the CLI, signals and crash recovery.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";

const MAIN = path.resolve("src/main.ts");

export interface QuireProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Sends the signal and resolves with the exit code (null if killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/**
 * Starts `node src/main.ts <args>` and waits until it is ready: GET /healthz = 200, or for a process
 * without HTTP (`--role worker`) its "quire ready" log line.
 */
export async function startQuireProcess(
  env: Readonly<Record<string, string>>,
  args: readonly string[] = ["serve"],
): Promise<QuireProcess> {
  const isWorker = args.includes("worker");
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, LOG_LEVEL: isWorker ? "info" : "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = once(child, "exit");
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`quire exited with ${child.exitCode}: ${err}${out}`);
    const healthy = isWorker
      ? out.includes('"msg":"quire ready"')
      : await fetch(`${baseUrl}/healthz`).then(
          (response) => response.status === 200,
          () => false,
        );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`quire did not become healthy: ${err}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    baseUrl,
    stdout: () => out,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** Runs `node src/main.ts <args>` to completion. */
export async function runQuireCommand(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}
