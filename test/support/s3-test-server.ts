/**
 * A real S3-protocol server for tests: s3rver in a child process on 127.0.0.1 and a random port,
 * storing into a temporary directory, with one bucket created at startup and removed with it.
 */
// s3rver runs as a child process rather than in-process because it installs a winston logger with
// process-wide exception handlers and would share our event loop; a separate process also makes the
// SDK talk to it over a real socket exactly as it would to MinIO or AWS.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";

export interface S3TestServer {
  /** http://127.0.0.1:<port>, for a path-style client (s3rver's vhost mode needs DNS tricks). */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  /** s3rver verifies SigV4 signatures (presigned URLs included) against this fixed key pair. */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 15_000;
const BUCKET = "quire-test";

export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "quire-s3rver-"));
  const bin = createRequire(import.meta.url).resolve("s3rver/bin/s3rver.js");
  const child = spawn(
    process.execPath,
    [bin, "--directory", directory, "--address", "127.0.0.1", "--port", "0", "--silent"].concat([
      "--configure-bucket",
      BUCKET,
    ]),
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const port = await waitForPort(child);
    return {
      endpoint: `http://127.0.0.1:${port}`,
      bucket: BUCKET,
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * One server per test file, started on first use (so a file whose tests are all filtered out
 * spawns nothing) and stopped in after().
 */
export function useS3TestServer(): () => Promise<S3TestServer> {
  let started: Promise<S3TestServer> | undefined;
  after(async () => {
    if (started !== undefined) await (await started).stop();
  });
  return () => {
    started ??= startS3TestServer();
    return started;
  };
}

/** s3rver prints "S3rver listening on <address>:<port>" once it accepts connections. */
function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const fail = (reason: string): void => {
      clearTimeout(timer);
      reject(new Error(`s3rver did not start: ${reason}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail(`no port after ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.stderr?.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      const match = /listening on [^\s]+:(\d+)/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`exited with ${signal ?? code}`));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const forced = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(forced);
}
