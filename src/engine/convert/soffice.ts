/**
 * LibreOffice headless as a converter (to PDF, or from a legacy or OpenDocument format to its Office
 * Open XML counterpart): each conversion runs `soffice --headless --convert-to <target>` in its own child process group with its own throw-away profile directory (-env:UserInstallation, so
 * concurrent conversions never share or lock a profile), under a timeout that kills the whole group,
 * with at most `concurrency` conversions at once per thread. Input, output and profile live in one
 * temporary directory that is always removed.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Limiter } from "./limiter.ts";

export interface SofficeOptions {
  /** The soffice command or path (resolve it with findSoffice). */
  readonly sofficePath: string;
  readonly timeoutMs: number;
  /** Conversions at once (per thread); the rest wait. */
  readonly concurrency: number;
  /** Where each conversion's temporary directory is made; default: the OS temp directory. */
  readonly workRoot?: string | undefined;
}

/** The input's extension and LibreOffice import filter; the filter stops it from guessing (it would
 * otherwise import any unreadable bytes as plain text and "succeed"). */
export interface SofficeInput {
  readonly extension: string;
  readonly filter: string | undefined;
}

export class ConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConversionError";
  }
}

const limiter = new Limiter();
const WORK_PREFIX = "quire-soffice-";
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;
/** Per work root: when it was last swept. */
const lastSweeps = new Map<string, number>();

/**
 * Removes work directories left behind when an engine thread was terminated mid-conversion (an aborted
 * parse: no `finally` runs). A directory older than the timeout plus the watchdog's grace belongs to no
 * live conversion. At most once per SWEEP_INTERVAL_MS per root and thread; failures are ignored.
 */
async function sweepOrphans(workRoot: string, timeoutMs: number): Promise<void> {
  if (Date.now() - (lastSweeps.get(workRoot) ?? 0) < SWEEP_INTERVAL_MS) return;
  lastSweeps.set(workRoot, Date.now());
  const cutoff = Date.now() - timeoutMs - 2 * 60 * 1000;
  try {
    for (const name of await readdir(workRoot)) {
      if (!name.startsWith(WORK_PREFIX)) continue;
      const directory = path.join(workRoot, name);
      const info = await stat(directory).catch(() => undefined);
      if (info !== undefined && info.mtimeMs < cutoff) await rm(directory, { recursive: true, force: true });
    }
  } catch {
    // An unreadable temp directory only means nothing is swept.
  }
}
const OUTPUT_LIMIT = 16 * 1024;

/** What to convert to: the output's extension and LibreOffice export filter (undefined: its default). */
export interface SofficeTarget {
  readonly extension: string;
  readonly filter: string | undefined;
  /** How messages name it ("PDF", "DOCX"). */
  readonly label: string;
}

const PDF_TARGET: SofficeTarget = { extension: "pdf", filter: undefined, label: "PDF" };

/** Converts `bytes` to PDF; rejects with ConversionError when LibreOffice fails or times out. */
export function sofficeToPdf(
  bytes: Uint8Array,
  input: SofficeInput,
  options: SofficeOptions,
): Promise<Uint8Array> {
  return sofficeConvert(bytes, input, PDF_TARGET, options);
}

/** Converts `bytes` to `target`; rejects with ConversionError when LibreOffice fails or times out. */
export async function sofficeConvert(
  bytes: Uint8Array,
  input: SofficeInput,
  target: SofficeTarget,
  options: SofficeOptions,
): Promise<Uint8Array> {
  const workRoot = options.workRoot ?? tmpdir();
  await sweepOrphans(workRoot, options.timeoutMs);
  return limiter.run(options.concurrency, async () => {
    const work = await mkdtemp(path.join(workRoot, WORK_PREFIX));
    try {
      const source = path.join(work, `input.${input.extension}`);
      await writeFile(source, bytes);
      const args = [
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        `-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`,
        ...(input.filter === undefined ? [] : [`--infilter=${input.filter}`]),
        "--convert-to",
        target.filter === undefined ? target.extension : `${target.extension}:${target.filter}`,
        "--outdir",
        work,
        source,
      ];
      // A second guard outliving this thread: an aborted parse terminates the engine worker (and with it
      // the timer below), so coreutils `timeout`, when installed, also kills the group a little later.
      const guardSeconds = `${Math.ceil(options.timeoutMs / 1000) + 10}`;
      const log = (await hasWatchdog())
        ? await run(
            "timeout",
            ["--signal=KILL", guardSeconds, options.sofficePath, ...args],
            work,
            options.timeoutMs,
            target.label,
          )
        : await run(options.sofficePath, args, work, options.timeoutMs, target.label);
      try {
        return new Uint8Array(await readFile(path.join(work, `input.${target.extension}`)));
      } catch {
        const detail = log.replace(/^Warning: failed to launch javaldx.*$/gm, "").trim();
        throw new ConversionError(
          `LibreOffice could not convert the document to ${target.label}${detail === "" ? "" : ` (${lastLine(detail)})`}`,
        );
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}

/** Runs the command in its own process group; resolves with its combined output once it exits 0. */
function run(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
  label: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      // HOME inside the work directory: nothing LibreOffice writes outside its profile survives.
      // biome-ignore lint/style/noProcessEnv: passed through to the child, not read as configuration.
      env: { ...process.env, HOME: cwd, SAL_USE_VCLPLUGIN: "svp" },
    });
    let output = "";
    const collect = (chunk: Buffer): void => {
      if (output.length < OUTPUT_LIMIT) output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new ConversionError(`LibreOffice could not be started: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // soffice may leave helpers (oosplash → soffice.bin) behind; the group goes with it.
      killGroup(child.pid);
      if (timedOut) {
        reject(
          new ConversionError(`Converting the document to ${label} took longer than ${timeoutMs / 1000} s`),
        );
      } else if (code !== 0) {
        reject(
          new ConversionError(
            `LibreOffice failed to convert the document to ${label} (${signal ?? `exit code ${code}`}${output.trim() === "" ? "" : `: ${lastLine(output)}`})`,
          ),
        );
      } else resolve(output);
    });
  });
}

let watchdogAvailable: Promise<boolean> | undefined;

function hasWatchdog(): Promise<boolean> {
  watchdogAvailable ??= new Promise((resolve) => {
    const child = spawn("timeout", ["--version"], { stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
  return watchdogAvailable;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return (lines[lines.length - 1] ?? "").trim().slice(0, 300);
}

/**
 * The soffice command to use: `configured` when given, else `soffice` or `libreoffice` (found on the
 * PATH by spawn); undefined when none answers `--version`.
 */
export async function findSoffice(configured: string | undefined): Promise<string | undefined> {
  for (const command of configured === undefined ? ["soffice", "libreoffice"] : [configured]) {
    if (await answersVersion(command)) return command;
  }
  return undefined;
}

function answersVersion(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, ["--version"], { stdio: ["ignore", "pipe", "ignore"], timeout: 30_000 });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0 && /LibreOffice|OpenOffice/i.test(output)));
  });
}
