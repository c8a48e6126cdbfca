/**
 * Starts short-lived commands (one tesseract per page) from a long-lived `/bin/sh` instead of from this
 * process. Linux forks a process by copying its page tables, so spawn() costs in proportion to the
 * spawning process's memory: measured here, about 1 ms from a 10 MB process, 14 ms of CPU from 500 MB
 * and 30 ms from 1.5 GB (the embedded-database server), during which the calling thread is blocked. The
 * shell is small, so each command it starts costs about a millisecond; it is spawned once, on first use.
 *
 * Protocol: each job is one line of shell on the shell's stdin that starts the command in the background
 * with its output in files and reports on the shell's stdout `S <job> <pid>` once started and
 * `E <job> <status>` when it ends (short lines: writes to a pipe under PIPE_BUF are atomic, so concurrent
 * jobs never interleave). A job is killed by its pid. If the shell dies, its running jobs fail and the
 * next job starts a new one.
 *
 * When the thread that started the shell goes away without closing it (a parse aborted by terminating its
 * worker thread), the shell reads the end of its input and, before it exits, removes this launcher's
 * output files and any `leftovers` the owner names (the engine's page images): nothing is left in the
 * temporary folder. Commands still running then finish on their own.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile, unlink } from "node:fs/promises";
import path from "node:path";

export interface LaunchOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface LaunchOptions {
  /** The command is killed (SIGKILL) after this long and the call rejects. */
  readonly timeoutMs: number;
  /** Aborting kills the command; the call rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

interface Job {
  pid: number | undefined;
  killed: boolean;
  readonly finish: (status: number | Error) => void;
}

interface Referenced {
  ref?(): void;
  unref?(): void;
}

/** Exit status the shell reports for a command killed by a signal: 128 + the signal number. */
const SIGNALLED = 128;

export class ShellLauncher {
  readonly #environment: NodeJS.ProcessEnv;
  readonly #directory: string;
  readonly #prefix = `quire-launch-${randomUUID()}`;
  #shell: ChildProcessWithoutNullStreams | undefined;
  #pending = "";
  readonly #jobs = new Map<number, Job>();
  #nextId = 0;
  #closed = false;
  readonly #leftovers: readonly string[];

  /**
   * `environment` for every command (the shell's own); output files go to `directory`. `leftovers`: name
   * prefixes of the owner's own files in `directory`, removed with this launcher's when the shell ends at
   * the end of its input.
   */
  constructor(environment: NodeJS.ProcessEnv, directory: string, leftovers: readonly string[] = []) {
    this.#environment = environment;
    this.#directory = directory;
    this.#leftovers = leftovers;
  }

  /** Runs `command args…`; resolves with its exit code and output, whatever the code. */
  run(command: string, args: readonly string[], options: LaunchOptions): Promise<LaunchOutput> {
    if (this.#closed) return Promise.reject(new Error("The launcher is closed"));
    options.signal?.throwIfAborted();
    const shell = this.#started();
    const id = this.#nextId++;
    const files = {
      stdout: path.join(this.#directory, `${this.#prefix}-${id}.out`),
      stderr: path.join(this.#directory, `${this.#prefix}-${id}.err`),
    };
    return new Promise<LaunchOutput>((resolve, reject) => {
      const kill = () => {
        job.killed = true;
        if (job.pid !== undefined) signalProcess(job.pid);
      };
      const timer = setTimeout(kill, options.timeoutMs);
      options.signal?.addEventListener("abort", kill, { once: true });
      const job: Job = {
        pid: undefined,
        killed: false,
        finish: (status) => {
          clearTimeout(timer);
          options.signal?.removeEventListener("abort", kill);
          this.#jobs.delete(id);
          if (this.#jobs.size === 0) this.#keepAlive(false);
          const settled = collect(files, status, job.killed, command);
          const signal = options.signal;
          if (signal?.aborted === true) {
            const aborted = () => reject(signal.reason);
            settled.then(aborted, aborted);
          } else settled.then(resolve, reject);
        },
      };
      this.#jobs.set(id, job);
      this.#keepAlive(true);
      const line = [command, ...args].map(quote).join(" ");
      shell.stdin.write(
        `{ ${line} >${quote(files.stdout)} 2>${quote(files.stderr)} </dev/null & p=$!; ` +
          `echo "S ${id} $p"; wait $p; echo "E ${id} $?"; } &\n`,
      );
    });
  }

  /** Kills every running command and the shell; later calls reject. */
  close(): void {
    this.#closed = true;
    for (const job of this.#jobs.values()) {
      job.killed = true;
      if (job.pid !== undefined) signalProcess(job.pid);
    }
    this.#shell?.kill("SIGKILL");
    // The inner shell that reads the jobs (see #started) ends at the end of its input.
    this.#shell?.stdin.end();
  }

  #started(): ChildProcessWithoutNullStreams {
    if (this.#shell !== undefined) return this.#shell;
    // An inner shell reads the jobs; when its input ends (this thread is gone), the outer one clears up.
    const patterns = [this.#prefix, ...this.#leftovers]
      .map((prefix) => `${quote(path.join(this.#directory, prefix))}-*`)
      .join(" ");
    const script = `/bin/sh -s; rm -f -- ${patterns}`;
    const shell = spawn("/bin/sh", ["-c", script], {
      stdio: ["pipe", "pipe", "pipe"],
      env: this.#environment,
    });
    this.#shell = shell;
    this.#pending = "";
    shell.stdout.setEncoding("utf8");
    shell.stdout.on("data", (chunk: string) => this.#read(chunk));
    shell.stderr.resume();
    // Writes to a shell that has died fail here; its exit handler fails the jobs.
    shell.stdin.on("error", () => {});
    const gone = (reason: string) => {
      if (this.#shell !== shell) return;
      this.#shell = undefined;
      for (const job of [...this.#jobs.values()]) {
        // Its command may outlive the shell (the job's subshell holds it): stop it too.
        if (job.pid !== undefined) signalProcess(job.pid);
        job.finish(new Error(reason));
      }
    };
    shell.on("error", (error) => gone(`the launch shell failed: ${error.message}`));
    // On exit, not close: running jobs' subshells keep the shell's stdout open after it is gone.
    shell.on("exit", (code, killedBy) =>
      gone(this.#closed ? "The launcher is closed" : `the launch shell ended (${killedBy ?? code})`),
    );
    return shell;
  }

  /**
   * Whether the shell keeps this process running: only while a job is out, as a spawned command would. An
   * idle shell must not hold the event loop open (a script that never closes its engine still exits; the
   * shell then sees end of input and exits too).
   */
  #keepAlive(alive: boolean): void {
    const shell = this.#shell;
    if (shell === undefined) return;
    // The pipes are sockets (ref/unref), though typed as plain streams.
    for (const handle of [shell, shell.stdin, shell.stdout, shell.stderr] as unknown as Referenced[]) {
      if (alive) handle.ref?.();
      else handle.unref?.();
    }
  }

  #read(chunk: string): void {
    const lines = (this.#pending + chunk).split("\n");
    this.#pending = lines.pop() ?? "";
    for (const line of lines) {
      const [kind, id, value] = line.split(" ");
      const job = this.#jobs.get(Number(id));
      if (job === undefined || value === undefined) continue;
      if (kind === "S") {
        job.pid = Number(value);
        // Killed before its pid was known (a timeout of 0, an abort right after the call).
        if (job.killed) signalProcess(job.pid);
      } else if (kind === "E") job.finish(Number(value));
    }
  }
}

/** The command's output files read and removed; a killed command rejects. */
async function collect(
  files: { readonly stdout: string; readonly stderr: string },
  status: number | Error,
  killed: boolean,
  command: string,
): Promise<LaunchOutput> {
  try {
    if (status instanceof Error) throw status;
    if (killed || status > SIGNALLED) throw new Error(`${command} was killed (signal ${status - SIGNALLED})`);
    const [stdout, stderr] = await Promise.all([readText(files.stdout), readText(files.stderr)]);
    // 127: the shell found no such command (spawn's ENOENT).
    if (status === 127 && stdout === "")
      throw Object.assign(new Error(`${command} ENOENT: command not found (${stderr.trim()})`), {
        code: "ENOENT",
      });
    return { code: status, stdout, stderr };
  } finally {
    await Promise.all([unlink(files.stdout).catch(() => {}), unlink(files.stderr).catch(() => {})]);
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return "";
  }
}

function signalProcess(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** One shell word, single-quoted (a quote inside closes, is escaped, and reopens). */
function quote(word: string): string {
  if (word.includes("\0")) throw new Error("A command argument cannot contain NUL");
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
